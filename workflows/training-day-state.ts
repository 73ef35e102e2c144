import type { AttendanceFigures } from '../domain/attendance';
import type { EventBrief } from '../domain/event-brief';
import type {
  ClosingSummary,
  PartnerView,
  SegmentFigures,
  SpeakerSlotView,
  TrainingDayCarriedState,
  TrainingDayStatus,
} from '../domain/messages/training-day';
import type { TrainingDayPlan } from '../domain/training-day';

export function emptyAttendance(): AttendanceFigures {
  return { checkedIn: 0, attendees: 0, walkIns: 0, byProvince: {}, bySector: {} };
}

/** What children are told of the day, from the plan as it stands. */
export function briefOf(plan: TrainingDayPlan): EventBrief {
  const day = plan.definition;
  return {
    eventId: plan.eventId,
    title: day.title,
    theme: day.theme,
    organiser: day.organiser,
    venue: day.venue,
    timeZone: day.timeZone,
    startsAt: plan.schedule.startsAt,
    endsAt: plan.schedule.endsAt,
    rsvpDeadlineAt: plan.schedule.rsvpDeadlineAt,
    revision: plan.revision,
    // Absent rather than undefined: briefs of days never moved stay as they were.
    ...(plan.changeReason ? { changeReason: plan.changeReason } : {}),
    // Only when set: briefs of days created before generations stay exactly as they were.
    ...(plan.generation === undefined ? {} : { generation: plan.generation }),
    languages: day.languages,
    capacity: day.capacity,
    seatsPerAssociation: day.seatsPerAssociation,
    reminders: day.reminders,
    agenda: day.agenda,
    agendaSchedule: plan.schedule.agenda,
  };
}

export function pendingPartnerView(partner: TrainingDayPlan['definition']['partners'][number]) {
  const view: PartnerView = {
    partnerId: partner.id,
    name: partner.name,
    status: 'pending',
    requestedContributions: [...partner.requestedContributions],
    confirmedContributions: [],
    toReassign: [],
    remindersSent: 0,
  };
  return view;
}

/**
 * `items` in the event's order (`order`: the ids as the event lists them), whatever order
 * children reported in; items the event no longer names follow, in the order they came.
 */
export function inEventOrder<T>(
  items: readonly T[],
  order: readonly string[],
  idOf: (item: T) => string,
): T[] {
  const rank = new Map(order.map((id, index) => [id, index]));
  const rankOf = (item: T) => rank.get(idOf(item)) ?? order.length;
  // Array.prototype.sort is stable: unranked items keep their arrival order.
  return [...items].sort((a, b) => rankOf(a) - rankOf(b));
}

/**
 * The partners, speaker slots and follow-ups of the status, in the event's order (partners as
 * the plan lists them, slots in agenda order, follow-ups as the recommendations were recorded).
 * A slot whose speaker was to come from a partner that declined is flagged with that partner:
 * the coordinator has a speaker to find.
 */
export function statusLists(
  plan: TrainingDayPlan,
  state: TrainingDayCarriedState,
): Pick<TrainingDayStatus, 'partners' | 'speakers' | 'followUps'> {
  const day = plan.definition;
  const slotIds = slotItems(plan).map((item) => item.id);
  const declined = new Set(
    state.partners
      .filter((partner) => partner.status === 'declined')
      .map((partner) => partner.partnerId),
  );
  const speakers = inEventOrder(
    state.speakers.filter(
      (view) => slotIds.includes(view.agendaItemId) || view.status !== 'cancelled',
    ),
    slotIds,
    (view) => view.agendaItemId,
  ).map((view): SpeakerSlotView => {
    const partnerId = day.speakers.find((speaker) => speaker.id === view.speakerId)?.partnerId;
    return partnerId && declined.has(partnerId) && view.status !== 'cancelled'
      ? { ...view, partnerDeclined: partnerId }
      : view;
  });
  return {
    partners: inEventOrder(
      state.partners,
      day.partners.map((partner) => partner.id),
      (partner) => partner.partnerId,
    ),
    speakers,
    followUps: inEventOrder(
      state.followUps,
      state.recommendations.map((recommendation) => recommendation.id),
      (followUp) => followUp.recommendationId,
    ),
  };
}

/** Agenda items that have a speaker slot, in agenda order. */
export function slotItems(plan: TrainingDayPlan) {
  return plan.definition.agenda.filter((item) => item.speakerId !== undefined);
}

export function pendingSlotView(
  plan: TrainingDayPlan,
  item: TrainingDayPlan['definition']['agenda'][number],
): SpeakerSlotView {
  const speaker = plan.definition.speakers.find((candidate) => candidate.id === item.speakerId);
  return {
    agendaItemId: item.id,
    title: item.title,
    speakerId: item.speakerId ?? '',
    speakerName: speaker?.name ?? item.speakerId ?? '',
    status: 'pending',
    previousSpeakerIds: [],
  };
}

function add(target: Record<string, number>, source: Record<string, number> | undefined): void {
  for (const [key, value] of Object.entries(source ?? {})) target[key] = (target[key] ?? 0) + value;
}

/** The registration part of the status, summed over the shards' latest reports. */
export function registrationOf(
  state: TrainingDayCarriedState,
  capacity: number,
): TrainingDayStatus['registration'] & {
  waitlistedByProvince: Record<string, number>;
  waitlistedBySector: Record<string, number>;
} {
  const registration = state.registration;
  const result = {
    invited: registration?.invitees ?? 0,
    pending: 0,
    accepted: 0,
    declined: 0,
    waitlisted: 0,
    undeliverable: 0,
    seatsTaken: 0,
    capacity,
    shards: registration?.shardCount ?? 0,
    byProvince: {} as Record<string, number>,
    bySector: {} as Record<string, number>,
    waitlistedByProvince: {} as Record<string, number>,
    waitlistedBySector: {} as Record<string, number>,
  };
  if (!registration) return result;
  let shardSeats = 0;
  for (const report of registration.shards) {
    // An invitation that never went out is not one: the day must not look alive.
    result.invited -= report.uninvited ?? 0;
    result.accepted += report.counts.accepted;
    result.declined += report.counts.declined;
    result.waitlisted += report.counts.waitlisted;
    result.undeliverable += report.counts.undeliverable;
    shardSeats += report.seats ?? 0;
    add(result.byProvince, report.byProvince);
    add(result.bySector, report.bySector);
    add(result.waitlistedByProvince, report.waitlistedByProvince);
    add(result.waitlistedBySector, report.waitlistedBySector);
  }
  // Shards that have not reported yet hold invitees that have not answered.
  result.pending = Math.max(
    0,
    result.invited - result.accepted - result.declined - result.waitlisted - result.undeliverable,
  );
  result.seatsTaken = Math.max(registration.ledger.seatsTaken, shardSeats);
  return result;
}

function segments(
  invited: Record<string, number>,
  accepted: Record<string, number>,
  waitlisted: Record<string, number>,
  attended: Record<string, number>,
): Record<string, SegmentFigures> {
  const keys = new Set([
    ...Object.keys(invited),
    ...Object.keys(accepted),
    ...Object.keys(waitlisted),
    ...Object.keys(attended),
  ]);
  const result: Record<string, SegmentFigures> = {};
  for (const key of [...keys].sort())
    result[key] = {
      invited: invited[key] ?? 0,
      accepted: accepted[key] ?? 0,
      waitlisted: waitlisted[key] ?? 0,
      attended: attended[key] ?? 0,
    };
  return result;
}

/** The closing summary: invited, accepted, waitlisted, attended, by province and sector. */
export function closingSummaryOf(
  state: TrainingDayCarriedState,
  capacity: number,
  closedAt: string,
): ClosingSummary {
  const registration = registrationOf(state, capacity);
  const attendance = state.attendance;
  // When no invitation went out (they came due after the deadline), no province was invited.
  const invitedBy = (segment: 'invitedByProvince' | 'invitedBySector') =>
    registration.invited > 0 ? (state.registration?.[segment] ?? {}) : {};
  return {
    closedAt,
    invited: registration.invited,
    accepted: registration.accepted,
    declined: registration.declined,
    waitlisted: registration.waitlisted,
    noAnswer: registration.pending,
    undeliverable: registration.undeliverable,
    seatsTaken: registration.seatsTaken,
    attended: attendance.checkedIn,
    attendees: attendance.attendees,
    walkIns: attendance.walkIns,
    byProvince: segments(
      invitedBy('invitedByProvince'),
      registration.byProvince,
      registration.waitlistedByProvince,
      attendance.byProvince,
    ),
    bySector: segments(
      invitedBy('invitedBySector'),
      registration.bySector,
      registration.waitlistedBySector,
      attendance.bySector,
    ),
    recommendations: state.recommendations.length,
  };
}

import type { AgendaItemKind } from './agenda';
import type { LocalizedText } from './common';
import type { EventBrief } from './event-brief';
import type { FollowUpStatus, RecommendationKind } from './follow-up';
import type { SurveyResults } from './messages/attendance';
import type { FollowUpView } from './messages/follow-up';
import type { TrainingDayStatus } from './messages/training-day';
import type { VisitSummary } from './networking-visit';
import type { Contribution, PartnerStatus } from './partner';
import type { SpeakerStatus } from './speaker';
import type { TrainingDayPhase } from './training-day';

/** Invited, accepted and attended associations of one province or sector. */
export interface SegmentRow {
  segment: string;
  invited: number;
  accepted: number;
  attended: number;
}

/** Invitees counted from the invitation shards, when the day has no closing summary yet. */
export interface InviteeTally {
  byProvince: Record<string, { invited: number; accepted: number }>;
  bySector: Record<string, { invited: number; accepted: number }>;
}

export interface ReportAgendaItem {
  id: string;
  kind: AgendaItemKind;
  title: LocalizedText;
  start: string;
  end: string;
  speakerName?: string;
  speakerStatus?: SpeakerStatus;
  /** The partner that was to provide this item's speaker, when it declined. */
  partnerDeclined?: LocalizedText;
}

/** A partner institution as the day ended with it. */
export interface ReportPartner {
  partnerId: string;
  name: LocalizedText;
  status: PartnerStatus;
  /** What it was asked for and did not take on: the coordinator's to reassign. */
  toReassign: Contribution[];
  /** The partner's own note with its answer. */
  note?: string;
}

export interface ReportSpeaker {
  name: string;
  talk: LocalizedText;
  status: SpeakerStatus;
}

export interface ReportRecommendation {
  id: string;
  kind: RecommendationKind;
  text: LocalizedText;
  /** The chamber, or the partner institution that owns it. */
  owner: LocalizedText;
  status: FollowUpStatus | 'not-started';
  dueAt?: string;
  outcome?: string;
  closedAt?: string;
  visits: VisitSummary[];
  nextEventIds: string[];
  digestsSent: number;
  newsItems: number;
  escalationsSent: number;
}

/** Everything one training day's report shows, built from its workflows' state. */
export interface TrainingDayReport {
  eventId: string;
  generatedAt: string;
  title: LocalizedText;
  theme?: LocalizedText;
  organiser?: LocalizedText;
  venue?: { name: LocalizedText; city: string };
  timeZone: string;
  startsAt: string;
  endsAt: string;
  phase: TrainingDayPhase;
  cancelledReason?: string;
  previousEventId?: string;
  nextEventIds: string[];
  partners: ReportPartner[];
  totals: {
    invited: number;
    accepted: number;
    declined: number;
    waitlisted: number;
    undeliverable: number;
    attended: number;
    attendees: number;
    walkIns: number;
  };
  byProvince: SegmentRow[];
  bySector: SegmentRow[];
  agenda: ReportAgendaItem[];
  speakers: ReportSpeaker[];
  survey?: SurveyResults & { responseRate: number | null };
  recommendations: ReportRecommendation[];
  followUpTotals: Record<FollowUpStatus | 'not-started', number>;
  visits: { proposed: number; scheduled: number; reported: number };
}

export interface TrainingDayReportSources {
  status: TrainingDayStatus;
  /** Follow-up views by recommendation id (the report falls back to the day's summaries). */
  followUps: Record<string, FollowUpView>;
  survey?: SurveyResults;
  /** Needed only before the day has closed (no closing summary yet). */
  invitees?: InviteeTally;
  /** Theme, venue and organiser, when a follow-up or the caller knows them. */
  brief?: Pick<EventBrief, 'theme' | 'organiser' | 'venue'>;
  generatedAt: string;
}

function segmentRows(
  closing: Record<string, { invited: number; accepted: number; attended: number }> | undefined,
  invitees: Record<string, { invited: number; accepted: number }> | undefined,
  attended: Record<string, number>,
): SegmentRow[] {
  const rows = new Map<string, SegmentRow>();
  const row = (segment: string) => {
    let found = rows.get(segment);
    if (!found) {
      found = { segment, invited: 0, accepted: 0, attended: 0 };
      rows.set(segment, found);
    }
    return found;
  };
  if (closing) {
    for (const [segment, figures] of Object.entries(closing)) {
      const target = row(segment);
      target.invited = figures.invited;
      target.accepted = figures.accepted;
      target.attended = figures.attended;
    }
  } else {
    for (const [segment, figures] of Object.entries(invitees ?? {})) {
      const target = row(segment);
      target.invited = figures.invited;
      target.accepted = figures.accepted;
    }
    for (const [segment, count] of Object.entries(attended)) row(segment).attended = count;
  }
  return [...rows.values()].sort((a, b) =>
    a.segment < b.segment ? -1 : a.segment > b.segment ? 1 : 0,
  );
}

const FOLLOW_UP_ORDER: ReadonlyArray<FollowUpStatus | 'not-started'> = [
  'not-started',
  'open',
  'in-progress',
  'overdue',
  'done',
  'dropped',
];

/**
 * Builds a training day's report: who was invited, accepted and came (by province and sector),
 * the agenda as held with its speakers, the survey, and every recommendation with its
 * follow-up. Pure: the caller fetches the sources; figures come from the day's closing summary
 * when it has one, else from the live counts.
 */
export function buildTrainingDayReport(sources: TrainingDayReportSources): TrainingDayReport {
  const { status } = sources;
  const closing = status.summary;
  const speakerBySlot = new Map(status.speakers.map((slot) => [slot.agendaItemId, slot]));
  const partnerNames = new Map(status.partners.map((partner) => [partner.partnerId, partner.name]));
  const organiserName: LocalizedText = sources.brief?.organiser.name ?? { en: 'the chamber' };

  const agenda: ReportAgendaItem[] = status.agenda.map((item) => {
    const slot = speakerBySlot.get(item.id);
    return {
      id: item.id,
      kind: item.kind,
      title: item.title,
      start: item.start,
      end: item.end,
      ...(slot ? { speakerName: slot.speakerName, speakerStatus: slot.status } : {}),
      ...(slot?.partnerDeclined
        ? {
            partnerDeclined: partnerNames.get(slot.partnerDeclined) ?? { en: slot.partnerDeclined },
          }
        : {}),
    };
  });
  const speakers: ReportSpeaker[] = status.speakers
    .filter((slot) => slot.status !== 'cancelled')
    .map((slot) => ({ name: slot.speakerName, talk: slot.title, status: slot.status }));

  const summaries = new Map(status.followUps.map((summary) => [summary.recommendationId, summary]));
  const recommendationIds = [
    ...status.recommendations.map((recommendation) => recommendation.id),
    ...status.followUps
      .map((summary) => summary.recommendationId)
      .filter((id) => !status.recommendations.some((recommendation) => recommendation.id === id)),
  ];
  const recommendations: ReportRecommendation[] = recommendationIds.map((id) => {
    const view = sources.followUps[id];
    const summary = summaries.get(id);
    const recommendation =
      view?.recommendation ?? status.recommendations.find((candidate) => candidate.id === id);
    const ownerId = recommendation?.owner ?? summary?.owner ?? 'chamber';
    const outcome = view?.outcome ?? summary?.outcome;
    const dueAt = view?.dueAt ?? summary?.dueAt ?? recommendation?.dueAt;
    return {
      id,
      kind: recommendation?.kind ?? summary?.kind ?? 'other',
      text: recommendation?.text ?? { en: id },
      owner: partnerNames.get(ownerId) ?? (ownerId === 'chamber' ? organiserName : { en: ownerId }),
      status: view?.status ?? summary?.status ?? 'not-started',
      ...(dueAt ? { dueAt } : {}),
      ...(outcome ? { outcome } : {}),
      ...(view?.closedAt ? { closedAt: view.closedAt } : {}),
      visits: view?.visits ?? [],
      nextEventIds: view?.nextEventIds ?? [],
      digestsSent: view?.digest.digestsSent ?? 0,
      newsItems: view?.news.length ?? 0,
      escalationsSent: view?.escalationsSent ?? 0,
    };
  });
  const followUpTotals = Object.fromEntries(FOLLOW_UP_ORDER.map((key) => [key, 0])) as Record<
    FollowUpStatus | 'not-started',
    number
  >;
  for (const recommendation of recommendations) followUpTotals[recommendation.status] += 1;
  const allVisits = recommendations.flatMap((recommendation) => recommendation.visits);

  const attended = closing?.attended ?? status.attendance.checkedIn;
  const survey = sources.survey
    ? {
        ...sources.survey,
        responseRate: attended > 0 ? Math.min(1, sources.survey.responses / attended) : null,
      }
    : undefined;

  const nextEventIds = [
    ...new Set([
      ...status.nextEventIds,
      ...recommendations.flatMap((recommendation) => recommendation.nextEventIds),
    ]),
  ];

  return {
    eventId: status.eventId,
    generatedAt: sources.generatedAt,
    title: status.title,
    ...(sources.brief
      ? {
          theme: sources.brief.theme,
          organiser: sources.brief.organiser.name,
          venue: { name: sources.brief.venue.name, city: sources.brief.venue.city },
        }
      : {}),
    timeZone: status.timeZone,
    startsAt: status.startsAt,
    endsAt: status.endsAt,
    phase: status.phase,
    ...(status.cancelledReason ? { cancelledReason: status.cancelledReason } : {}),
    ...(status.previousEventId ? { previousEventId: status.previousEventId } : {}),
    nextEventIds,
    partners: status.partners.map((partner) => ({
      partnerId: partner.partnerId,
      name: partner.name,
      status: partner.status,
      toReassign: partner.toReassign,
      ...(partner.note ? { note: partner.note } : {}),
    })),
    totals: {
      invited: closing?.invited ?? status.registration.invited,
      accepted: closing?.accepted ?? status.registration.accepted,
      declined: closing?.declined ?? status.registration.declined,
      waitlisted: closing?.waitlisted ?? status.registration.waitlisted,
      undeliverable: closing?.undeliverable ?? status.registration.undeliverable,
      attended,
      attendees: closing?.attendees ?? status.attendance.attendees,
      walkIns: closing?.walkIns ?? status.attendance.walkIns,
    },
    byProvince: segmentRows(
      closing?.byProvince,
      sources.invitees?.byProvince,
      status.attendance.byProvince,
    ),
    bySector: segmentRows(
      closing?.bySector,
      sources.invitees?.bySector,
      status.attendance.bySector,
    ),
    agenda,
    speakers,
    ...(survey ? { survey } : {}),
    recommendations,
    followUpTotals,
    visits: {
      proposed: allVisits.length,
      scheduled: allVisits.filter((visit) =>
        ['scheduled', 'held', 'reported'].includes(visit.status),
      ).length,
      reported: allVisits.filter((visit) => visit.status === 'reported').length,
    },
  };
}

/** One training day as the programme view lists it. */
export interface ProgrammeDay {
  eventId: string;
  title: LocalizedText;
  startsAt: string;
  phase: TrainingDayPhase;
  held: boolean;
  invited: number;
  attended: number;
  recommendations: number;
  recommendationsClosed: number;
  previousEventId?: string;
}

/** The chamber's programme: every training day, and what they reached together. */
export interface ProgrammeReport {
  generatedAt: string;
  days: ProgrammeDay[];
  totals: {
    days: number;
    daysHeld: number;
    daysPlanned: number;
    daysCancelled: number;
    /** Distinct associations that attended at least one day. */
    associationsReached: number;
    attendees: number;
    recommendations: number;
    recommendationsDone: number;
    recommendationsDropped: number;
    recommendationsClosed: number;
  };
}

/** The phases in which a day has taken place. */
export const HELD_PHASES: readonly TrainingDayPhase[] = ['closed', 'following-up', 'completed'];

/**
 * Aggregates training days into the programme view. `attendedAssociationIds` per day makes
 * "associations reached" count each association once across days; a day without it counts its
 * check-ins.
 */
export function buildProgrammeReport(
  days: ReadonlyArray<{ status: TrainingDayStatus; attendedAssociationIds?: readonly string[] }>,
  generatedAt: string,
): ProgrammeReport {
  const reached = new Set<string>();
  let reachedWithoutIds = 0;
  let attendees = 0;
  const rows: ProgrammeDay[] = [...days]
    .sort((a, b) =>
      a.status.startsAt < b.status.startsAt ? -1 : a.status.startsAt > b.status.startsAt ? 1 : 0,
    )
    .map(({ status, attendedAssociationIds }) => {
      const held = HELD_PHASES.includes(status.phase);
      if (held) {
        if (attendedAssociationIds) for (const id of attendedAssociationIds) reached.add(id);
        else reachedWithoutIds += status.summary?.attended ?? status.attendance.checkedIn;
        attendees += status.summary?.attendees ?? status.attendance.attendees;
      }
      const recommendationIds = new Set([
        ...status.recommendations.map((recommendation) => recommendation.id),
        ...status.followUps.map((followUp) => followUp.recommendationId),
      ]);
      return {
        eventId: status.eventId,
        title: status.title,
        startsAt: status.startsAt,
        phase: status.phase,
        held,
        invited: status.summary?.invited ?? status.registration.invited,
        attended: status.summary?.attended ?? status.attendance.checkedIn,
        recommendations: recommendationIds.size,
        recommendationsClosed: status.followUps.filter(
          (followUp) => followUp.status === 'done' || followUp.status === 'dropped',
        ).length,
        ...(status.previousEventId ? { previousEventId: status.previousEventId } : {}),
      };
    });
  const followUps = days.flatMap(({ status }) => status.followUps);
  const done = followUps.filter((followUp) => followUp.status === 'done').length;
  const dropped = followUps.filter((followUp) => followUp.status === 'dropped').length;
  return {
    generatedAt,
    days: rows,
    totals: {
      days: rows.length,
      daysHeld: rows.filter((row) => row.held).length,
      daysPlanned: rows.filter((row) => !row.held && row.phase !== 'cancelled').length,
      daysCancelled: rows.filter((row) => row.phase === 'cancelled').length,
      associationsReached: reached.size + reachedWithoutIds,
      attendees,
      recommendations: rows.reduce((sum, row) => sum + row.recommendations, 0),
      recommendationsDone: done,
      recommendationsDropped: dropped,
      recommendationsClosed: done + dropped,
    },
  };
}

import {
  allHandlersFinished,
  condition,
  continueAsNew,
  getExternalWorkflowHandle,
  patched,
  setHandler,
} from '@temporalio/workflow';
import { ErrorCodes } from '../domain/errors';
import type { EventBrief } from '../domain/event-brief';
import type { MessageDetails, MessagePurpose, MessageRecipient } from '../domain/messages/mail';
import {
  getInvitee,
  listInvitees,
  releaseSeats,
  requestSeats,
  seatDecision,
  shardEventChanged,
  submitRsvp,
  type InvitationShardInput,
  type InvitationShardState,
  type InviteeRecord,
} from '../domain/messages/registration';
import { invitationShardReport } from '../domain/messages/training-day';
import { RSVP_CHANNELS, type Rsvp, type RsvpOutcome } from '../domain/registration';
import { workflowIds } from '../domain/workflow-ids';
import {
  directory,
  mailBatch,
  ReportThrottle,
  HOUR_MS,
  MINUTE_MS,
  earliest,
  isoNow,
  now,
  refuse,
  refuseInput,
  resolveTuning,
  runIsLarge,
  signalQuietly,
  Alarm,
} from './kit';
import {
  newInviteeRecord,
  pageOfInvitees,
  standingOf,
  shardReportOf,
  toInviteeView,
  wasInvited,
} from './invitation-shard-state';

/** Invitees read per activity call, and recipients per message batch: small payloads. */
const PAGE_SIZE = 250;
const BATCH_SIZE = 100;
/** Updates handled before a run hands over (Temporal refuses more than 2,000 per run). */
const MAX_UPDATES_PER_RUN = 1000;
/** Each shard reports at most this often per shard of the campaign, so the parent sees ≤ 2/s. */
const REPORT_MS_PER_SHARD = 500;

/** The programme as associations read it: any change to it is worth a notice. */
function programmeKey(event: EventBrief): string {
  return JSON.stringify(event.agenda);
}

/** Who is told of a programme change: the associations that hold or wait for a seat. */
function isRegistered(record: InviteeRecord): boolean {
  return record.status === 'accepted' || record.status === 'waitlisted';
}

function recipientOf(record: InviteeRecord, shard: number): MessageRecipient {
  return {
    id: record.associationId,
    kind: 'association',
    name: record.name,
    email: record.email,
    language: record.language,
    shard,
  };
}

/** What a reschedule notice tells one invitee: their answer and seats, kept as they were. */
function changeNoticeDetails(record: InviteeRecord): MessageDetails {
  return {
    standing: standingOf(record.status),
    seats: record.seats,
    waitlistPosition: record.waitlistPosition,
  };
}

function notInvited(associationId: unknown): never {
  return refuse(
    ErrorCodes.notFound,
    `association "${String(associationId)}" is not invited to this training day`,
    'associationId',
  );
}

function validateRsvp(
  rsvp: Rsvp,
  record: InviteeRecord | undefined,
  loaded: boolean,
  state: InvitationShardState,
  event: EventBrief,
): void {
  if (!rsvp || (rsvp.response !== 'accept' && rsvp.response !== 'decline'))
    refuseInput('must be accept or decline', 'response');
  if (typeof rsvp.associationId !== 'string') refuseInput('is required', 'associationId');
  // Until the shard has read its invitees, membership is checked by the handler instead.
  if (!record && loaded) notInvited(rsvp.associationId);
  const channel = rsvp.channel ?? 'link';
  if (!RSVP_CHANNELS.includes(channel)) refuseInput('unknown channel', 'channel');
  if (rsvp.response === 'accept') {
    if (!Number.isInteger(rsvp.seats) || rsvp.seats < 1) refuseInput('at least one seat', 'seats');
    if (rsvp.seats > event.seatsPerAssociation)
      refuseInput(`at most ${event.seatsPerAssociation} seats per association`, 'seats');
  }
  if (state.cancelled) refuse(ErrorCodes.wrongPhase, 'the training day was cancelled');
  if (state.dayOver || now() >= Date.parse(event.startsAt))
    refuse(ErrorCodes.deadlinePassed, 'the training day has started: answers are closed');
  const closed = state.registrationClosed || now() > Date.parse(event.rsvpDeadlineAt);
  // After the deadline, a coordinator may still record an answer taken by phone.
  if (closed && channel !== 'coordinator')
    refuse(ErrorCodes.deadlinePassed, `answers closed on ${event.rsvpDeadlineAt}`);
}

/**
 * Up to 500 invited associations of one training day: their invitations, their answers
 * (`submitRsvp`, seats decided by the seat ledger), reminders before the RSVP deadline and
 * before the day, and notices of a reschedule or cancellation, all sent in batches. Reports
 * its figures to the training day, coalesced. Ends when the day is over or cancelled.
 */
export async function invitationShardWorkflow(input: InvitationShardInput): Promise<void> {
  const tuning = resolveTuning(input.tuning);
  const { shard, shardCount } = input;
  const { eventId } = input.event;
  const parentId = workflowIds.trainingDay(eventId);
  const ledgerId = workflowIds.seatLedger(eventId);
  let event: EventBrief = input.event;
  const state: InvitationShardState = input.state ?? {
    invitees: [],
    invitationsSent: false,
    toldRevision: input.event.revision,
    registrationClosed: false,
    cancelled: false,
    cancellationSent: false,
    dayOver: false,
    outbox: [],
  };
  const byId = new Map<string, InviteeRecord>();
  for (const record of state.invitees) byId.set(record.associationId, record);
  const reports = new ReportThrottle(
    Math.max(tuning.reportIntervalMs, shardCount * REPORT_MS_PER_SHARD),
  );
  // Every run reports once: the parent hears of the state it starts from.
  reports.markChanged();
  const decisionsSeen = new Map<string, number>();
  const busy = new Set<string>();
  let updatesHandled = 0;
  let loaded = input.state !== undefined;
  let poked = false;
  const alarm = new Alarm();
  const changed = () => {
    reports.markChanged();
    poked = true;
  };

  setHandler(getInvitee, (associationId) => {
    const record = byId.get(associationId);
    return record ? toInviteeView(record) : undefined;
  });
  setHandler(listInvitees, (query) => pageOfInvitees(state.invitees, query ?? {}));
  setHandler(shardEventChanged, (change) => {
    const programme = programmeKey(event);
    if (programmeKey(change.event) !== programme) {
      // Each edit restarts the quiet period: many edits in a row make one notice.
      state.toldProgramme ??= programme;
      state.programmeChangedAt = isoNow();
    }
    event = change.event;
    if (change.cancelled) state.cancelled = true;
    if (change.dayOver) state.dayOver = true;
    if (change.registrationClosed !== undefined)
      state.registrationClosed = change.registrationClosed;
    poked = true;
  });
  setHandler(seatDecision, (decision) => {
    const record = byId.get(decision.associationId);
    if (!record) return;
    decisionsSeen.set(decision.associationId, (decisionsSeen.get(decision.associationId) ?? 0) + 1);
    if (decision.status === 'released') return;
    if (decision.promoted) {
      // Declined since it queued: the ledger has its release by now and promotes someone else.
      if (record.status !== 'waitlisted') return;
      record.promotions += 1;
      state.outbox.push({
        purpose: 'waitlist-promotion',
        associationId: record.associationId,
        revision: record.promotions,
        seats: decision.seats,
      });
    }
    record.status = decision.status;
    record.seats = decision.seats;
    record.waitlistPosition = decision.waitlistPosition;
    changed();
  });
  setHandler(
    submitRsvp,
    async (rsvp): Promise<RsvpOutcome> => {
      updatesHandled += 1;
      await condition(() => loaded);
      const record = byId.get(rsvp.associationId);
      if (!record) notInvited(rsvp.associationId);
      // One answer of an association at a time, in arrival order.
      while (busy.has(record.associationId)) await condition(() => !busy.has(record.associationId));
      busy.add(record.associationId);
      try {
        return await answer(rsvp, record);
      } finally {
        busy.delete(record.associationId);
      }
    },
    {
      validator: (rsvp) => validateRsvp(rsvp, byId.get(rsvp?.associationId), loaded, state, event),
    },
  );

  const outcomeOf = (record: InviteeRecord): RsvpOutcome => ({
    associationId: record.associationId,
    status: record.status,
    seats: record.seats,
    waitlistPosition: record.waitlistPosition,
  });

  async function answer(rsvp: Rsvp, record: InviteeRecord): Promise<RsvpOutcome> {
    const before = record.status;
    if (rsvp.response === 'decline') {
      if (before === 'declined') return outcomeOf(record);
      if (before === 'accepted' || before === 'waitlisted')
        await getExternalWorkflowHandle(ledgerId).signal(releaseSeats, {
          associationId: record.associationId,
          shard,
        });
      record.status = 'declined';
      record.seats = 0;
      record.waitlistPosition = undefined;
      record.answeredAt = isoNow();
      record.answers += 1;
      state.outbox.push({
        purpose: 'rsvp-decline-acknowledgement',
        associationId: record.associationId,
        revision: record.answers,
      });
      changed();
      return outcomeOf(record);
    }
    if ((before === 'accepted' || before === 'waitlisted') && record.seats === rsvp.seats)
      return outcomeOf(record);
    const seen = decisionsSeen.get(record.associationId) ?? 0;
    try {
      await getExternalWorkflowHandle(ledgerId).signal(requestSeats, {
        associationId: record.associationId,
        seats: rsvp.seats,
        shard,
      });
    } catch {
      refuse(ErrorCodes.wrongPhase, 'seats can no longer be requested for this training day');
    }
    // The ledger answers every request it receives (a closed ledger refuses the signal above),
    // except one that reaches it as the day is cancelled: it ends without answering. Waiting
    // for that answer kept the update, and so the shard, from ever finishing.
    const decided = () => (decisionsSeen.get(record.associationId) ?? 0) > seen;
    const endsWithDay = patched('rsvp-wait-ends-with-day');
    await condition(() => decided() || (endsWithDay && (state.cancelled || state.dayOver)));
    if (!decided())
      refuse(
        ErrorCodes.wrongPhase,
        state.cancelled
          ? 'the training day was cancelled: the answer was not recorded'
          : 'the training day is over: the answer was not recorded',
      );
    record.answeredAt = isoNow();
    record.answers += 1;
    state.outbox.push({
      purpose: record.status === 'accepted' ? 'rsvp-confirmation' : 'waitlist-notice',
      associationId: record.associationId,
      revision: record.answers,
      seats: record.seats,
      waitlistPosition: record.waitlistPosition,
    });
    changed();
    return outcomeOf(record);
  }

  /** Sends one purpose to some invitees, in batches; marks the ones the server refused. */
  async function sendToInvitees(
    purpose: MessagePurpose,
    revision: number,
    recipients: InviteeRecord[],
    detailsOf?: (record: InviteeRecord) => MessageDetails,
  ): Promise<void> {
    for (let start = 0; start < recipients.length; start += BATCH_SIZE) {
      const batch = recipients.slice(start, start + BATCH_SIZE);
      const result = await mailBatch.sendMessageBatch({
        purpose,
        event,
        revision,
        recipients: batch.map((record) => recipientOf(record, shard)),
        detailsByRecipient: detailsOf
          ? Object.fromEntries(batch.map((record) => [record.associationId, detailsOf(record)]))
          : undefined,
      });
      for (const refused of result.undeliverable) {
        const record = byId.get(refused.recipientId);
        if (!record) continue;
        record.failure = refused.reason;
        if (purpose === 'association-invitation') record.status = 'undeliverable';
      }
    }
  }

  async function loadInvitees(): Promise<void> {
    for (let offset = 0; ; offset += PAGE_SIZE) {
      const page = await directory.loadInvitees(input.inviteesKey, { offset, limit: PAGE_SIZE });
      for (const invitee of page.invitees) {
        if (byId.has(invitee.associationId)) continue;
        const record = newInviteeRecord(invitee);
        state.invitees.push(record);
        byId.set(record.associationId, record);
      }
      if (offset + PAGE_SIZE >= page.total) return;
    }
  }

  /** Sends what the outbox holds now, grouped by purpose; later messages wait a turn. */
  async function drainOutbox(): Promise<void> {
    let pending = state.outbox.length;
    while (pending > 0) {
      const [first] = state.outbox;
      const group = state.outbox
        .slice(0, pending)
        .filter(
          (message) => message.purpose === first!.purpose && message.revision === first!.revision,
        );
      const records = group
        .map((message) => byId.get(message.associationId))
        .filter((record): record is InviteeRecord => record !== undefined);
      const details = new Map(group.map((message) => [message.associationId, message]));
      await sendToInvitees(first!.purpose, first!.revision, records, (record) => ({
        seats: details.get(record.associationId)?.seats,
        waitlistPosition: details.get(record.associationId)?.waitlistPosition,
      }));
      state.outbox = state.outbox.filter((message) => !group.includes(message));
      pending -= group.length;
    }
  }

  const report = async () => {
    const version = reports.begin();
    state.lastReport = shardReportOf(shard, state.invitees);
    await signalQuietly(parentId, invitationShardReport, state.lastReport);
    reports.reported(version, now());
  };
  const rsvpReminderAt = () =>
    Date.parse(event.rsvpDeadlineAt) - event.reminders.rsvpReminderHoursBefore * HOUR_MS;
  const attendanceReminderAt = () =>
    Date.parse(event.startsAt) - event.reminders.attendeeReminderHoursBefore * HOUR_MS;
  const programmeNoticeAt = () =>
    state.programmeChangedAt === undefined
      ? undefined
      : Date.parse(state.programmeChangedAt) + event.reminders.agendaChangeQuietMinutes * MINUTE_MS;
  const registrationOpen = () =>
    !state.registrationClosed && now() <= Date.parse(event.rsvpDeadlineAt);

  if (input.state === undefined) await loadInvitees();
  loaded = true;

  for (;;) {
    // First thing on waking, so that a busy shard still hands over at its first quiet moment.
    const handOver = runIsLarge(tuning) || updatesHandled >= MAX_UPDATES_PER_RUN;
    if (handOver && allHandlersFinished() && !state.cancelled)
      return continueAsNew<typeof invitationShardWorkflow>({ ...input, event, state });
    if (state.cancelled) {
      if (!state.cancellationSent) {
        await sendToInvitees(
          'cancellation-notice',
          event.revision,
          state.invitees.filter(wasInvited),
        );
        state.cancellationSent = true;
      }
      await condition(allHandlersFinished);
      await report();
      return;
    }
    if (!state.invitationsSent) {
      // Invitations that could no longer be answered are not sent.
      const toInvite = registrationOpen()
        ? state.invitees.filter((record) => record.invitedAt === undefined)
        : [];
      const at = isoNow();
      for (const record of toInvite) record.invitedAt = at;
      await sendToInvitees('association-invitation', 0, toInvite);
      for (const record of toInvite) if (record.status === 'pending') record.status = 'invited';
      state.invitationsSent = true;
      changed();
    }
    await drainOutbox();
    if (event.revision > state.toldRevision) {
      const revision = event.revision;
      // Histories recorded before notices fitted each invitee replay with one notice for all.
      const fitted = patched('per-invitee-change-notices');
      await sendToInvitees(
        'reschedule-notice',
        revision,
        state.invitees.filter((record) => wasInvited(record) && record.status !== 'cancelled'),
        fitted ? changeNoticeDetails : undefined,
      );
      state.toldRevision = revision;
      // The reschedule notice carries the programme as it is now.
      state.toldProgramme = programmeKey(event);
      state.programmeChangedAt = undefined;
    }
    // Histories recorded before this notice existed replay without it.
    const programmeNoticePending =
      state.programmeChangedAt !== undefined && patched('programme-change-notice');
    if (programmeNoticePending && programmeKey(event) === state.toldProgramme)
      state.programmeChangedAt = undefined;
    else if (programmeNoticePending && now() >= programmeNoticeAt()!) {
      state.programmeNoticesSent = (state.programmeNoticesSent ?? 0) + 1;
      await sendToInvitees(
        'programme-change',
        state.programmeNoticesSent,
        state.invitees.filter(isRegistered),
        (record) => ({ seats: record.seats, waitlistPosition: record.waitlistPosition }),
      );
      state.toldProgramme = programmeKey(event);
      state.programmeChangedAt = undefined;
    }
    if (
      state.rsvpRemindedRevision !== event.revision &&
      registrationOpen() &&
      now() >= rsvpReminderAt()
    ) {
      const remindAt = rsvpReminderAt();
      await sendToInvitees(
        'rsvp-reminder',
        event.revision,
        state.invitees.filter(
          (record) =>
            record.status === 'invited' &&
            record.invitedAt !== undefined &&
            Date.parse(record.invitedAt) <= remindAt,
        ),
      );
      state.rsvpRemindedRevision = event.revision;
    }
    if (
      state.attendanceRemindedRevision !== event.revision &&
      now() >= attendanceReminderAt() &&
      now() < Date.parse(event.startsAt)
    ) {
      const remindAt = attendanceReminderAt();
      // Those who accepted inside the window have their confirmation fresh in hand.
      await sendToInvitees(
        'attendance-reminder',
        event.revision,
        state.invitees.filter(
          (record) =>
            record.status === 'accepted' &&
            (!record.answeredAt || Date.parse(record.answeredAt) <= remindAt),
        ),
        (record) => ({ seats: record.seats }),
      );
      state.attendanceRemindedRevision = event.revision;
    }
    // Histories recorded before this notice existed replay without it.
    const waitlistClosedPending =
      state.waitlistClosedRevision === undefined && patched('waitlist-closed-notice');
    if (waitlistClosedPending && (state.dayOver || now() >= Date.parse(event.startsAt))) {
      // From the start of the day the ledger promotes no one: those still waiting will not get in.
      await sendToInvitees(
        'waitlist-closed',
        event.revision,
        state.invitees.filter((record) => record.status === 'waitlisted'),
      );
      state.waitlistClosedRevision = event.revision;
    }
    if (reports.isDue(now())) await report();
    if (state.dayOver || now() >= Date.parse(event.endsAt)) {
      await condition(allHandlersFinished);
      await drainOutbox();
      await report();
      return;
    }
    const rsvpReminderDue =
      state.rsvpRemindedRevision !== event.revision && registrationOpen()
        ? rsvpReminderAt()
        : undefined;
    const attendanceReminderDue =
      state.attendanceRemindedRevision !== event.revision && now() < attendanceReminderAt()
        ? attendanceReminderAt()
        : undefined;
    await alarm.wait(
      () => poked || state.outbox.length > 0 || (handOver && allHandlersFinished()),
      earliest(
        reports.dueAt(),
        rsvpReminderDue,
        attendanceReminderDue,
        waitlistClosedPending && state.waitlistClosedRevision === undefined
          ? Date.parse(event.startsAt)
          : undefined,
        programmeNoticePending ? programmeNoticeAt() : undefined,
        Date.parse(event.endsAt),
      ),
    );
    poked = false;
  }
}

import {
  ParentClosePolicy,
  allHandlersFinished,
  condition,
  continueAsNew,
  log,
  patched,
  setHandler,
  startChild,
  upsertSearchAttributes,
  type Workflow,
} from '@temporalio/workflow';
import { z } from 'zod';
import { AgendaSchema, findAgendaProblems } from '../domain/agenda';
import { pickText } from '../domain/common';
import { ErrorCodes } from '../domain/errors';
import { AdvanceRequestSchema, CancelRequestSchema } from '../domain/lifecycle-commands';
import { RecommendationSchema, type Recommendation } from '../domain/follow-up';
import type { FollowUpInput } from '../domain/messages/follow-up';
import { attendanceEventChanged } from '../domain/messages/attendance';
import { partnerEventChanged } from '../domain/messages/partner';
import { ledgerEventChanged, shardEventChanged } from '../domain/messages/registration';
import { speakerEventChanged } from '../domain/messages/speaker-slot';
import {
  addRecommendation,
  advancePhase,
  attendanceReport,
  cancelTrainingDay,
  changeAgenda,
  followUpReport,
  getTrainingDayStatus,
  invitationShardReport,
  nextEventCreated,
  partnerSettled,
  rescheduleTrainingDay,
  seatLedgerReport,
  speakerSlotChanged,
  type AgendaChangeCommand,
  type RescheduleCommand,
  type TrainingDayCarriedState,
  type TrainingDayRunOptions,
  type TrainingDayStatus,
} from '../domain/messages/training-day';
import {
  MultaqaEventIdKey,
  TrainingDayDateKey,
  TrainingDayOrganiserKey,
  TrainingDayPhaseKey,
} from '../domain/search-attributes';
import type { TrainingDayPhase, TrainingDayPlan } from '../domain/training-day';
import { advanceProblem, nextPhase, phaseRank } from '../domain/training-day-phases';
import { workflowIds } from '../domain/workflow-ids';
import { attendanceWorkflow } from './attendance';
import { followUpWorkflow } from './follow-up';
import { invitationShardWorkflow } from './invitation-shard';
import {
  Alarm,
  coordinatorRecipient,
  directory,
  earliest,
  HOUR_MS,
  inBatches,
  isoNow,
  mail,
  MINUTE_MS,
  now,
  readModel,
  refuse,
  refuseInput,
  resolveTuning,
  runIsLarge,
  signalQuietly,
  parseCommand,
} from './kit';
import { partnerCoordinationWorkflow } from './partner-coordination';
import { seatLedgerWorkflow } from './seat-ledger';
import { speakerSlotWorkflow } from './speaker-slot';
import {
  briefOf,
  closingSummaryOf,
  emptyAttendance,
  pendingPartnerView,
  pendingSlotView,
  registrationOf,
  slotItems,
  statusLists,
} from './training-day-state';

const SETTLED_PARTNER = new Set(['confirmed', 'declined', 'escalated', 'cancelled']);
const ISO_INSTANT = z.iso.datetime({ offset: true });

/** What the children are told along with the event, beyond the event itself. */
interface ChildNotice {
  cancelled?: boolean;
  dayOver?: boolean;
}

function initialState(plan: TrainingDayPlan): TrainingDayCarriedState {
  const at = isoNow();
  const past = now() >= Date.parse(plan.schedule.endsAt);
  // A day recorded after it took place only tracks its follow-ups: nothing is sent.
  const phase: TrainingDayPhase = past
    ? 'closed'
    : plan.startAsDraft
      ? 'draft'
      : 'coordinating-partners';
  return {
    phase,
    phaseHistory: [{ phase, at }],
    createdAt: at,
    agendaRevision: 0,
    partners: plan.definition.partners.map(pendingPartnerView),
    speakers: slotItems(plan).map((item) => pendingSlotView(plan, item)),
    slotsStarted: [],
    partnersStarted: false,
    attendance: emptyAttendance(),
    recommendations: [],
    followUps: [],
    followUpsStarted: [],
    nextEventIds: [],
  };
}

function validateReschedule(
  command: RescheduleCommand,
  plan: TrainingDayPlan,
  state: TrainingDayCarriedState,
): void {
  const { phase } = state;
  const invitationsSent = state.registration !== undefined;
  if (phaseRank(phase) >= phaseRank('in-progress'))
    refuse(ErrorCodes.wrongPhase, `a training day cannot be rescheduled once ${phase}`);
  for (const field of ['startsAt', 'endsAt', 'rsvpDeadlineAt'] as const)
    if (!ISO_INSTANT.safeParse(command?.[field]).success)
      refuseInput('must be an ISO 8601 date-time with an offset', field);
  for (const field of ['date', 'start', 'end'] as const)
    if (typeof command[field] !== 'string') refuseInput('is required', field);
  const startsAt = Date.parse(command.startsAt);
  if (startsAt <= now()) refuseInput('the new date must be in the future', 'date');
  // Invitations not sent yet would never go out (no one could answer them): say so now.
  if (!invitationsSent && Date.parse(command.rsvpDeadlineAt) < now())
    refuseInput(
      'the RSVP deadline would already have passed, so no invitation could go out; give a later rsvpDeadline',
      'rsvpDeadline',
    );
  if (Date.parse(command.endsAt) <= startsAt) refuseInput('must be after start', 'end');
  if (Date.parse(command.rsvpDeadlineAt) > startsAt)
    refuseInput('must not be after the day itself', 'rsvpDeadline');
  if (command.agendaItems !== undefined) {
    validateNewAgenda(command.agendaItems, command.agenda, command, plan, state, 'agenda');
    return;
  }
  const problems = findAgendaProblems(plan.definition.agenda, command);
  if (problems.length > 0)
    refuseInput(
      `the agenda does not fit the new hours: ${problems[0]!.message}; change the agenda first`,
      'start',
    );
  for (const item of plan.definition.agenda)
    if (!command.agenda?.[item.id]) refuseInput(`no instants for "${item.id}"`, 'agenda');
}

/**
 * Refuses an agenda that cannot replace the day's: invalid items, items outside `hours`,
 * unknown speakers, items without instants in `schedule`, or a started speaker slot given
 * another speaker (that is `replaceSpeaker`'s job) or reopened after it was closed.
 */
function validateNewAgenda(
  input: unknown,
  schedule: Record<string, { startsAt: string; endsAt: string }> | undefined,
  hours: { start: string; end: string },
  plan: TrainingDayPlan,
  state: TrainingDayCarriedState,
  scheduleField: string,
): void {
  const parsed = AgendaSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    refuseInput(issue.message, ['agenda', ...issue.path.map(String)].join('.'));
  }
  const agenda = parsed.data;
  // A replacement speaker lives in the slot, not in the event file: known all the same.
  const speakerIds = new Set([
    ...plan.definition.speakers.map((speaker) => speaker.id),
    ...state.speakers.map((view) => view.speakerId),
  ]);
  const problem = findAgendaProblems(agenda, hours, speakerIds)[0];
  if (problem) refuseInput(problem.message, ['agenda', ...problem.path.map(String)].join('.'));
  agenda.forEach((item, index) => {
    const instants = schedule?.[item.id];
    if (
      !instants ||
      !ISO_INSTANT.safeParse(instants.startsAt).success ||
      !ISO_INSTANT.safeParse(instants.endsAt).success
    )
      refuseInput(`no instants for "${item.id}"`, `${scheduleField}.${item.id}`);
    if (!item.speakerId || !state.slotsStarted.includes(item.id)) return;
    const before = plan.definition.agenda.find((known) => known.id === item.id);
    const slot = state.speakers.find((view) => view.agendaItemId === item.id);
    if (!before?.speakerId || slot?.status === 'cancelled')
      refuseInput(
        `the speaker slot of "${item.id}" was closed: give the new talk a new id`,
        `agenda.${index}.id`,
      );
    if (before.speakerId !== item.speakerId && slot?.speakerId !== item.speakerId)
      refuseInput(
        `"${item.id}" already has its speaker slot: replace the speaker on the slot instead`,
        `agenda.${index}.speakerId`,
      );
  });
}

function validateAgendaChange(
  command: AgendaChangeCommand,
  plan: TrainingDayPlan,
  state: TrainingDayCarriedState,
): void {
  const { phase } = state;
  if (phase === 'cancelled' || phaseRank(phase) >= phaseRank('in-progress'))
    refuse(ErrorCodes.wrongPhase, `the agenda cannot change once the training day is ${phase}`);
  if (command?.basedOnRevision !== undefined && command.basedOnRevision !== state.agendaRevision)
    refuse(
      ErrorCodes.wrongPhase,
      `the agenda changed meanwhile (revision ${state.agendaRevision}, edit made on ${command.basedOnRevision}): look again and redo the edit`,
      'basedOnRevision',
    );
  validateNewAgenda(command?.agenda, command?.schedule, plan.definition, plan, state, 'schedule');
}

/**
 * One training day, from the first call to a partner institution to the last follow-up:
 * draft → coordinating partners → booking speakers → invitations open → registration closed →
 * in progress → closed → following up → completed (or cancelled). Partners, speaker slots,
 * invitation shards, the seat ledger, attendance and follow-ups are child workflows with fixed
 * ids that report back by signal; this workflow keeps the phase (also a search attribute),
 * publishes its status to the read model, tells the children of reschedules, agenda changes and
 * cancellation, and continues as new before its history grows large.
 */
export async function trainingDayWorkflow(
  initialPlan: TrainingDayPlan,
  options: TrainingDayRunOptions = {},
): Promise<TrainingDayStatus> {
  const tuning = resolveTuning(options.tuning);
  const plan: TrainingDayPlan = initialPlan;
  const state = options.state ?? initialState(plan);
  const { eventId } = plan;
  const selfId = workflowIds.trainingDay(eventId);
  let poked = false;
  const alarm = new Alarm();
  let statusVersion = 1;
  let publishedVersion = 0;
  let lastPublishAt = Number.NEGATIVE_INFINITY;
  let noticesWanted = 0;
  let noticesSent = 0;
  let pendingNotice: ChildNotice = {};

  const changed = () => {
    statusVersion += 1;
    poked = true;
  };
  const followUpAt = () =>
    Math.max(Date.parse(plan.schedule.endsAt), Date.parse(state.createdAt)) +
    tuning.followUpGraceHours * HOUR_MS;

  function status(): TrainingDayStatus {
    const day = plan.definition;
    const registration = registrationOf(state, day.capacity);
    const { waitlistedByProvince: _p, waitlistedBySector: _s, ...counts } = registration;
    return {
      eventId,
      title: day.title,
      phase: state.phase,
      phaseHistory: state.phaseHistory,
      revision: plan.revision,
      timeZone: day.timeZone,
      startsAt: plan.schedule.startsAt,
      endsAt: plan.schedule.endsAt,
      rsvpDeadlineAt: plan.schedule.rsvpDeadlineAt,
      languages: day.languages,
      agenda: day.agenda,
      ...statusLists(plan, state),
      registration: counts,
      attendance: state.attendance,
      recommendations: state.recommendations,
      cancelledReason: state.cancelledReason,
      previousEventId: plan.previousEventId,
      nextEventIds: state.nextEventIds,
      agendaRevision: state.agendaRevision,
      summary: state.summary,
      followUpStartsAt: state.phase === 'closed' ? new Date(followUpAt()).toISOString() : undefined,
      audienceEmpty: state.audienceEmpty,
    };
  }

  function enter(phase: TrainingDayPhase): void {
    state.phase = phase;
    state.phaseHistory.push({ phase, at: isoNow() });
    upsertSearchAttributes([{ key: TrainingDayPhaseKey, value: phase }]);
    changed();
  }

  // ---- messages ----
  setHandler(getTrainingDayStatus, status);
  setHandler(partnerSettled, (view) => {
    const index = state.partners.findIndex((partner) => partner.partnerId === view.partnerId);
    if (index >= 0) state.partners[index] = view;
    else state.partners.push(view);
    changed();
  });
  setHandler(speakerSlotChanged, (view) => {
    const index = state.speakers.findIndex((slot) => slot.agendaItemId === view.agendaItemId);
    if (index >= 0) state.speakers[index] = view;
    else state.speakers.push(view);
    changed();
  });
  setHandler(invitationShardReport, (report) => {
    const registration = state.registration;
    if (!registration) return;
    const index = registration.shards.findIndex((known) => known.shard === report.shard);
    if (index >= 0) registration.shards[index] = report;
    else registration.shards.push(report);
    changed();
  });
  setHandler(seatLedgerReport, (report) => {
    if (state.registration) state.registration.ledger = report;
    changed();
  });
  setHandler(attendanceReport, (figures) => {
    state.attendance = figures;
    changed();
  });
  setHandler(followUpReport, (summary) => {
    const index = state.followUps.findIndex(
      (known) => known.recommendationId === summary.recommendationId,
    );
    if (index >= 0) state.followUps[index] = summary;
    else state.followUps.push(summary);
    changed();
  });
  setHandler(nextEventCreated, ({ eventId: next }) => {
    if (!state.nextEventIds.includes(next)) state.nextEventIds.push(next);
    changed();
  });

  /**
   * After the agenda changed: a pending view for each talk without one (or, when not
   * `keepStartedSlots`, whose file speaker differs from the view's); running slots keep theirs.
   */
  function matchSlotViewsToAgenda(keepStartedSlots: boolean): void {
    for (const item of slotItems(plan)) {
      const running = state.speakers.find((view) => view.agendaItemId === item.id);
      if (keepStartedSlots && running && state.slotsStarted.includes(item.id)) {
        running.title = item.title;
        continue;
      }
      if (!running || running.speakerId !== item.speakerId)
        state.speakers = [
          ...state.speakers.filter((view) => view.agendaItemId !== item.id),
          pendingSlotView(plan, item),
        ];
    }
  }

  /** Asks the main loop to tell every child; resolves once it has. */
  async function noticeChildren(notice: ChildNotice = {}): Promise<void> {
    pendingNotice = { ...pendingNotice, ...notice };
    noticesWanted += 1;
    const ticket = noticesWanted;
    poked = true;
    await condition(() => noticesSent >= ticket);
  }

  setHandler(
    advancePhase,
    async ({ to }) => {
      state.requestedPhase = to;
      poked = true;
      // Cleared by the loop once the phase is entered and the children told.
      await condition(() => state.phase === 'cancelled' || state.requestedPhase === undefined);
      return state.phase;
    },
    {
      validator: (request) => {
        const { to } = parseCommand(AdvanceRequestSchema, request);
        const problem = advanceProblem(state.requestedPhase ?? state.phase, to);
        if (problem) refuse(ErrorCodes.wrongPhase, problem, 'to');
      },
    },
  );
  setHandler(
    rescheduleTrainingDay,
    async (command) => {
      plan.revision += 1;
      plan.definition.date = command.date;
      plan.definition.start = command.start;
      plan.definition.end = command.end;
      plan.definition.rsvpDeadline = command.rsvpDeadline;
      // Told to everyone in the notices; a reschedule without a reason clears an older one.
      plan.changeReason =
        typeof command.reason === 'string' ? command.reason.trim() || undefined : undefined;
      // Validators do not run on replay: parsed again. Older histories carry no agenda.
      if (command.agendaItems !== undefined && patched('reschedule-moves-agenda')) {
        plan.definition.agenda = AgendaSchema.parse(command.agendaItems);
        matchSlotViewsToAgenda(true);
      }
      plan.schedule = {
        startsAt: command.startsAt,
        endsAt: command.endsAt,
        rsvpDeadlineAt: command.rsvpDeadlineAt,
        agenda: command.agenda,
      };
      if (state.phase === 'registration-closed' && now() <= Date.parse(command.rsvpDeadlineAt))
        enter('invitations-open');
      upsertSearchAttributes([{ key: TrainingDayDateKey, value: new Date(command.startsAt) }]);
      changed();
      await noticeChildren();
      return { revision: plan.revision };
    },
    { validator: (command) => validateReschedule(command, plan, state) },
  );
  setHandler(
    cancelTrainingDay,
    async ({ reason }) => {
      state.cancelledReason = reason.trim();
      plan.changeReason = state.cancelledReason;
      enter('cancelled');
      await noticeChildren({ cancelled: true });
      return state.phase;
    },
    {
      validator: (request) => {
        parseCommand(CancelRequestSchema, request);
        if (state.phase === 'cancelled' || phaseRank(state.phase) >= phaseRank('closed'))
          refuse(ErrorCodes.wrongPhase, `a training day cannot be cancelled once ${state.phase}`);
      },
    },
  );
  setHandler(
    changeAgenda,
    async (command) => {
      // Parsed again here: validators do not run on replay, so the handler cannot rely on them.
      plan.definition.agenda = AgendaSchema.parse(command.agenda);
      plan.schedule = { ...plan.schedule, agenda: command.schedule };
      state.agendaRevision += 1;
      // A slot that is running keeps its speaker (a replacement stays); older runs reset it.
      matchSlotViewsToAgenda(patched('agenda-edit-keeps-slot-speaker'));
      changed();
      await noticeChildren();
      return { revision: state.agendaRevision };
    },
    {
      validator: (command) => validateAgendaChange(command, plan, state),
    },
  );
  setHandler(
    addRecommendation,
    (input): Recommendation => {
      const recommendation = RecommendationSchema.parse(input);
      state.recommendations.push(recommendation);
      changed();
      return recommendation;
    },
    {
      validator: (input) => {
        if (
          state.phase !== 'in-progress' &&
          state.phase !== 'closed' &&
          state.phase !== 'following-up'
        )
          refuse(
            ErrorCodes.wrongPhase,
            `recommendations are recorded during or after the day (now ${state.phase})`,
          );
        const { id } = parseCommand(RecommendationSchema, input);
        if (state.recommendations.some((known) => known.id === id))
          refuseInput(`a recommendation "${id}" already exists`, 'id');
      },
    },
  );

  // ---- children ----
  async function start<W extends Workflow>(
    workflow: W,
    workflowId: string,
    args: Parameters<W>,
  ): Promise<void> {
    const childOptions = { workflowId, args, parentClosePolicy: ParentClosePolicy.ABANDON };
    try {
      // The options are right by construction; TypeScript cannot follow `args` through `W`.
      await startChild(workflow, childOptions as never);
    } catch (error) {
      // Started by an earlier run that did not live to record it: the child is there.
      if (error instanceof Error && error.name === 'WorkflowExecutionAlreadyStartedError') return;
      throw error;
    }
  }

  async function ensurePartners(): Promise<void> {
    if (state.partnersStarted) return;
    const event = briefOf(plan);
    await inBatches(plan.definition.partners, tuning.startBatchSize, (partner) =>
      start(partnerCoordinationWorkflow, workflowIds.partner(eventId, partner.id), [
        { event, partner, tuning: options.tuning },
      ]),
    );
    state.partnersStarted = true;
  }

  async function ensureSpeakers(): Promise<void> {
    const event = briefOf(plan);
    const toStart = slotItems(plan).filter((item) => !state.slotsStarted.includes(item.id));
    await inBatches(toStart, tuning.startBatchSize, async (item) => {
      const speaker = plan.definition.speakers.find((known) => known.id === item.speakerId);
      if (!speaker) return;
      await start(speakerSlotWorkflow, workflowIds.speakerSlot(eventId, item.id), [
        { event, agendaItemId: item.id, speaker, tuning: options.tuning },
      ]);
      state.slotsStarted.push(item.id);
    });
  }

  /** While invitations wait for an audience, when the directory is looked at again. */
  const audienceRecheckAt = (): number | undefined =>
    state.audienceEmpty && state.phase === 'invitations-open'
      ? Date.parse(state.audienceEmpty.checkedAt) + tuning.audienceRecheckMinutes * MINUTE_MS
      : undefined;

  /** No association matched the audience: nothing starts; the coordinator is told, once. */
  async function waitForAudience(): Promise<void> {
    const at = isoNow();
    if (state.audienceEmpty) state.audienceEmpty.checkedAt = at;
    else {
      const event = briefOf(plan);
      await mail.sendMessage({
        purpose: 'audience-empty',
        event,
        recipient: coordinatorRecipient(event, 'audience'),
        revision: 0,
        details: { audience: plan.definition.audience },
      });
      state.audienceEmpty = { since: at, checkedAt: at };
    }
    changed();
  }

  async function ensureRegistration(): Promise<void> {
    if (state.registration) return;
    // A day still waiting for its audience once answers have closed invites no one.
    if (state.audienceEmpty && now() > Date.parse(plan.schedule.rsvpDeadlineAt)) return;
    const invitations = await directory.planInvitations({
      eventId,
      audience: plan.definition.audience,
    });
    if (invitations.invitees === 0 && patched('empty-audience-waits')) return waitForAudience();
    state.audienceEmpty = undefined;
    const event = briefOf(plan);
    await start(seatLedgerWorkflow, workflowIds.seatLedger(eventId), [
      { event, shardCount: invitations.shardCount, tuning: options.tuning },
    ]);
    await start(attendanceWorkflow, workflowIds.attendance(eventId), [
      { event, shardCount: invitations.shardCount, tuning: options.tuning },
    ]);
    const shards = Array.from({ length: invitations.shardCount }, (_, shard) => shard);
    await inBatches(shards, tuning.startBatchSize, (shard) =>
      start(invitationShardWorkflow, workflowIds.invitationShard(eventId, shard), [
        {
          event,
          shard,
          shardCount: invitations.shardCount,
          inviteesKey: `${invitations.inviteesKeyPrefix}${shard}`,
          tuning: options.tuning,
        },
      ]),
    );
    state.registration = {
      shardCount: invitations.shardCount,
      invitees: invitations.invitees,
      invitedByProvince: invitations.byProvince,
      invitedBySector: invitations.bySector,
      shards: [],
      ledger: { seatsTaken: 0, accepted: 0, waitlisted: 0 },
    };
    changed();
  }

  async function ensureFollowUps(): Promise<void> {
    const event = briefOf(plan);
    const toStart = state.recommendations.filter(
      (recommendation) => !state.followUpsStarted.includes(recommendation.id),
    );
    await inBatches(toStart, tuning.startBatchSize, async (recommendation) => {
      const workflowId = workflowIds.followUp(eventId, recommendation.id);
      const input: FollowUpInput = {
        event,
        recommendation,
        trainingDayWorkflowId: selfId,
        partners: plan.definition.partners,
        definition: plan.definition,
        ...(state.phaseHistory[0]?.phase === 'closed' ? { recordedAfterTheDay: true } : {}),
      };
      await start(followUpWorkflow, workflowId, [input]);
      state.followUpsStarted.push(recommendation.id);
      if (!state.followUps.some((known) => known.recommendationId === recommendation.id))
        state.followUps.push({
          recommendationId: recommendation.id,
          kind: recommendation.kind,
          owner: recommendation.owner,
          status: 'open',
          dueAt: recommendation.dueAt,
          workflowId,
        });
    });
    if (toStart.length > 0) changed();
  }

  /** Tells every child started so far of the event as it stands, with the phase's flags. */
  async function tellChildren(notice: ChildNotice): Promise<void> {
    const event = briefOf(plan);
    const rank = phaseRank(state.phase);
    const cancelled = notice.cancelled ?? state.phase === 'cancelled';
    const dayOver = notice.dayOver ?? (!cancelled && rank >= phaseRank('closed'));
    const signals: Array<() => Promise<boolean>> = [];
    if (state.partnersStarted)
      for (const partner of plan.definition.partners)
        signals.push(() =>
          signalQuietly(workflowIds.partner(eventId, partner.id), partnerEventChanged, {
            event,
            cancelled,
            dayOver,
          }),
        );
    for (const agendaItemId of state.slotsStarted)
      signals.push(() =>
        signalQuietly(workflowIds.speakerSlot(eventId, agendaItemId), speakerEventChanged, {
          event,
          cancelled,
          dayOver,
        }),
      );
    const registration = state.registration;
    if (registration) {
      signals.push(() =>
        signalQuietly(workflowIds.seatLedger(eventId), ledgerEventChanged, {
          event,
          cancelled,
          dayOver,
        }),
      );
      signals.push(() =>
        signalQuietly(workflowIds.attendance(eventId), attendanceEventChanged, {
          event,
          cancelled,
          closed: dayOver,
          checkInOpen: rank >= phaseRank('in-progress') && !cancelled,
        }),
      );
      for (let shard = 0; shard < registration.shardCount; shard += 1)
        signals.push(() =>
          signalQuietly(workflowIds.invitationShard(eventId, shard), shardEventChanged, {
            event,
            cancelled,
            dayOver,
            registrationClosed: rank >= phaseRank('registration-closed'),
          }),
        );
    }
    await inBatches(signals, tuning.startBatchSize, (signal) => signal());
  }

  /** What entering a phase starts or tells. */
  async function onEnter(phase: TrainingDayPhase): Promise<void> {
    switch (phase) {
      case 'coordinating-partners':
        return ensurePartners();
      case 'booking-speakers':
        await ensurePartners();
        return ensureSpeakers();
      case 'invitations-open':
        await ensurePartners();
        await ensureSpeakers();
        return ensureRegistration();
      // Children keep the same clock: they are told only when the coordinator moves early
      // (hundreds of shards are not signalled for what they already know).
      case 'registration-closed':
        await ensureRegistration();
        if (now() <= Date.parse(plan.schedule.rsvpDeadlineAt)) await tellChildren({});
        return;
      case 'in-progress':
        await ensureRegistration();
        if (now() < Date.parse(plan.schedule.startsAt)) await tellChildren({});
        return;
      case 'closed':
        state.summary = closingSummaryOf(state, plan.definition.capacity, isoNow());
        // Children end by their own timers when the day ends on time; tell them only when the
        // coordinator closes the day early.
        if (now() < Date.parse(plan.schedule.endsAt)) await tellChildren({ dayOver: true });
        return;
      case 'following-up':
        return ensureFollowUps();
      default:
        return;
    }
  }

  /** The phase the day should move to now, if any. */
  function dueTransition(): TrainingDayPhase | undefined {
    const phase = state.phase;
    const at = now();
    const requested = state.requestedPhase;
    if (requested && phaseRank(requested) > phaseRank(phase)) return nextPhase(phase);
    switch (phase) {
      case 'draft':
        return at >= Date.parse(plan.schedule.endsAt) ? 'closed' : undefined;
      case 'coordinating-partners':
        if (at >= Date.parse(plan.schedule.endsAt)) return 'closed';
        return state.partners.every((partner) => SETTLED_PARTNER.has(partner.status))
          ? 'booking-speakers'
          : undefined;
      case 'booking-speakers': {
        if (at >= Date.parse(plan.schedule.endsAt)) return 'closed';
        const slotIds = new Set(slotItems(plan).map((item) => item.id));
        const slots = state.speakers.filter((view) => slotIds.has(view.agendaItemId));
        return slots.every((view) => view.status === 'confirmed') ? 'invitations-open' : undefined;
      }
      case 'invitations-open':
        return at > Date.parse(plan.schedule.rsvpDeadlineAt) ? 'registration-closed' : undefined;
      case 'registration-closed':
        return at >= Date.parse(plan.schedule.startsAt) ? 'in-progress' : undefined;
      case 'in-progress':
        return at >= Date.parse(plan.schedule.endsAt) ? 'closed' : undefined;
      case 'closed':
        return at >= followUpAt() ? 'following-up' : undefined;
      case 'following-up':
        return state.followUps.length >= state.recommendations.length &&
          state.followUps.every(
            (followUp) => followUp.status === 'done' || followUp.status === 'dropped',
          )
          ? 'completed'
          : undefined;
      default:
        return undefined;
    }
  }

  /** When time alone would move the day on. */
  function nextDeadline(): number | undefined {
    const schedule = plan.schedule;
    switch (state.phase) {
      case 'draft':
      case 'coordinating-partners':
      case 'booking-speakers':
      case 'in-progress':
        return Date.parse(schedule.endsAt);
      case 'invitations-open':
        return Date.parse(schedule.rsvpDeadlineAt) + 1;
      case 'registration-closed':
        return Date.parse(schedule.startsAt);
      case 'closed':
        return followUpAt();
      default:
        return undefined;
    }
  }

  async function publish(): Promise<void> {
    const version = statusVersion;
    try {
      await readModel.publishTrainingDayStatus(status());
    } catch (error) {
      // The read model catches up with the next publication; the workflow's status stays the truth.
      log.warn('status not published', { error: error instanceof Error ? error.message : error });
    }
    publishedVersion = version;
    lastPublishAt = now();
  }

  // ---- the day ----
  upsertSearchAttributes([
    { key: TrainingDayPhaseKey, value: state.phase },
    { key: TrainingDayDateKey, value: new Date(plan.schedule.startsAt) },
    { key: TrainingDayOrganiserKey, value: pickText(plan.definition.organiser.name, 'fr') },
    { key: MultaqaEventIdKey, value: eventId },
  ]);
  if (options.state === undefined) await onEnter(state.phase);

  // Read through a function: handlers change the phase while the loop awaits.
  const phaseNow = (): TrainingDayPhase => state.phase;
  for (;;) {
    if (noticesWanted > noticesSent) {
      const target = noticesWanted;
      const notice = pendingNotice;
      pendingNotice = {};
      await tellChildren(notice);
      noticesSent = target;
    }
    if (phaseNow() === 'cancelled' || phaseNow() === 'completed') {
      await condition(allHandlersFinished);
      await publish();
      return status();
    }
    let next = dueTransition();
    while (next) {
      enter(next);
      await onEnter(next);
      if (state.requestedPhase && phaseRank(state.phase) >= phaseRank(state.requestedPhase))
        state.requestedPhase = undefined;
      if (phaseNow() === 'cancelled') break;
      next = dueTransition();
    }
    const rank = phaseRank(state.phase);
    if (rank >= phaseRank('booking-speakers') && rank < phaseRank('closed')) await ensureSpeakers();
    if (state.phase === 'following-up') await ensureFollowUps();
    const recheckAt = audienceRecheckAt();
    if (recheckAt !== undefined && now() >= recheckAt) await ensureRegistration();
    if (state.phase === 'closed' || state.phase === 'following-up') {
      const closedAt = state.summary?.closedAt ?? isoNow();
      state.summary = closingSummaryOf(state, plan.definition.capacity, closedAt);
    }
    if (publishedVersion < statusVersion && now() >= lastPublishAt + tuning.publishIntervalMs)
      await publish();
    if (phaseNow() === 'completed' || phaseNow() === 'cancelled') continue;
    // Handlers that wait for this loop (advance, reschedule, cancel, agenda) must finish first.
    const quiet = () =>
      allHandlersFinished() && noticesWanted === noticesSent && !state.requestedPhase;
    const handOver = runIsLarge(tuning);
    if (handOver && quiet()) {
      if (publishedVersion < statusVersion) await publish();
      if (quiet())
        return continueAsNew<typeof trainingDayWorkflow>(plan, { state, tuning: options.tuning });
    }
    await alarm.wait(
      () => poked || (handOver && quiet()),
      earliest(
        nextDeadline(),
        audienceRecheckAt(),
        publishedVersion < statusVersion ? lastPublishAt + tuning.publishIntervalMs : undefined,
      ),
    );
    poked = false;
  }
}

import {
  ActivityFailure,
  ParentClosePolicy,
  allHandlersFinished,
  condition,
  continueAsNew,
  log,
  patched,
  setHandler,
  startChild,
  workflowInfo,
} from '@temporalio/workflow';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/common';
import type { Activities } from '../activities';
import { pickText } from '../domain/common';
import { ErrorCodes } from '../domain/errors';
import {
  FollowUpOutcomeSchema,
  type FollowUpStatus,
  type FollowUpSummary,
} from '../domain/follow-up';
import {
  DigestNewsSchema,
  FollowUpDueDateSchema,
  FollowUpProgressSchema,
  NextTrainingDayRequestSchema,
} from '../domain/follow-up-commands';
import {
  DEFAULT_FOLLOW_UP_POLICY,
  HOUR_MS,
  scopedRevision,
  type FollowUpPolicy,
} from '../domain/follow-up-policy';
import { dueFollowUpAction, followUpStatusAt, nextFollowUpWake } from '../domain/follow-up-timing';
import {
  addDigestNews,
  changeFollowUpDueDate,
  closeFollowUp,
  createNextTrainingDay,
  digestSent,
  getDigestSource,
  getFollowUpView,
  markFollowUpInProgress,
  proposeVisit,
  visitChanged,
  visitFollowUpClosed,
  type DigestSource,
  type FollowUpInput,
  type FollowUpOptions,
  type FollowUpState,
  type FollowUpView,
  type NetworkingVisitInput,
  type NextTrainingDayCreated,
} from '../domain/messages/follow-up';
import type { MessageRecipient } from '../domain/messages/mail';
import { followUpReport, nextEventCreated } from '../domain/messages/training-day';
import {
  VisitPairingOverrideSchema,
  type VisitAssociation,
  type VisitPairing,
  type VisitSummary,
} from '../domain/networking-visit';
import {
  MultaqaEventIdKey,
  TrainingDayDateKey,
  TrainingDayOrganiserKey,
  TrainingDayPhaseKey,
} from '../domain/search-attributes';
import { proposeVisitPairings } from '../domain/visit-pairing';
import { workflowIds } from '../domain/workflow-ids';
import { FOLLOW_UP_LIMITS } from '../domain/workflow-tuning';
import type { trainingDayWorkflow } from './training-day';
import { networkingVisitWorkflow } from './networking-visit';
import {
  Alarm,
  WAITS_BY_ALARM,
  asUpdateFailure,
  followUpMail,
  lookups,
  coordinatorRecipient,
  parseCommand,
  partnerRecipient,
  refuse,
  refuseInput,
  runIsLarge,
  signalQuietly,
  now,
} from './kit';

/**
 * The training-day workflow type, by name: the follow-up starts the next day as a child, and
 * the training day starts follow-ups, so importing its function here would be an import cycle.
 */
const TRAINING_DAY_WORKFLOW_TYPE = 'trainingDayWorkflow';

/** Bounds that keep the state (carried over continue-as-new) well under a payload's limit. */
const {
  maxHistoryEntries: MAX_HISTORY_ENTRIES,
  maxHistoryNote: MAX_HISTORY_NOTE,
  maxPendingNews: MAX_PENDING_NEWS,
  digestedNewsKept: DIGESTED_NEWS_KEPT,
  maxVisits: MAX_VISITS,
  maxNextDays: MAX_NEXT_DAYS,
} = FOLLOW_UP_LIMITS;
/** Visits that participants were told of: the follow-up does not close over them. */
const VISITS_UNDER_WAY: ReadonlyArray<VisitSummary['status']> = ['scheduled', 'held'];

const RECORDED_DAY_NOTE =
  'the day was recorded after it took place: no reminder, escalation, digest or visit proposal is sent';

/** What an activity failure says, from its cause when the activity failed on purpose. */
function failureMessage(error: ActivityFailure): string {
  return error.cause instanceof Error ? error.cause.message : error.message;
}

function initialState(input: FollowUpInput, policy: FollowUpPolicy, now: number): FollowUpState {
  const dueAt =
    input.recommendation.dueAt ??
    new Date(
      Date.parse(input.event.endsAt) + policy.defaultDueHoursAfterDay * HOUR_MS,
    ).toISOString();
  return {
    progress: 'open',
    dueAt: new Date(Date.parse(dueAt)).toISOString(),
    history: [
      {
        at: new Date(now).toISOString(),
        status: 'open',
        ...(input.recordedAfterTheDay ? { note: RECORDED_DAY_NOTE } : {}),
      },
    ],
    remindersSent: 0,
    escalationsSent: 0,
    escalationsForDueAt: 0,
    visits: [],
    visitsProposed: false,
    nextEventIds: [],
    news: [],
    digest: { digestedUpTo: 0, digestsSent: 0 },
  };
}

/**
 * One recommendation of a training day, followed to its outcome over months: an owner (the
 * chamber or a partner), a due date, a reminder to the owner before it, and weekly escalations
 * to the coordinator while it is overdue (bounded). It closes when a coordinator records the
 * outcome (`closeFollowUp`). By kind it also proposes and runs networking visits, runs the
 * coordination digest on a Schedule, or starts the next training day as a draft. Every status
 * change is reported to the training day (`followUpReport`). Continues as new before its
 * history grows large; timers and state carry over.
 */
export async function followUpWorkflow(
  input: FollowUpInput,
  options: FollowUpOptions = {},
): Promise<FollowUpSummary> {
  const policy: FollowUpPolicy = { ...DEFAULT_FOLLOW_UP_POLICY, ...options.policy };
  const { event, recommendation } = input;
  // A day recorded after it took place sends nothing, ever: its follow-ups are kept by hand.
  // (Only inputs that carry the flag take this path, so recorded histories replay unchanged.)
  const sendsNothing = input.recordedAfterTheDay === true;
  const timing: FollowUpPolicy = sendsNothing ? { ...policy, maxEscalations: 0 } : policy;
  const kind = recommendation.kind;
  const workflowId = workflowInfo().workflowId;
  const state: FollowUpState = options.state ?? initialState(input, policy, Date.now());
  /** Bumped by every update that moves a timer, so the main loop recomputes its wake-up. */
  let changes = 0;
  let reservedVisits = 0;
  let reservedNextDays = 0;

  const ownerPartner = input.partners.find((partner) => partner.id === recommendation.owner);
  const owner: MessageRecipient = ownerPartner
    ? partnerRecipient(ownerPartner)
    : coordinatorRecipient(event);
  const ownerName = ownerPartner
    ? pickText(ownerPartner.name, event.organiser.language)
    : pickText(event.organiser.name, event.organiser.language);

  const status = (): FollowUpStatus => followUpStatusAt(state, now());
  const closed = () => Boolean(state.outcome);

  const summary = (): FollowUpSummary => ({
    recommendationId: recommendation.id,
    kind,
    owner: recommendation.owner,
    status: status(),
    dueAt: state.dueAt,
    ...(state.outcome ? { outcome: state.outcome.outcome } : {}),
    workflowId,
  });

  const view = (): FollowUpView => ({
    eventId: event.eventId,
    event: {
      title: event.title,
      theme: event.theme,
      organiser: event.organiser,
      venue: event.venue,
      timeZone: event.timeZone,
      startsAt: event.startsAt,
      endsAt: event.endsAt,
    },
    workflowId,
    trainingDayWorkflowId: input.trainingDayWorkflowId,
    recommendation,
    owner: { id: recommendation.owner, name: ownerName },
    status: status(),
    dueAt: state.dueAt,
    ...(state.outcome ? { outcome: state.outcome.outcome } : {}),
    ...(state.closedAt ? { closedAt: state.closedAt } : {}),
    history: state.history,
    remindersSent: state.remindersSent,
    escalationsSent: state.escalationsSent,
    visits: state.visits,
    nextEventIds: state.nextEventIds,
    news: state.news,
    digest: state.digest,
  });

  const addHistory = (note?: string) => {
    state.history.push({
      at: new Date(now()).toISOString(),
      status: status(),
      ...(note
        ? {
            note: note.length > MAX_HISTORY_NOTE ? `${note.slice(0, MAX_HISTORY_NOTE - 1)}…` : note,
          }
        : {}),
    });
    if (state.history.length > MAX_HISTORY_ENTRIES)
      state.history.splice(1, state.history.length - MAX_HISTORY_ENTRIES);
  };

  /** Tells the training day, once per change of what it shows (status, due date, outcome). */
  let lastReported = '';
  const reportToDay = async () => {
    const current = summary();
    const key = `${current.status}|${current.dueAt}|${current.outcome ?? ''}`;
    if (key === lastReported) return;
    lastReported = key;
    if (state.lastReportedStatus !== current.status && state.lastReportedStatus !== undefined)
      addHistory();
    state.lastReportedStatus = current.status;
    await signalQuietly(input.trainingDayWorkflowId, followUpReport, current);
  };

  const followUpDetails = (language: MessageRecipient['language']) => ({
    followUp: {
      recommendationId: recommendation.id,
      text: pickText(recommendation.text, language),
      textByLanguage: recommendation.text,
      dueAt: state.dueAt,
      status: status(),
    },
  });

  const remindOwner = async () => {
    const ordinal = state.remindersSent + 1;
    await followUpMail.sendMessage({
      purpose: 'follow-up-reminder',
      event,
      recipient: owner,
      revision: scopedRevision(`${recommendation.id}/reminder`, ordinal),
      details: followUpDetails(owner.language),
    });
    state.remindersSent = ordinal;
    state.remindedForDueAt = state.dueAt;
  };

  const escalate = async () => {
    const ordinal = state.escalationsSent + 1;
    const coordinator = coordinatorRecipient(event);
    await followUpMail.sendMessage({
      purpose: 'follow-up-escalation',
      event,
      recipient: coordinator,
      revision: scopedRevision(`${recommendation.id}/escalation`, ordinal),
      details: {
        ...followUpDetails(coordinator.language),
        note: `${ownerName} — ${owner.name} <${owner.email}>`,
      },
    });
    state.escalationsSent = ordinal;
    state.escalationsForDueAt += 1;
    state.lastEscalationAt = new Date(now()).toISOString();
    addHistory(`escalation ${state.escalationsForDueAt} of ${policy.maxEscalations}`);
  };

  const upsertVisit = (visit: VisitSummary) => {
    const index = state.visits.findIndex((known) => known.visitId === visit.visitId);
    if (index >= 0) state.visits[index] = visit;
    else state.visits.push(visit);
  };

  const startVisit = async (
    visitId: string,
    pairing: VisitPairing,
    associations: VisitAssociation[],
  ): Promise<VisitSummary> => {
    const visitInput: NetworkingVisitInput = {
      event,
      visitId,
      followUpWorkflowId: workflowId,
      recommendation,
      pairing,
      associations,
      ...(options.visitPolicy ? { policy: options.visitPolicy } : {}),
    };
    const visitWorkflowId = workflowIds.networkingVisit(event.eventId, visitId);
    try {
      await startChild(networkingVisitWorkflow, {
        workflowId: visitWorkflowId,
        args: [visitInput],
        parentClosePolicy: ParentClosePolicy.ABANDON,
      });
    } catch (error) {
      if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
    }
    const byId = new Map(
      associations.map((association) => [association.associationId, association]),
    );
    const host = byId.get(pairing.hostId);
    const visit: VisitSummary = {
      visitId,
      workflowId: visitWorkflowId,
      status: 'proposed',
      hostName: host?.name ?? pairing.hostId,
      visitorNames: pairing.visitorIds.map((id) => byId.get(id)?.name ?? id),
      sector: host?.sector ?? 'trade',
      reason: pairing.reason,
    };
    // A visit that already reported (it starts fast) keeps its own, newer summary.
    if (!state.visits.some((known) => known.visitId === visitId)) upsertVisit(visit);
    return state.visits.find((known) => known.visitId === visitId) ?? visit;
  };

  const proposeVisits = async () => {
    let candidates: Awaited<ReturnType<Activities['listVisitCandidates']>>;
    try {
      candidates = await lookups.listVisitCandidates({ eventId: event.eventId });
    } catch (error) {
      if (!(error instanceof ActivityFailure)) throw error;
      // The coordinator can still pair associations by hand (`proposeVisit`).
      state.visitsProposed = true;
      addHistory(
        `the attendees could not be read (${failureMessage(error)}); propose visits by hand`,
      );
      return;
    }
    const pairings = proposeVisitPairings(candidates, {
      maxVisits: policy.maxProposedVisits,
      visitorsPerVisit: policy.visitorsPerVisit,
      sectorOrder: input.definition.audience.sectors,
    });
    const byId = new Map(candidates.map((candidate) => [candidate.associationId, candidate]));
    for (const pairing of pairings) {
      reservedVisits += 1;
      const visitId = `visit-${state.visits.length + reservedVisits}`;
      const associations = [pairing.hostId, ...pairing.visitorIds].map((id) => {
        const { attendees: _attendees, daysAttended: _days, ...association } = byId.get(id)!;
        return association;
      });
      const { sector: _sector, ...visitPairing } = pairing;
      await startVisit(visitId, visitPairing, associations);
      reservedVisits -= 1;
    }
    state.visitsProposed = true;
    addHistory(
      pairings.length > 0
        ? `${pairings.length} networking visit(s) proposed from ${candidates.length} attendee(s)`
        : `no pairing found among ${candidates.length} attendee(s); propose visits by hand`,
    );
  };

  const digestScheduleId = workflowIds.coordinationDigest(event.eventId, recommendation.id);
  const startDigest = async () => {
    try {
      await lookups.ensureDigestSchedule({
        scheduleId: digestScheduleId,
        digest: {
          eventId: event.eventId,
          recommendationId: recommendation.id,
          followUpWorkflowId: workflowId,
        },
        taskQueue: workflowInfo().taskQueue,
        everyHours: policy.digestEveryHours,
      });
      state.digest.scheduleId = digestScheduleId;
    } catch (error) {
      if (!(error instanceof ActivityFailure)) throw error;
      const cause = failureMessage(error);
      state.digest.problem = cause;
      log.warn('coordination digest not scheduled', { workflowId, problem: cause });
    }
  };

  const closeDown = async () => {
    if (state.digest.scheduleId) {
      try {
        await lookups.deleteDigestSchedule({ scheduleId: state.digest.scheduleId });
        state.digest.scheduleId = undefined;
      } catch (error) {
        if (!(error instanceof ActivityFailure)) throw error;
        // A Schedule left behind sends nothing: its runs find the follow-up closed.
        state.digest.problem = `the digest schedule could not be deleted: ${failureMessage(error)}`;
        log.warn('coordination digest schedule not deleted', { workflowId, error: error.message });
      }
    }
    for (const visit of state.visits) {
      if (visit.status === 'reported' || visit.status === 'cancelled') continue;
      await signalQuietly(visit.workflowId, visitFollowUpClosed, {
        reason: `the follow-up was closed (${state.outcome?.status ?? 'done'})`,
      });
    }
  };

  // ---- Messages ----

  setHandler(getFollowUpView, view);
  setHandler(getDigestSource, (): DigestSource => ({
    event,
    recommendationId: recommendation.id,
    partners: input.partners,
    closed: closed(),
    news: state.news.filter((item) => item.seq > state.digest.digestedUpTo),
    digestedUpTo: state.digest.digestedUpTo,
  }));

  const refuseWhenClosed = () => {
    if (closed())
      refuse(ErrorCodes.wrongPhase, `the follow-up is already closed (${state.outcome!.status})`);
  };

  setHandler(
    closeFollowUp,
    async (raw) => {
      const outcome = FollowUpOutcomeSchema.parse(raw);
      state.outcome = outcome;
      state.closedAt = new Date(now()).toISOString();
      addHistory(outcome.outcome);
      changes += 1;
      await reportToDay();
      return view();
    },
    {
      validator: (raw) => {
        refuseWhenClosed();
        parseCommand(FollowUpOutcomeSchema, raw);
        const underWay = state.visits.filter((visit) => VISITS_UNDER_WAY.includes(visit.status));
        if (underWay.length > 0)
          refuse(
            ErrorCodes.wrongPhase,
            `visit ${underWay.map((visit) => `${visit.visitId} (${visit.status})`).join(', ')} is under way: record its report or cancel it first`,
          );
      },
    },
  );

  setHandler(
    markFollowUpInProgress,
    async (raw) => {
      const { note } = FollowUpProgressSchema.parse(raw);
      state.progress = 'in-progress';
      addHistory(note ?? 'work started');
      changes += 1;
      await reportToDay();
      return view();
    },
    {
      validator: (raw) => {
        refuseWhenClosed();
        parseCommand(FollowUpProgressSchema, raw);
      },
    },
  );

  setHandler(
    changeFollowUpDueDate,
    async (raw) => {
      const change = FollowUpDueDateSchema.parse(raw);
      state.dueAt = new Date(Date.parse(change.dueAt)).toISOString();
      state.escalationsForDueAt = 0;
      state.lastEscalationAt = undefined;
      addHistory(`due date moved to ${state.dueAt}${change.reason ? `: ${change.reason}` : ''}`);
      changes += 1;
      await reportToDay();
      return view();
    },
    {
      validator: (raw) => {
        refuseWhenClosed();
        const change = parseCommand(FollowUpDueDateSchema, raw);
        if (Date.parse(change.dueAt) <= now()) refuseInput('dueAt: must be in the future', 'dueAt');
      },
    },
  );

  setHandler(
    addDigestNews,
    (raw) => {
      const news = DigestNewsSchema.parse(raw);
      const last = state.news[state.news.length - 1];
      const item = {
        ...news,
        seq: Math.max(last?.seq ?? 0, state.digest.digestedUpTo) + 1,
        addedAt: new Date(now()).toISOString(),
      };
      state.news.push(item);
      return item;
    },
    {
      validator: (raw) => {
        if (kind !== 'coordination')
          refuse(
            ErrorCodes.wrongPhase,
            `news is for coordination follow-ups; this one is "${kind}"`,
          );
        refuseWhenClosed();
        parseCommand(DigestNewsSchema, raw);
        const pending = state.news.filter((item) => item.seq > state.digest.digestedUpTo);
        if (pending.length >= MAX_PENDING_NEWS)
          refuse(
            ErrorCodes.wrongPhase,
            `${MAX_PENDING_NEWS} news items already wait for the next digest`,
          );
      },
    },
  );

  setHandler(
    createNextTrainingDay,
    async (raw): Promise<NextTrainingDayCreated> => {
      const request = NextTrainingDayRequestSchema.parse(raw);
      reservedNextDays += 1;
      const ordinal = state.nextEventIds.length + reservedNextDays;
      try {
        const plan = await asUpdateFailure(() =>
          lookups.planNextTrainingDay({
            previousEventId: event.eventId,
            definition: input.definition,
            recommendationId: recommendation.id,
            ordinal,
            request,
          }),
        );
        const nextWorkflowId = workflowIds.trainingDay(plan.eventId);
        try {
          await startChild<typeof trainingDayWorkflow>(TRAINING_DAY_WORKFLOW_TYPE, {
            workflowId: nextWorkflowId,
            args: [plan],
            parentClosePolicy: ParentClosePolicy.ABANDON,
            typedSearchAttributes: [
              { key: TrainingDayPhaseKey, value: 'draft' },
              { key: TrainingDayDateKey, value: new Date(plan.schedule.startsAt) },
              {
                key: TrainingDayOrganiserKey,
                value: pickText(plan.definition.organiser.name, 'fr'),
              },
              { key: MultaqaEventIdKey, value: plan.eventId },
            ],
          });
        } catch (error) {
          if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
        }
        if (!state.nextEventIds.includes(plan.eventId)) state.nextEventIds.push(plan.eventId);
        addHistory(
          `next training day ${plan.eventId} created as a draft (${plan.definition.date})`,
        );
        await signalQuietly(input.trainingDayWorkflowId, nextEventCreated, {
          eventId: plan.eventId,
        });
        return { eventId: plan.eventId, workflowId: nextWorkflowId };
      } finally {
        reservedNextDays -= 1;
      }
    },
    {
      validator: (raw) => {
        if (kind !== 'further-training' && kind !== 'capacity-building')
          refuse(
            ErrorCodes.wrongPhase,
            `a next training day comes from further-training or capacity-building follow-ups; this one is "${kind}"`,
          );
        refuseWhenClosed();
        const request = parseCommand(NextTrainingDayRequestSchema, raw);
        if (request.date && request.date < new Date(now()).toISOString().slice(0, 10))
          refuseInput('date: must not be in the past', 'date');
        if (state.nextEventIds.length + reservedNextDays >= MAX_NEXT_DAYS)
          refuse(
            ErrorCodes.wrongPhase,
            `at most ${MAX_NEXT_DAYS} training days follow from one recommendation`,
          );
      },
    },
  );

  setHandler(
    proposeVisit,
    async (raw) => {
      const override = VisitPairingOverrideSchema.parse(raw);
      reservedVisits += 1;
      const visitId = `visit-${state.visits.length + reservedVisits}`;
      try {
        const associations = await asUpdateFailure(() =>
          lookups.describeAssociations({ ids: [override.hostId, ...override.visitorIds] }),
        );
        const visit = await startVisit(
          visitId,
          { hostId: override.hostId, visitorIds: override.visitorIds, reason: 'coordinator' },
          associations,
        );
        addHistory(`visit ${visitId} proposed by the coordinator`);
        return visit;
      } finally {
        reservedVisits -= 1;
      }
    },
    {
      validator: (raw) => {
        if (kind !== 'networking-visits')
          refuse(
            ErrorCodes.wrongPhase,
            `visits belong to networking-visits follow-ups; this one is "${kind}"`,
          );
        refuseWhenClosed();
        parseCommand(VisitPairingOverrideSchema, raw);
        if (state.visits.length + reservedVisits >= MAX_VISITS)
          refuse(ErrorCodes.wrongPhase, `at most ${MAX_VISITS} visits per follow-up`);
      },
    },
  );

  setHandler(visitChanged, (visit) => {
    upsertVisit(visit);
  });

  setHandler(digestSent, ({ upToSeq, at }) => {
    if (upToSeq <= state.digest.digestedUpTo) return;
    state.digest.digestedUpTo = upToSeq;
    state.digest.digestsSent += 1;
    state.digest.lastDigestAt = at;
    const digested = state.news.filter((item) => item.seq <= upToSeq);
    const drop = Math.max(0, digested.length - DIGESTED_NEWS_KEPT);
    if (drop > 0) state.news.splice(0, drop);
  });

  // ---- Life ----

  await reportToDay();
  if (!closed() && !sendsNothing && kind === 'networking-visits' && !state.visitsProposed)
    await proposeVisits();
  if (
    !closed() &&
    !sendsNothing &&
    kind === 'coordination' &&
    !state.digest.scheduleId &&
    !state.digest.problem
  )
    await startDigest();

  const alarm = new Alarm();
  while (!closed()) {
    const seen = changes;
    const wakeAt = nextFollowUpWake(state, timing, now());
    const wakeUp = () => closed() || changes !== seen;
    if (patched(WAITS_BY_ALARM)) await alarm.wait(wakeUp, wakeAt);
    // Histories recorded before the patch: a timer cancelled when a change came first.
    else if (wakeAt === undefined) await condition(wakeUp);
    else if (wakeAt > now()) await condition(wakeUp, wakeAt - now());
    if (closed()) break;

    const action = dueFollowUpAction(state, timing, now());
    if (action === 'remind' && !sendsNothing) await remindOwner();
    else if (action === 'remind' || action === 'skip-reminder')
      state.remindedForDueAt = state.dueAt;
    else if (action === 'escalate') {
      await reportToDay();
      await escalate();
    }
    await reportToDay();

    if (runIsLarge(policy)) {
      await condition(allHandlersFinished);
      if (!closed()) await continueAsNew<typeof followUpWorkflow>(input, { ...options, state });
    }
  }

  await closeDown();
  await reportToDay();
  await condition(allHandlersFinished);
  return summary();
}

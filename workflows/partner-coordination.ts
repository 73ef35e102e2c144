import { allHandlersFinished, continueAsNew, setHandler } from '@temporalio/workflow';
import { pickText } from '../domain/common';
import { ErrorCodes } from '../domain/errors';
import { PartnerAnswerSchema } from '../domain/lifecycle-commands';
import type { EventBrief } from '../domain/event-brief';
import type { MessageRecipient, SendMessageRequest } from '../domain/messages/mail';
import {
  answerPartnerRequest,
  getPartnerView,
  partnerEventChanged,
  type PartnerAnswer,
  type PartnerCoordinationInput,
  type PartnerCoordinationState,
} from '../domain/messages/partner';
import { partnerSettled, type PartnerView } from '../domain/messages/training-day';
import { workflowIds } from '../domain/workflow-ids';
import {
  Alarm,
  coordinatorRecipient,
  earliest,
  HOUR_MS,
  isoNow,
  mail,
  now,
  partnerRecipient,
  refuse,
  resolveTuning,
  runIsLarge,
  signalQuietly,
  parseCommand,
} from './kit';

function initialState(input: PartnerCoordinationInput): PartnerCoordinationState {
  return {
    view: {
      partnerId: input.partner.id,
      name: input.partner.name,
      status: 'pending',
      requestedContributions: [...input.partner.requestedContributions],
      confirmedContributions: [],
      toReassign: [],
      remindersSent: 0,
    },
    toldRevision: input.event.revision,
    escalated: false,
    declineReported: false,
    cancelled: false,
    dayOver: false,
  };
}

function validateAnswer(answer: PartnerAnswer, state: PartnerCoordinationState): void {
  if (state.cancelled || state.view.status === 'cancelled')
    refuse(ErrorCodes.wrongPhase, 'the training day was cancelled');
  if (state.dayOver) refuse(ErrorCodes.deadlinePassed, 'the training day is over');
  if (state.view.status === 'confirmed' || state.view.status === 'declined')
    refuse(
      ErrorCodes.alreadyAnswered,
      `partner "${state.view.partnerId}" already ${state.view.status}`,
    );
  parseCommand(PartnerAnswerSchema, answer);
}

/**
 * Asks one partner institution to co-organise the day and to confirm what it brings. Silence
 * brings reminders, then an escalation to the coordinator; a decline flags the contributions
 * it leaves for the coordinator to reassign. Tells the partner of reschedules and of a
 * cancellation, and ends when the day is over. Reports every change to the training day.
 */
export async function partnerCoordinationWorkflow(
  input: PartnerCoordinationInput,
): Promise<PartnerView> {
  const tuning = resolveTuning(input.tuning);
  const { partner } = input;
  const parentId = workflowIds.trainingDay(input.event.eventId);
  const state = input.state ?? initialState(input);
  let event: EventBrief = input.event;
  let poked = false;
  const alarm = new Alarm();
  let changed = input.state === undefined;

  setHandler(getPartnerView, () => state.view);
  setHandler(
    answerPartnerRequest,
    (answer) => {
      const view = state.view;
      view.answeredAt = isoNow();
      view.note = answer.note;
      if (answer.answer === 'confirm') {
        view.status = 'confirmed';
        view.confirmedContributions = [...new Set(answer.contributions)];
        view.toReassign = view.requestedContributions.filter(
          (contribution) => !view.confirmedContributions.includes(contribution),
        );
      } else {
        view.status = 'declined';
        view.confirmedContributions = [];
        view.toReassign = [...view.requestedContributions];
      }
      changed = true;
      poked = true;
      return view;
    },
    { validator: (answer) => validateAnswer(answer, state) },
  );
  setHandler(partnerEventChanged, (change) => {
    event = change.event;
    if (change.cancelled) state.cancelled = true;
    if (change.dayOver) state.dayOver = true;
    poked = true;
  });

  const send = (
    purpose: SendMessageRequest['purpose'],
    revision: number,
    details: SendMessageRequest['details'] = {},
    recipient: MessageRecipient = partnerRecipient(partner),
  ) =>
    mail.sendMessage({
      purpose,
      event,
      recipient,
      revision,
      details: { partnerId: partner.id, ...details },
    });

  // The coordinator reads the partner by its name, in the coordinator's language. (Only the
  // activity's input changes: recorded histories replay unchanged.)
  const nameOf = () => pickText(partner.name, event.organiser.language);
  const contacted = () => state.askedAt !== undefined;
  const nextReminderAt = (): number | undefined => {
    if (state.view.status !== 'asked' || !state.askedAt) return undefined;
    return Date.parse(state.askedAt) + (state.view.remindersSent + 1) * reminderDelayMs(event);
  };

  for (;;) {
    if (state.cancelled) {
      if (contacted() && state.view.status !== 'declined')
        await send('cancellation-notice', event.revision);
      state.view.status = 'cancelled';
      await signalQuietly(parentId, partnerSettled, state.view);
      return state.view;
    }
    if (state.view.status === 'pending') {
      await send('partner-request', 0, { contributions: state.view.requestedContributions });
      state.askedAt = isoNow();
      // An answer may have come in (by phone, through the coordinator) while the request went out.
      if (state.view.status === 'pending') state.view.status = 'asked';
      changed = true;
    }
    if (event.revision > state.toldRevision) {
      if (contacted() && state.view.status !== 'declined')
        await send('reschedule-notice', event.revision);
      state.toldRevision = event.revision;
    }
    if (state.view.status === 'declined' && !state.declineReported) {
      await send(
        'partner-declined',
        0,
        { contributions: state.view.toReassign, note: state.view.note, partnerName: nameOf() },
        coordinatorRecipient(event, `partner-${partner.id}`),
      );
      state.declineReported = true;
    }
    const reminderAt = nextReminderAt();
    if (reminderAt !== undefined && now() >= reminderAt) {
      const maxReminders = event.reminders.partnerReminders;
      if (state.view.remindersSent < maxReminders) {
        await send('partner-reminder', state.view.remindersSent + 1, {
          contributions: state.view.requestedContributions,
        });
        state.view.remindersSent += 1;
      } else {
        await send(
          'partner-escalation',
          0,
          {
            contributions: state.view.requestedContributions,
            reason: `no answer after ${state.view.remindersSent} reminder(s)`,
            partnerName: nameOf(),
          },
          coordinatorRecipient(event, `partner-${partner.id}`),
        );
        state.escalated = true;
        if (state.view.status === 'asked') state.view.status = 'escalated';
      }
      changed = true;
    }
    if (changed) {
      changed = false;
      await signalQuietly(parentId, partnerSettled, state.view);
    }
    if (state.dayOver || now() >= Date.parse(event.endsAt)) return state.view;
    const handOver = runIsLarge(tuning);
    if (handOver && allHandlersFinished())
      return continueAsNew<typeof partnerCoordinationWorkflow>({ ...input, event, state });
    await alarm.wait(
      () => poked || (handOver && allHandlersFinished()),
      earliest(nextReminderAt(), Date.parse(event.endsAt)),
    );
    poked = false;
  }
}

/** Time between the request and each reminder, and before the escalation. */
function reminderDelayMs(event: EventBrief): number {
  return event.reminders.partnerReminderHours * HOUR_MS;
}

import {
  allHandlersFinished,
  condition,
  continueAsNew,
  patched,
  setHandler,
} from '@temporalio/workflow';
import type { AgendaItem } from '../domain/agenda';
import { ErrorCodes } from '../domain/errors';
import { SpeakerAnswerSchema, SpeakerReplacementSchema } from '../domain/lifecycle-commands';
import type { EventBrief } from '../domain/event-brief';
import type { MessageRecipient, SendMessageRequest } from '../domain/messages/mail';
import {
  answerSpeakerInvitation,
  getSpeakerSlotView,
  replaceSpeaker,
  speakerEventChanged,
  type SpeakerAnswer,
  type SpeakerSlotInput,
  type SpeakerSlotState,
} from '../domain/messages/speaker-slot';
import { speakerSlotChanged, type SpeakerSlotView } from '../domain/messages/training-day';
import type { Speaker } from '../domain/speaker';
import { workflowIds } from '../domain/workflow-ids';
import {
  Alarm,
  coordinatorRecipient,
  earliest,
  HOUR_MS,
  isoNow,
  mail,
  MINUTE_MS,
  now,
  refuse,
  resolveTuning,
  runIsLarge,
  signalQuietly,
  parseCommand,
} from './kit';

function speakerRecipient(speaker: Speaker): MessageRecipient {
  return {
    id: speaker.id,
    kind: 'speaker',
    name: speaker.name,
    email: speaker.email,
    language: speaker.language,
  };
}

/** What a speaker is told about their slot: a change to any of it is an agenda change. */
function slotKey(item: AgendaItem | undefined): string {
  return item ? JSON.stringify([item.start, item.end, item.title, item.kind]) : '';
}

function initialState(input: SpeakerSlotInput): SpeakerSlotState {
  const item = input.event.agenda.find((candidate) => candidate.id === input.agendaItemId);
  return {
    view: {
      agendaItemId: input.agendaItemId,
      title: item?.title ?? { en: input.agendaItemId },
      speakerId: input.speaker.id,
      speakerName: input.speaker.name,
      status: 'pending',
      previousSpeakerIds: [],
    },
    speaker: input.speaker,
    invitationsSent: 0,
    answerReminderSent: false,
    replacementRequested: false,
    confirmationSent: false,
    toldRevision: input.event.revision,
    agendaNoticesSent: 0,
    toRelease: [],
    cancelled: false,
    dayOver: false,
  };
}

function refuseIfClosed(state: SpeakerSlotState): void {
  if (state.cancelled || state.view.status === 'cancelled')
    refuse(ErrorCodes.wrongPhase, 'this slot was cancelled');
  if (state.dayOver) refuse(ErrorCodes.deadlinePassed, 'the training day is over');
}

function validateAnswer(answer: SpeakerAnswer, state: SpeakerSlotState): void {
  refuseIfClosed(state);
  parseCommand(SpeakerAnswerSchema, answer);
  const { status, replacementReason } = state.view;
  if (answer.answer === 'confirm' && status === 'confirmed')
    refuse(ErrorCodes.alreadyAnswered, `${state.view.speakerName} already confirmed`);
  if (
    answer.answer === 'decline' &&
    status === 'replacement-needed' &&
    replacementReason === 'declined'
  )
    refuse(ErrorCodes.alreadyAnswered, `${state.view.speakerName} already declined`);
}

/**
 * One agenda slot and its speaker: the invitation, a reminder to answer, and, on a decline or
 * no answer by the deadline, a request to the coordinator for a replacement (`replaceSpeaker`).
 * Agenda changes reach the speaker once after a quiet period, however many edits came in;
 * reschedules and a cancellation are told once; a confirmed speaker is reminded before the day.
 */
export async function speakerSlotWorkflow(input: SpeakerSlotInput): Promise<SpeakerSlotView> {
  const tuning = resolveTuning(input.tuning);
  const parentId = workflowIds.trainingDay(input.event.eventId);
  const { agendaItemId } = input;
  const state = input.state ?? initialState(input);
  let event: EventBrief = input.event;
  let poked = false;
  const alarm = new Alarm();
  let changed = input.state === undefined;
  // An item that lost its speaker (a talk turned into a discussion) no longer needs the slot.
  const itemOf = (brief: EventBrief) =>
    brief.agenda.find((item) => item.id === agendaItemId && item.speakerId !== undefined);

  setHandler(getSpeakerSlotView, () => state.view);
  setHandler(
    answerSpeakerInvitation,
    (answer) => {
      if (answer.answer === 'confirm') {
        state.view.status = 'confirmed';
        state.view.replacementReason = undefined;
        state.confirmedAt = isoNow();
        state.confirmationSent = false;
      } else {
        state.view.status = 'replacement-needed';
        state.view.replacementReason = 'declined';
        state.replacementRequested = false;
      }
      state.view.answerBy = undefined;
      changed = true;
      poked = true;
      return state.view;
    },
    { validator: (answer) => validateAnswer(answer, state) },
  );
  setHandler(
    replaceSpeaker,
    async ({ speaker }) => {
      const previous = state.speaker;
      const { status } = state.view;
      if (previous.id !== speaker.id) {
        if (status === 'invited' || status === 'confirmed') state.toRelease.push(previous);
        state.view.previousSpeakerIds.push(previous.id);
      }
      state.speaker = speaker;
      state.view.speakerId = speaker.id;
      state.view.speakerName = speaker.name;
      state.view.status = 'pending';
      state.view.replacementReason = undefined;
      state.confirmedAt = undefined;
      changed = true;
      poked = true;
      await condition(() => state.view.status !== 'pending' || state.cancelled);
      return state.view;
    },
    {
      validator: (request) => {
        refuseIfClosed(state);
        parseCommand(SpeakerReplacementSchema, request);
        const { status } = state.view;
        if (
          request.speaker.id === state.speaker.id &&
          (status === 'invited' || status === 'confirmed')
        )
          refuse(
            ErrorCodes.alreadyAnswered,
            `${state.speaker.name} is already ${status} for this slot`,
            'speaker.id',
          );
      },
    },
  );
  setHandler(speakerEventChanged, (change) => {
    if (slotKey(itemOf(change.event)) !== slotKey(itemOf(event))) state.agendaChangedAt = isoNow();
    event = change.event;
    if (change.cancelled) state.cancelled = true;
    if (change.dayOver) state.dayOver = true;
    poked = true;
  });

  const toSpeaker = (
    purpose: SendMessageRequest['purpose'],
    revision: number,
    details: SendMessageRequest['details'] = {},
    speaker: Speaker = state.speaker,
  ) =>
    mail.sendMessage({
      purpose,
      event,
      recipient: speakerRecipient(speaker),
      revision,
      details: { agendaItemId, speakerName: speaker.name, ...details },
    });

  const answerByMs = () =>
    state.invitedAt
      ? Date.parse(state.invitedAt) + event.reminders.speakerAnswerHours * HOUR_MS
      : undefined;
  const answerReminderAtMs = () =>
    state.invitedAt && !state.answerReminderSent
      ? Date.parse(state.invitedAt) + (event.reminders.speakerAnswerHours * HOUR_MS) / 2
      : undefined;
  const dayReminderAtMs = () =>
    Date.parse(event.startsAt) - event.reminders.speakerReminderHoursBefore * HOUR_MS;
  const agendaNoticeAtMs = () =>
    state.agendaChangedAt
      ? Date.parse(state.agendaChangedAt) + event.reminders.agendaChangeQuietMinutes * MINUTE_MS
      : undefined;
  // Read through a function: handlers change the status while the loop awaits.
  const statusNow = () => state.view.status;
  const contacted = () =>
    state.view.status === 'invited' ||
    state.view.status === 'confirmed' ||
    state.view.status === 'replacement-needed';

  for (;;) {
    const item = itemOf(event);
    if (state.cancelled || !item) {
      if (contacted())
        await toSpeaker('cancellation-notice', event.revision, {
          reason: state.cancelled ? undefined : 'slot-removed',
        });
      state.view.status = 'cancelled';
      state.view.answerBy = undefined;
      await signalQuietly(parentId, speakerSlotChanged, state.view);
      return state.view;
    }
    state.view.title = item.title;
    for (const released of state.toRelease.splice(0))
      await toSpeaker('cancellation-notice', event.revision, { reason: 'replaced' }, released);

    if (state.view.status === 'pending') {
      await toSpeaker('speaker-invitation', state.invitationsSent);
      state.invitationsSent += 1;
      state.invitedAt = isoNow();
      state.answerReminderSent = false;
      state.replacementRequested = false;
      state.toldSlot = slotKey(item);
      state.toldRevision = event.revision;
      state.agendaChangedAt = undefined;
      if (state.view.status === 'pending') state.view.status = 'invited';
      if (state.view.status === 'invited')
        state.view.answerBy = new Date(answerByMs()!).toISOString();
      changed = true;
    }
    if (state.view.status === 'confirmed' && !state.confirmationSent) {
      await toSpeaker('speaker-confirmation', state.invitationsSent);
      state.confirmationSent = true;
    }
    if (state.view.status === 'invited') {
      if (now() >= answerByMs()!) {
        state.view.status = 'replacement-needed';
        state.view.replacementReason = 'no-answer';
        state.view.answerBy = undefined;
        state.replacementRequested = false;
        changed = true;
      } else if (now() >= answerReminderAtMs()!) {
        await toSpeaker('speaker-reminder-to-answer', state.invitationsSent, {
          note: state.view.answerBy,
        });
        state.answerReminderSent = true;
      }
    }
    if (state.view.status === 'replacement-needed' && !state.replacementRequested) {
      await mail.sendMessage({
        purpose: 'speaker-replacement-needed',
        event,
        recipient: coordinatorRecipient(event, `slot-${agendaItemId}`),
        revision: state.invitationsSent,
        details: {
          agendaItemId,
          speakerName: state.speaker.name,
          reason: state.view.replacementReason,
        },
      });
      state.replacementRequested = true;
    }
    const engaged = state.view.status === 'invited' || state.view.status === 'confirmed';
    if (event.revision > state.toldRevision) {
      // A confirmed speaker's calendar keeps their yes; histories from before replay without it.
      if (engaged)
        await toSpeaker(
          'reschedule-notice',
          event.revision,
          patched('speaker-change-standing')
            ? { standing: state.view.status === 'confirmed' ? 'accepted' : 'pending' }
            : {},
        );
      state.toldRevision = event.revision;
      state.toldSlot = slotKey(item);
      state.agendaChangedAt = undefined;
    }
    if (state.toldSlot === slotKey(item)) state.agendaChangedAt = undefined;
    else if (!engaged) {
      // Not engaged: the next invitation carries the slot as it is then.
      state.agendaChangedAt = undefined;
    } else if (state.agendaChangedAt === undefined) state.agendaChangedAt = isoNow();
    else if (now() >= agendaNoticeAtMs()!) {
      state.agendaNoticesSent += 1;
      await toSpeaker('speaker-agenda-change', state.agendaNoticesSent);
      state.toldSlot = slotKey(item);
      state.agendaChangedAt = undefined;
    }
    if (
      state.view.status === 'confirmed' &&
      state.remindedRevision !== event.revision &&
      now() >= dayReminderAtMs() &&
      now() < Date.parse(event.startsAt)
    ) {
      // A speaker who confirmed inside the reminder window has just been told everything.
      if (!state.confirmedAt || Date.parse(state.confirmedAt) < dayReminderAtMs())
        await toSpeaker('speaker-reminder', event.revision);
      state.remindedRevision = event.revision;
    }
    if (changed) {
      changed = false;
      await signalQuietly(parentId, speakerSlotChanged, state.view);
    }
    if (state.dayOver || now() >= Date.parse(event.endsAt)) return state.view;
    // A replacement waits for its invitation, which this loop sends: never hand over before.
    const handOver = runIsLarge(tuning) && statusNow() !== 'pending';
    if (handOver && allHandlersFinished())
      return continueAsNew<typeof speakerSlotWorkflow>({ ...input, event, state });
    const invited = state.view.status === 'invited';
    const confirmedAwaitingReminder =
      state.view.status === 'confirmed' && state.remindedRevision !== event.revision;
    await alarm.wait(
      () => poked || (handOver && allHandlersFinished()),
      earliest(
        invited ? answerByMs() : undefined,
        invited ? answerReminderAtMs() : undefined,
        agendaNoticeAtMs(),
        confirmedAwaitingReminder && now() < dayReminderAtMs() ? dayReminderAtMs() : undefined,
        Date.parse(event.endsAt),
      ),
    );
    poked = false;
  }
}

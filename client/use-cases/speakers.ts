import { SlugSchema } from '../../domain/common';
import { SpeakerAnswerSchema, SpeakerReplacementSchema } from '../../domain/lifecycle-commands';
import {
  answerSpeakerInvitation,
  replaceSpeaker,
  type SpeakerAnswer,
} from '../../domain/messages/speaker-slot';
import type { SpeakerSlotView } from '../../domain/messages/training-day';
import { workflowIds } from '../../domain/workflow-ids';
import type { Connections } from '../connections';
import { parseOrThrow } from '../validation';
import { withWorkflowErrors } from '../workflow-errors';

export { SpeakerAnswerSchema, SpeakerReplacementSchema };

function slot(connections: Connections, eventId: string, agendaItemId: string) {
  parseOrThrow(SlugSchema, agendaItemId, 'agendaItemId');
  return connections.temporal.workflow.getHandle(workflowIds.speakerSlot(eventId, agendaItemId));
}

/** Records a speaker's confirmation or decline for a slot. */
export async function answerSpeaker(
  connections: Connections,
  eventId: string,
  agendaItemId: string,
  input: unknown,
): Promise<SpeakerSlotView> {
  const answer: SpeakerAnswer = parseOrThrow(SpeakerAnswerSchema, input);
  return withWorkflowErrors(`speaker slot "${agendaItemId}" of training day "${eventId}"`, () =>
    slot(connections, eventId, agendaItemId).executeUpdate(answerSpeakerInvitation, {
      args: [answer],
    }),
  );
}

/** Invites another speaker into a slot (after a decline, or at the coordinator's will). */
export async function replaceSlotSpeaker(
  connections: Connections,
  eventId: string,
  agendaItemId: string,
  input: unknown,
): Promise<SpeakerSlotView> {
  const replacement = parseOrThrow(SpeakerReplacementSchema, input);
  return withWorkflowErrors(`speaker slot "${agendaItemId}" of training day "${eventId}"`, () =>
    slot(connections, eventId, agendaItemId).executeUpdate(replaceSpeaker, {
      args: [replacement],
    }),
  );
}

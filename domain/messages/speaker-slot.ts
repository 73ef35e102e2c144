import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { Speaker } from '../speaker';
import type { EventBrief } from '../event-brief';
import type { SpeakerSlotView } from './training-day';

export interface SpeakerSlotInput {
  event: EventBrief;
  agendaItemId: string;
  speaker: Speaker;
}

export type SpeakerAnswer = { answer: 'confirm' } | { answer: 'decline'; note?: string };

export const answerSpeakerInvitation = defineUpdate<SpeakerSlotView, [SpeakerAnswer]>(
  'answerSpeakerInvitation',
);
/** Coordinator: invite another speaker into the slot (after a decline, or at will). */
export const replaceSpeaker = defineUpdate<SpeakerSlotView, [{ speaker: Speaker }]>(
  'replaceSpeaker',
);
export const getSpeakerSlotView = defineQuery<SpeakerSlotView>('getSpeakerSlotView');
/** From the parent: new agenda, new schedule, or cancellation. */
export const speakerEventChanged =
  defineSignal<[{ event: EventBrief; cancelled?: boolean }]>('speakerEventChanged');

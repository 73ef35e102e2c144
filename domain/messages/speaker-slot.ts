import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { Speaker } from '../speaker';
import type { EventBrief } from '../event-brief';
import type { LifecycleTuning, SpeakerSlotView } from './training-day';

export interface SpeakerSlotInput {
  event: EventBrief;
  agendaItemId: string;
  speaker: Speaker;
  /** Carried over continue-as-new; absent on the first run. */
  state?: SpeakerSlotState;
  tuning?: LifecycleTuning;
}

/** What a speaker slot remembers across runs. */
export interface SpeakerSlotState {
  view: SpeakerSlotView;
  speaker: Speaker;
  /** Invitations sent in this slot (to any speaker): the invitation's message ordinal. */
  invitationsSent: number;
  invitedAt?: string;
  answerReminderSent: boolean;
  replacementRequested: boolean;
  confirmedAt?: string;
  /** Whether the speaker was sent the confirmation of their current confirmation. */
  confirmationSent: boolean;
  /** The event revision the speaker was last told about (reschedules). */
  toldRevision: number;
  /** The slot as the speaker last heard of it (start, end, title), and when it last changed. */
  toldSlot?: string;
  agendaChangedAt?: string;
  agendaNoticesSent: number;
  /** The event revision the speaker was last reminded of the day for. */
  remindedRevision?: number;
  /** Speakers replaced while invited or confirmed, still to be told they are released. */
  toRelease: Speaker[];
  cancelled: boolean;
  dayOver: boolean;
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
  defineSignal<[{ event: EventBrief; cancelled?: boolean; dayOver?: boolean }]>(
    'speakerEventChanged',
  );

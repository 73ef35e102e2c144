import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { Contribution, PartnerInstitution } from '../partner';
import type { EventBrief } from '../event-brief';
import type { LifecycleTuning, PartnerView } from './training-day';

export interface PartnerCoordinationInput {
  event: EventBrief;
  partner: PartnerInstitution;
  /** Carried over continue-as-new; absent on the first run. */
  state?: PartnerCoordinationState;
  tuning?: LifecycleTuning;
}

/** What a partner's coordination remembers across runs. */
export interface PartnerCoordinationState {
  view: PartnerView;
  askedAt?: string;
  /** The event revision the partner was last told about (reschedules). */
  toldRevision: number;
  escalated: boolean;
  declineReported: boolean;
  cancelled: boolean;
  dayOver: boolean;
}

export type PartnerAnswer =
  | { answer: 'confirm'; contributions: Contribution[]; note?: string }
  | { answer: 'decline'; note?: string };

export const answerPartnerRequest = defineUpdate<PartnerView, [PartnerAnswer]>(
  'answerPartnerRequest',
);
export const getPartnerView = defineQuery<PartnerView>('getPartnerView');
/** From the parent: the event moved or was cancelled. */
export const partnerEventChanged =
  defineSignal<[{ event: EventBrief; cancelled?: boolean; dayOver?: boolean }]>(
    'partnerEventChanged',
  );

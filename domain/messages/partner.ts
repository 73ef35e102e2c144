import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { Contribution, PartnerInstitution } from '../partner';
import type { EventBrief } from '../event-brief';
import type { PartnerView } from './training-day';

export interface PartnerCoordinationInput {
  event: EventBrief;
  partner: PartnerInstitution;
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
  defineSignal<[{ event: EventBrief; cancelled?: boolean }]>('partnerEventChanged');

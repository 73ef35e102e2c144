import type { EventBrief } from '../event-brief';
import type { Recommendation } from '../follow-up';
import type { PartnerInstitution } from '../partner';
import type { TrainingDayPlan } from '../training-day';

/**
 * What the training-day workflow starts each follow-up with (one per recommendation), when
 * the day enters `following-up`. The follow-up reports to `trainingDayWorkflowId` with the
 * `followUpReport` signal (domain/messages/training-day.ts).
 */
export interface FollowUpInput {
  event: EventBrief;
  recommendation: Recommendation;
  trainingDayWorkflowId: string;
  partners: PartnerInstitution[];
  /** The day's definition, so further training can start from it (theme, partners, audience). */
  definition: TrainingDayPlan['definition'];
}

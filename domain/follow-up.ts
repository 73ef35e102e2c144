import { z } from 'zod';
import { FreeTextSchema, InstantSchema, LocalizedTextSchema, SlugSchema } from './common';

export const RECOMMENDATION_KINDS = [
  'capacity-building',
  'coordination',
  'further-training',
  'networking-visits',
  'other',
] as const;
export const RecommendationKindSchema = z.enum(RECOMMENDATION_KINDS);
export type RecommendationKind = z.infer<typeof RecommendationKindSchema>;

/** A recommendation made during or after the day; each becomes a tracked follow-up. */
export const RecommendationSchema = z
  .object({
    id: SlugSchema,
    kind: RecommendationKindSchema,
    text: LocalizedTextSchema,
    /** `chamber` or a partner institution's id. */
    owner: SlugSchema.default('chamber'),
    dueAt: InstantSchema.optional(),
  })
  .strict();
export type RecommendationInput = z.input<typeof RecommendationSchema>;
export type Recommendation = z.infer<typeof RecommendationSchema>;

export const FOLLOW_UP_STATUSES = ['open', 'in-progress', 'overdue', 'done', 'dropped'] as const;
export const FollowUpStatusSchema = z.enum(FOLLOW_UP_STATUSES);
export type FollowUpStatus = z.infer<typeof FollowUpStatusSchema>;

/** The closing record of a follow-up. */
export const FollowUpOutcomeSchema = z
  .object({ status: z.enum(['done', 'dropped']), outcome: FreeTextSchema })
  .strict();
export type FollowUpOutcome = z.infer<typeof FollowUpOutcomeSchema>;

export interface FollowUpSummary {
  recommendationId: string;
  kind: RecommendationKind;
  owner: string;
  status: FollowUpStatus;
  dueAt?: string;
  outcome?: string;
  workflowId: string;
}

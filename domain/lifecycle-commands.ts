import { z } from 'zod';
import { FreeTextSchema, SingleLineTextSchema, SlugSchema } from './common';
import { ContributionSchema } from './partner';
import { SpeakerSchema } from './speaker';
import { TrainingDayPhaseSchema } from './training-day';

/**
 * The commands (update arguments) of the training day's workflows, as zod schemas: the
 * workflows' update validators parse them (`parseCommand`) and `client/` parses its requests
 * with the same schemas, so each rule is held once. (The follow-up's are in
 * `follow-up-commands`.)
 */

const answerError = { error: 'must be confirm or decline' };

/** A partner institution's answer, as a coordinator records it. */
export const PartnerAnswerSchema = z.discriminatedUnion(
  'answer',
  [
    z
      .object({
        answer: z.literal('confirm'),
        contributions: z.array(ContributionSchema).min(1, 'name at least one contribution'),
        note: SingleLineTextSchema.optional(),
      })
      .strict(),
    z.object({ answer: z.literal('decline'), note: SingleLineTextSchema.optional() }).strict(),
  ],
  answerError,
);

/** A speaker's answer to the invitation for one agenda slot. */
export const SpeakerAnswerSchema = z.discriminatedUnion(
  'answer',
  [
    z.object({ answer: z.literal('confirm') }).strict(),
    z.object({ answer: z.literal('decline'), note: SingleLineTextSchema.optional() }).strict(),
  ],
  answerError,
);

/** Coordinator: invite another speaker into the slot. */
export const SpeakerReplacementSchema = z
  .object({ speaker: SpeakerSchema }, { error: 'a speaker is required' })
  .strict();

/** An association's rating of the day, 1 (poor) to 5 (excellent). */
export const SurveyRatingSchema = z
  .number()
  .int()
  .min(1, 'must be 1 to 5')
  .max(5, 'must be 1 to 5');

/** An association's answer to the survey after the day. */
export const SurveyResponseCommandSchema = z
  .object({
    associationId: SlugSchema,
    rating: SurveyRatingSchema,
    comments: FreeTextSchema.max(2000, 'at most 2,000 characters').optional(),
  })
  .strict();

/** Coordinator: cancel the day, saying why. */
export const CancelRequestSchema = z.object({ reason: SingleLineTextSchema }).strict();

/** Coordinator: move the day to a later phase. */
export const AdvanceRequestSchema = z
  .object({ to: TrainingDayPhaseSchema, reason: SingleLineTextSchema.optional() })
  .strict();

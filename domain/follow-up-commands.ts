import { z } from 'zod';
import {
  FreeTextSchema,
  InstantSchema,
  LocalDateSchema,
  LocalizedTextSchema,
  SingleLineTextSchema,
  WebLinkSchema,
} from './common';

/** Coordinator: work on the follow-up has started (with an optional progress note). */
export const FollowUpProgressSchema = z.object({ note: FreeTextSchema.optional() }).strict();
export type FollowUpProgress = z.infer<typeof FollowUpProgressSchema>;

/** Coordinator: a new due date; an overdue follow-up moved into the future is no longer overdue. */
export const FollowUpDueDateSchema = z
  .object({ dueAt: InstantSchema, reason: FreeTextSchema.optional() })
  .strict();
export type FollowUpDueDateChange = z.infer<typeof FollowUpDueDateSchema>;

/** Coordinator: an item for the next coordination digest. */
export const DigestNewsSchema = z
  .object({
    title: SingleLineTextSchema,
    body: FreeTextSchema,
    /** A page with details: calls for projects, programme rules. */
    link: WebLinkSchema.optional(),
  })
  .strict();
export type DigestNewsInput = z.infer<typeof DigestNewsSchema>;

/** Coordinator: start the next training day, as a draft, from this one. */
export const NextTrainingDayRequestSchema = z
  .object({
    /** Day of the new training day; by default three months after this one (or later). */
    date: LocalDateSchema.optional(),
    title: LocalizedTextSchema.optional(),
    theme: LocalizedTextSchema.optional(),
  })
  .strict();
export type NextTrainingDayRequest = z.infer<typeof NextTrainingDayRequestSchema>;

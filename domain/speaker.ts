import { z } from 'zod';
import {
  EmailSchema,
  LanguageSchema,
  LocalizedTextSchema,
  SingleLineTextSchema,
  SlugSchema,
} from './common';

/** A person invited to speak in one agenda slot. */
export const SpeakerSchema = z
  .object({
    id: SlugSchema,
    name: SingleLineTextSchema,
    /** Role shown on the agenda, e.g. "Professor of constitutional law". */
    role: LocalizedTextSchema.optional(),
    email: EmailSchema,
    language: LanguageSchema,
    /** The partner institution the speaker comes from, if any. */
    partnerId: SlugSchema.optional(),
  })
  .strict();
export type Speaker = z.infer<typeof SpeakerSchema>;

export const SPEAKER_STATUSES = [
  'pending',
  'invited',
  'confirmed',
  'declined',
  'replacement-needed',
  'cancelled',
] as const;
export type SpeakerStatus = (typeof SPEAKER_STATUSES)[number];

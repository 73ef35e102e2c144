import { z } from 'zod';
import {
  EmailSchema,
  LanguageSchema,
  LocalizedTextSchema,
  SingleLineTextSchema,
  SlugSchema,
} from './common';

/** What a co-organising institution can bring to a training day. */
export const CONTRIBUTIONS = ['speaker', 'venue', 'funding', 'outreach'] as const;
export const ContributionSchema = z.enum(CONTRIBUTIONS);
export type Contribution = z.infer<typeof ContributionSchema>;

/** A partner institution asked to co-organise the day. */
export const PartnerInstitutionSchema = z
  .object({
    id: SlugSchema,
    name: LocalizedTextSchema,
    contactName: SingleLineTextSchema,
    email: EmailSchema,
    language: LanguageSchema,
    /** What the chamber asks this partner to bring. */
    requestedContributions: z.array(ContributionSchema).default([]),
  })
  .strict();
export type PartnerInstitution = z.infer<typeof PartnerInstitutionSchema>;

export const PARTNER_STATUSES = [
  'pending',
  'asked',
  'confirmed',
  'declined',
  'escalated',
  'cancelled',
] as const;
export type PartnerStatus = (typeof PARTNER_STATUSES)[number];

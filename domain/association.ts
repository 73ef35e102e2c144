import { z } from 'zod';
import {
  EmailSchema,
  LanguageSchema,
  ProvinceSchema,
  SectorSchema,
  SingleLineTextSchema,
  SlugSchema,
} from './common';

/** A professional association or representation that can be invited to training days. */
export const AssociationSchema = z
  .object({
    id: SlugSchema,
    name: SingleLineTextSchema,
    sector: SectorSchema,
    province: ProvinceSchema,
    email: EmailSchema,
    preferredLanguage: LanguageSchema,
    contactName: SingleLineTextSchema.optional(),
    memberOfChamber: z.boolean().default(true),
  })
  .strict();
export type Association = z.infer<typeof AssociationSchema>;

/** One CSV row as written by people: header names as in `examples/associations.csv`. */
export const AssociationCsvRowSchema = z
  .object({
    id: SlugSchema,
    name: SingleLineTextSchema,
    sector: SectorSchema,
    province: ProvinceSchema,
    email: EmailSchema,
    preferred_language: LanguageSchema,
    contact_name: z
      .string()
      .trim()
      .optional()
      .transform((value) => value || undefined),
    member_of_chamber: z
      .enum(['yes', 'no', 'true', 'false', '1', '0', ''])
      .optional()
      .transform(
        (value) =>
          value === undefined ||
          value === '' ||
          value === 'yes' ||
          value === 'true' ||
          value === '1',
      ),
  })
  .transform((row): Association => ({
    id: row.id,
    name: row.name,
    sector: row.sector,
    province: row.province,
    email: row.email,
    preferredLanguage: row.preferred_language,
    contactName: row.contact_name,
    memberOfChamber: row.member_of_chamber,
  }));

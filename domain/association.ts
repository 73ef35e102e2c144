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
    // An id or a label of the deployment's taxonomy (`Artisanat` for `crafts`), mapped by the import.
    sector: SingleLineTextSchema.max(80),
    province: ProvinceSchema,
    // One address, one spelling: mail systems ignore case, so the directory does too.
    email: EmailSchema.transform((email) => email.toLowerCase()),
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

/** What workflows carry of an association: who it is, how to reach it, where it belongs. */
export interface AssociationContact {
  associationId: string;
  name: string;
  email: string;
  language: Association['preferredLanguage'];
  province: string;
  sector: Association['sector'];
}

export function associationContact(association: Association): AssociationContact {
  return {
    associationId: association.id,
    name: association.name,
    email: association.email,
    language: association.preferredLanguage,
    province: association.province,
    sector: association.sector,
  };
}

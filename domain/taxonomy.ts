import { z } from 'zod';
import {
  LANGUAGES,
  ProvinceSchema,
  SectorSchema,
  SingleLineTextSchema,
  type Language,
} from './common';

/** A label in each language the dashboard, report and messages are written in. */
const LabelsSchema = z
  .object({ ar: SingleLineTextSchema, fr: SingleLineTextSchema, en: SingleLineTextSchema })
  .strict();

function entries(id: z.ZodString, kind: string) {
  return z
    .array(z.object({ id, labels: LabelsSchema }).strict())
    .min(1, `name at least one ${kind}`)
    .max(500)
    .superRefine((list, ctx) => {
      const seen = new Map<string, number>();
      list.forEach((entry, index) => {
        const key = entry.id.trim().toLowerCase();
        const earlier = seen.get(key);
        if (earlier !== undefined)
          ctx.addIssue({
            code: 'custom',
            path: [index, 'id'],
            message: `"${entry.id}" is already ${kind} ${earlier}`,
          });
        else seen.set(key, index);
      });
    });
}

/**
 * A deployment's sectors and provinces (`config/taxonomy.json`, or the file named by
 * `MULTAQA_TAXONOMY`). A sector's id is a slug stored on associations and audiences; a
 * province's id is its name as associations write it (e.g. `Safi`). Labels in ar/fr/en.
 */
export const TaxonomySchema = z
  .object({
    sectors: entries(SectorSchema, 'sector'),
    provinces: entries(ProvinceSchema, 'province'),
  })
  .strict();
export type Taxonomy = z.infer<typeof TaxonomySchema>;
export type TaxonomyKind = 'sector' | 'province';

function listOf(taxonomy: Taxonomy, kind: TaxonomyKind) {
  return kind === 'sector' ? taxonomy.sectors : taxonomy.provinces;
}

const folded = (text: string) => text.normalize('NFC').trim().toLocaleLowerCase('fr');

/**
 * The id `value` stands for: an id or any of its labels, ignoring case and surrounding
 * spaces (a CSV may say `safi` or `آسفي` for `Safi`); undefined when the taxonomy has none.
 */
export function taxonomyId(
  taxonomy: Taxonomy,
  kind: TaxonomyKind,
  value: string,
): string | undefined {
  const wanted = folded(value);
  return listOf(taxonomy, kind).find(
    (entry) =>
      folded(entry.id) === wanted ||
      LANGUAGES.some((language) => folded(entry.labels[language]) === wanted),
  )?.id;
}

/** The message for a value the taxonomy does not know: what is allowed instead. */
export function unknownTaxonomyValue(taxonomy: Taxonomy, kind: TaxonomyKind): string {
  const ids = listOf(taxonomy, kind).map((entry) => entry.id);
  const shown = ids.length > 12 ? [...ids.slice(0, 12), '…'] : ids;
  return `unknown ${kind}; this deployment's ${kind === 'sector' ? 'sectors' : 'provinces'} are ${shown.join(', ')}`;
}

/** The label of a sector or province in `language`, or undefined when the taxonomy has none. */
export function taxonomyLabel(
  taxonomy: Taxonomy,
  value: string,
  language: Language,
): string | undefined {
  const entry =
    taxonomy.sectors.find((sector) => sector.id === value) ??
    taxonomy.provinces.find((province) => province.id === value);
  return entry?.labels[language];
}

/** Every label by id, for clients that render values themselves (the dashboard). */
export function taxonomyLabels(taxonomy: Taxonomy): Record<string, Record<Language, string>> {
  return Object.fromEntries(
    [...taxonomy.sectors, ...taxonomy.provinces].map((entry) => [entry.id, entry.labels]),
  );
}

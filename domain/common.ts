import { z } from 'zod';

/** Languages a message or page can be written in. Arabic is right to left. */
export const LANGUAGES = ['ar', 'fr', 'en'] as const;
export const LanguageSchema = z.enum(LANGUAGES);
export type Language = z.infer<typeof LanguageSchema>;

/** Stable identifiers: lower-case slugs, safe in workflow ids, Redis keys and URLs. */
export const SlugSchema = z
  .string()
  .regex(
    /^[a-z0-9][a-z0-9-]{0,62}$/,
    'must be a lower-case slug (a-z, 0-9, -), at most 63 characters',
  );

export const EmailSchema = z.email({ message: 'must be an email address' }).max(254);

/** Plain text that ends up in email headers and pages: no line breaks, no control characters. */
export const SingleLineTextSchema = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(300)
  // eslint-disable-next-line no-control-regex -- rejecting control characters is the point
  .regex(/^[^\u0000-\u001f\u007f]*$/, 'must be one line without control characters');

/** Text given in one or more of the supported languages. */
export const LocalizedTextSchema = z
  .object({
    ar: SingleLineTextSchema.optional(),
    fr: SingleLineTextSchema.optional(),
    en: SingleLineTextSchema.optional(),
  })
  .strict()
  .refine(
    (text) => Boolean(text.ar ?? text.fr ?? text.en),
    'needs a text in at least one language',
  );
export type LocalizedText = z.infer<typeof LocalizedTextSchema>;

/** Longer free text (comments, reports, news) in a single language. */
export const FreeTextSchema = z.string().trim().min(1, 'must not be empty').max(5000);

export const SECTORS = ['trade', 'crafts', 'services'] as const;
export const SectorSchema = z.enum(SECTORS);
export type Sector = z.infer<typeof SectorSchema>;

export const ProvinceSchema = SingleLineTextSchema.max(80);

/**
 * A calendar date, `YYYY-MM-DD`. Not `z.iso.date()`: in the workflow bundle webpack resolves
 * `z.iso.date` to `z.date` (a Date object), so every date would fail validation in workflows.
 */
export const LocalDateSchema = z.string().date('must be a date YYYY-MM-DD');
/** A wall-clock time, `HH:MM`, in the event's time zone. */
export const LocalTimeSchema = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time HH:MM (24-hour clock)');
/** An instant, ISO 8601 with an offset or Z. */
export const InstantSchema = z.iso.datetime({
  offset: true,
  message: 'must be an ISO 8601 date-time with an offset',
});

export function isValidTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
export const TimeZoneSchema = z
  .string()
  .refine(isValidTimeZone, 'must be an IANA time zone such as Africa/Casablanca');

/** Picks the text in `language`, falling back through the given order, then to any text. */
export function pickText(
  text: LocalizedText,
  language: Language,
  fallback: readonly Language[] = LANGUAGES,
): string {
  const order = [language, ...fallback.filter((candidate) => candidate !== language)];
  for (const candidate of order) {
    const value = text[candidate];
    if (value) return value;
  }
  return text.ar ?? text.fr ?? text.en ?? '';
}

/**
 * A web link people will click (http or https only): `javascript:`, `data:` and other schemes
 * are refused wherever a link is stored.
 */
export const WebLinkSchema = z
  .url({ protocol: /^https?$/, message: 'must be an http:// or https:// URL' })
  .max(2000);

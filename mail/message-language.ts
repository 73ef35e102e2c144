import { LANGUAGES, pickText, type Language, type LocalizedText } from '../domain/common';
import type { EventBrief } from '../domain/event-brief';
import { singleLine } from './text-safety';

/** Locales for dates and numbers: Moroccan Arabic and French, British English. */
export const LOCALES: Readonly<Record<Language, string>> = {
  ar: 'ar-MA',
  fr: 'fr-MA',
  en: 'en-GB',
};

export type Direction = 'rtl' | 'ltr';

export function directionOf(language: Language): Direction {
  return language === 'ar' ? 'rtl' : 'ltr';
}

function isLanguage(value: unknown): value is Language {
  return (LANGUAGES as readonly unknown[]).includes(value);
}

/**
 * The order in which languages are tried for a recipient: theirs, then the day's languages,
 * then French, then English (duplicates and unknown codes dropped).
 */
export function languageFallback(
  recipientLanguage: string,
  eventLanguages: readonly string[],
): Language[] {
  const order: Language[] = [];
  for (const candidate of [recipientLanguage, ...eventLanguages, 'fr', 'en']) {
    if (isLanguage(candidate) && !order.includes(candidate)) order.push(candidate);
  }
  return order;
}

/** The language a message is written in: the first of the fallback order (every template has all three). */
export function messageLanguage(
  recipientLanguage: string,
  eventLanguages: readonly string[],
): Language {
  return languageFallback(recipientLanguage, eventLanguages)[0] ?? 'fr';
}

/** Picks a day's text (title, venue...) along the recipient's fallback order. */
export function localText(text: LocalizedText | undefined, fallback: readonly Language[]): string {
  if (!text) return '';
  const [first = 'fr', ...rest] = fallback;
  return pickText(text, first, rest);
}

/** Venue, address and city in one line, parts the earlier ones already say left out. */
export function placeLine(venue: EventBrief['venue'], fallback: readonly Language[]): string {
  const parts = [localText(venue.name, fallback), venue.address, venue.city]
    .map((part) => singleLine(part ?? ''))
    .filter((part) => part.length > 0);
  return parts
    .filter((part, index) => !parts.slice(0, index).some((earlier) => earlier.includes(part)))
    .join(fallback[0] === 'ar' ? '، ' : ', ');
}

/** Dates and times of one day, written in one locale and shown in the day's own time zone. */
export class EventClock {
  private readonly dateFormat: Intl.DateTimeFormat;
  private readonly timeFormat: Intl.DateTimeFormat;
  private readonly dateTimeFormat: Intl.DateTimeFormat;
  private readonly offsetFormat: Intl.DateTimeFormat;

  constructor(
    readonly language: Language,
    readonly timeZone: string,
  ) {
    const locale = LOCALES[language];
    this.dateFormat = new Intl.DateTimeFormat(locale, { timeZone, dateStyle: 'full' });
    this.timeFormat = new Intl.DateTimeFormat(locale, {
      timeZone,
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    this.dateTimeFormat = new Intl.DateTimeFormat(locale, {
      timeZone,
      dateStyle: 'full',
      timeStyle: 'short',
      hourCycle: 'h23',
    });
    this.offsetFormat = new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: 'shortOffset' });
  }

  /** "vendredi 23 novembre 2018". */
  date(instant: string | Date): string {
    return this.dateFormat.format(new Date(instant));
  }

  /** "15:00". */
  time(instant: string | Date): string {
    return this.timeFormat.format(new Date(instant));
  }

  /** "15:00–18:30" (an en dash between two times of the same day). */
  timeRange(start: string, end: string): string {
    return `${this.time(start)}\u2013${this.time(end)}`;
  }

  dateTime(instant: string | Date): string {
    return this.dateTimeFormat.format(new Date(instant));
  }

  /** The zone's offset at that instant, as the locale writes it ("UTC+1", "GMT+1"). */
  offset(instant: string | Date): string {
    const part = this.offsetFormat
      .formatToParts(new Date(instant))
      .find((candidate) => candidate.type === 'timeZoneName');
    return part?.value ?? this.timeZone;
  }
}

const clocks = new Map<string, EventClock>();

/** A clock for `event` in `language`; formatters are costly to build, so clocks are kept. */
export function eventClock(event: Pick<EventBrief, 'timeZone'>, language: Language): EventClock {
  const key = `${language}|${event.timeZone}`;
  let clock = clocks.get(key);
  if (!clock) {
    clock = new EventClock(language, event.timeZone);
    clocks.set(key, clock);
  }
  return clock;
}

const pluralRules = new Map<Language, Intl.PluralRules>();

/** The language's plural category for a count (Arabic has one, two, few, many and other). */
export function pluralCategory(language: Language, count: number): Intl.LDMLPluralRule {
  let rules = pluralRules.get(language);
  if (!rules) pluralRules.set(language, (rules = new Intl.PluralRules(LOCALES[language])));
  return rules.select(count);
}

/**
 * "3 participants", "مشاركَين اثنين": a seat count in the language's plural forms. The one way
 * seats are written, in messages and on the link pages alike.
 */
export function seatsText(language: Language, count: number): string {
  const category = pluralCategory(language, count);
  switch (language) {
    case 'ar':
      if (category === 'one') return 'مشارك واحد';
      if (category === 'two') return 'مشاركَين اثنين';
      if (category === 'few') return `${count} مشاركين`;
      if (category === 'many') return `${count} مشاركاً`;
      return `${count} مشارك`;
    case 'fr':
      return category === 'one' ? `${count} participant` : `${count} participants`;
    case 'en':
      return category === 'one' ? `${count} participant` : `${count} participants`;
  }
}

/** Unicode FIRST STRONG ISOLATE / POP DIRECTIONAL ISOLATE: a value keeps its own direction. */
export const FSI = '\u2068';
export const PDI = '\u2069';
/** RIGHT-TO-LEFT MARK: makes a plain-text line start right to left in any client. */
export const RLM = '\u200f';

// C0 and C1 controls, line and paragraph separators, and every bidi embedding, override and
// isolate control: in a header they inject, in a sentence they can reorder what the reader sees.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const RTL_CHARACTER = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]/;

/**
 * One safe line of text from anything a user typed: line breaks and controls become spaces,
 * runs of spaces collapse. Everything that reaches a header or a sentence goes through this.
 */
export function singleLine(value: string): string {
  return value.replace(UNSAFE_CHARACTERS, ' ').replace(/\s+/g, ' ').trim();
}

/** Multi-line user text (a coordinator's note): lines kept, each line made safe. */
export function safeLines(value: string): string[] {
  return value
    .split(/\r\n|\r|\n|\u2028|\u2029/)
    .map(singleLine)
    .filter((line) => line.length > 0);
}

export function containsRtl(value: string): boolean {
  return RTL_CHARACTER.test(value);
}

/**
 * A user value placed inside a sentence: made safe, then isolated when its direction could
 * disturb the sentence around it (always in a right-to-left message; in a left-to-right one,
 * when it holds right-to-left letters).
 */
export function isolate(value: string, direction: 'rtl' | 'ltr'): string {
  const safe = singleLine(value);
  if (safe.length === 0) return safe;
  return direction === 'rtl' || containsRtl(safe) ? `${FSI}${safe}${PDI}` : safe;
}

/** Drops isolate marks (for the subject line, where some clients would show them). */
export function withoutIsolates(value: string): string {
  return value.replace(/[\u2066-\u2069]/g, '');
}

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (character) => HTML_ESCAPES[character] ?? character);
}

/** Escaped text whose isolate marks become `<bdi>` elements, which HTML clients honour better. */
export function htmlText(value: string): string {
  return escapeHtml(value).replaceAll(FSI, '<bdi>').replaceAll(PDI, '</bdi>');
}

/** Only http(s) URLs go into an `href`; anything else is refused rather than escaped. */
export function safeHref(url: string): string {
  const parsed = new URL(url);
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')
    throw new Error(`refusing a ${parsed.protocol} link in a message`);
  return escapeHtml(parsed.toString());
}

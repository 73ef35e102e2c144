import { eventClock, seatsText } from '../../../mail/message-language';
import type { Language } from '../../../domain/common';
import { text, type LinkPageTextKey } from './link-page-text';

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** A text with `{name}` placeholders filled, as HTML: every value escaped and isolated (`<bdi>`). */
export function textHtml(
  language: Language,
  key: LinkPageTextKey,
  values: Record<string, string | number> = {},
): string {
  const isolated: Record<string, string> = {};
  for (const [name, value] of Object.entries(values))
    isolated[name] = `\uE000${String(value)}\uE001`;
  // Filled between private-use marks, escaped as one, then the marks become isolates.
  return escapeHtml(text(language, key, isolated))
    .replace(/\uE000/g, '<bdi>')
    .replace(/\uE001/g, '</bdi>');
}

/** What every link page shows of the day and the association. */
export interface LinkPageEvent {
  title: string;
  startsAt: string;
  endsAt: string;
  timeZone: string;
  /** Venue, address and city in one line. */
  place?: string;
  associationName?: string;
}

/** An instant written as the emails write it: date, time and zone of the day, in `language`. */
export function localMoment(
  language: Language,
  instant: string,
  timeZone: string,
): { date: string; time: string; zone: string } {
  const clock = eventClock({ timeZone }, language);
  return { date: clock.date(instant), time: clock.time(instant), zone: clock.offset(instant) };
}

const STYLE = `body{font-family:system-ui,"Noto Sans","Noto Sans Arabic",sans-serif;max-width:36rem;margin:2rem auto;padding:0 1rem;color:#1d2733;line-height:1.5}
h1{font-size:1.4rem;margin-bottom:.25rem}h2{font-size:1.1rem;color:#44546a;font-weight:normal;margin-top:0}
dl{display:grid;grid-template-columns:max-content minmax(0,1fr);gap:.25rem 1rem}dt{font-weight:bold}dd{margin:0;overflow-wrap:anywhere}
form{margin:1.5rem 0;display:grid;gap:.75rem}label{display:grid;gap:.25rem}
input,textarea,select{font:inherit;padding:.4rem}
button{font:inherit;padding:.6rem 1rem;border-radius:.3rem;border:1px solid #1f5f8b;background:#1f5f8b;color:#fff;cursor:pointer}
button.secondary{background:#fff;color:#1f5f8b}.buttons{display:flex;gap:.75rem;flex-wrap:wrap}
.notice{padding:1rem;border-radius:.3rem;background:#eef5ea;border:1px solid #9bc18a}.error{background:#fbecec;border-color:#d99}`;

/** A whole page in `language`: `dir="rtl"` for Arabic; its content is the page's main landmark. */
export function page(language: Language, title: string, body: string): string {
  const dir = language === 'ar' ? 'rtl' : 'ltr';
  return `<!doctype html>
<html lang="${language}" dir="${dir}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>${escapeHtml(title)}</title><style>${STYLE}</style></head>
<body>
<main>
${body}
</main>
</body>
</html>`;
}

function header(language: Language, titleKey: LinkPageTextKey, event: LinkPageEvent): string {
  const clock = eventClock(event, language);
  // Range and zone isolated apart, as the emails do: Arabic in the zone would turn the range.
  const hours = `<bdi>${escapeHtml(clock.timeRange(event.startsAt, event.endsAt))}</bdi> (<bdi>${escapeHtml(clock.offset(event.startsAt))}</bdi>)`;
  const facts = [
    `<dt>${text(language, 'when')}</dt><dd>${escapeHtml(clock.date(event.startsAt))}</dd>`,
    `<dt>${text(language, 'time')}</dt><dd>${hours}</dd>`,
  ];
  if (event.place)
    facts.push(`<dt>${text(language, 'place')}</dt><dd><bdi>${escapeHtml(event.place)}</bdi></dd>`);
  if (event.associationName)
    facts.push(
      `<dt>${text(language, 'association')}</dt><dd><bdi>${escapeHtml(event.associationName)}</bdi></dd>`,
    );
  return `<h1>${text(language, titleKey)}</h1><h2><bdi>${escapeHtml(event.title)}</bdi></h2><dl>${facts.join('')}</dl>`;
}

/** Where an association stands, as the RSVP page shows it when reopened. */
export interface CurrentAnswer {
  status: 'accepted' | 'waitlisted' | 'declined';
  seats: number;
  waitlistPosition?: number;
}

/** "Your association is registered for 2 participants", with the language's plural forms. */
export function currentAnswerHtml(language: Language, answer: CurrentAnswer): string {
  const seats = seatsText(language, answer.seats);
  if (answer.status === 'accepted') return textHtml(language, 'answerAccepted', { seats });
  if (answer.status === 'waitlisted')
    return textHtml(language, 'answerWaitlisted', {
      seats,
      position: answer.waitlistPosition ?? '',
    });
  return textHtml(language, 'answerDeclined');
}

/**
 * A link page: the day, then `intro` and the form that POSTs to `action`, or, when the form
 * cannot be used now, `unavailable` (already HTML) in its place.
 */
function formPage(
  language: Language,
  titleKey: LinkPageTextKey,
  event: LinkPageEvent,
  parts: { intro: string; action: string; fields: string; unavailable?: string },
): string {
  const body = parts.unavailable
    ? `<p class="notice" role="status">${parts.unavailable}</p>`
    : `<form method="post" action="${escapeHtml(parts.action)}">
${parts.fields}
</form>`;
  return page(
    language,
    `${text(language, titleKey)} – ${event.title}`,
    `${header(language, titleKey, event)}
${parts.intro}${body}`,
  );
}

/**
 * The RSVP page: a form whose buttons POST the answer (opening the link never answers). When
 * reopened it says the answer as it stands and keeps the seats chosen; when answers are closed
 * it says so instead of offering the form (`unavailable`, already HTML).
 */
export function rsvpPage(
  language: Language,
  event: LinkPageEvent,
  options: {
    action: string;
    maxSeats: number;
    current?: CurrentAnswer;
    /** The button the person clicked in the email: shown first, as the main action. */
    suggested?: 'accept' | 'decline';
    unavailable?: string;
  },
): string {
  const current = options.current
    ? `<p class="notice">${text(language, 'currentAnswer')}: ${currentAnswerHtml(language, options.current)}</p>`
    : '';
  const accept = `<button type="submit" name="response" value="accept"${options.suggested === 'decline' ? ' class="secondary"' : ''}>${text(language, 'accept')}</button>`;
  const decline = `<button type="submit" name="response" value="decline"${options.suggested === 'decline' ? '' : ' class="secondary"'} formnovalidate>${text(language, 'decline')}</button>`;
  const buttons =
    options.suggested === 'decline' ? `${decline}\n${accept}` : `${accept}\n${decline}`;
  const held = options.current?.status === 'declined' ? 0 : (options.current?.seats ?? 0);
  const seats = Math.min(Math.max(held, 1), options.maxSeats);
  return formPage(language, 'rsvpTitle', event, {
    intro: `${options.unavailable ? '' : `<p>${text(language, 'rsvpIntro')}</p>`}${current}`,
    action: options.action,
    unavailable: options.unavailable,
    fields: `<label>${text(language, 'seats')}<input type="number" name="seats" min="1" max="${options.maxSeats}" value="${seats}" required></label>
<div class="buttons">${buttons}</div>`,
  });
}

/**
 * The check-in page: one button that POSTs, for at most the seats the association holds;
 * before check-in opens, when it opens instead.
 */
export function checkInPage(
  language: Language,
  event: LinkPageEvent,
  options: { action: string; unavailable?: string; maxAttendees: number },
): string {
  return formPage(language, 'checkInTitle', event, {
    intro: options.unavailable ? '' : `<p>${text(language, 'checkInIntro')}</p>`,
    action: options.action,
    unavailable: options.unavailable,
    fields: `<label>${text(language, 'attendees')}<input type="number" name="attendees" min="1" max="${options.maxAttendees}" value="1" required></label>
<div class="buttons"><button type="submit">${text(language, 'checkIn')}</button></div>`,
  });
}

/** The survey page: a rating from 1 to 5 and comments; before the day ends, when it opens. */
export function surveyPage(
  language: Language,
  event: LinkPageEvent,
  options: { action: string; unavailable?: string },
): string {
  const ratings = [1, 2, 3, 4, 5]
    .map(
      (rating) =>
        `<label style="display:inline-flex;gap:.25rem"><input type="radio" name="rating" value="${rating}" required>${rating}</label>`,
    )
    .join(' ');
  return formPage(language, 'surveyTitle', event, {
    intro: options.unavailable ? '' : `<p>${text(language, 'surveyIntro')}</p>`,
    action: options.action,
    unavailable: options.unavailable,
    fields: `<fieldset><legend>${text(language, 'rating')}</legend>${ratings}</fieldset>
<label>${text(language, 'comments')}<textarea name="comments" rows="5" maxlength="2000"></textarea></label>
<div class="buttons"><button type="submit">${text(language, 'send')}</button></div>`,
  });
}

/** The answer to a POST, or an error: a short notice (`message`, already HTML) in the recipient's language. */
export function noticePage(
  language: Language,
  title: string,
  message: string,
  options: { error?: boolean } = {},
): string {
  return page(
    language,
    title,
    `<h1>${escapeHtml(title)}</h1><p class="notice${options.error ? ' error' : ''}" role="status">${message}</p>`,
  );
}

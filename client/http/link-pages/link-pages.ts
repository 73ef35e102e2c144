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

const LOCALES: Record<Language, string> = { ar: 'ar-MA', fr: 'fr-MA', en: 'en-GB' };

/** The day's date and hours in the recipient's language and the event's time zone. */
export function formatWhen(
  language: Language,
  startsAt: string,
  endsAt: string,
  timeZone: string,
): string {
  const date = new Intl.DateTimeFormat(LOCALES[language], {
    timeZone,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(new Date(startsAt));
  const time = new Intl.DateTimeFormat(LOCALES[language], {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  return `${date}, ${time.format(new Date(startsAt))} – ${time.format(new Date(endsAt))}`;
}

/** What every link page shows of the day and the association. */
export interface LinkPageEvent {
  title: string;
  startsAt: string;
  endsAt: string;
  timeZone: string;
  associationName?: string;
}

const STYLE = `body{font-family:system-ui,"Noto Sans","Noto Sans Arabic",sans-serif;max-width:36rem;margin:2rem auto;padding:0 1rem;color:#1d2733;line-height:1.5}
h1{font-size:1.4rem;margin-bottom:.25rem}h2{font-size:1.1rem;color:#44546a;font-weight:normal;margin-top:0}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem}dt{font-weight:bold}
form{margin:1.5rem 0;display:grid;gap:.75rem}label{display:grid;gap:.25rem}
input,textarea,select{font:inherit;padding:.4rem}
button{font:inherit;padding:.6rem 1rem;border-radius:.3rem;border:1px solid #1f5f8b;background:#1f5f8b;color:#fff;cursor:pointer}
button.secondary{background:#fff;color:#1f5f8b}.buttons{display:flex;gap:.75rem;flex-wrap:wrap}
.notice{padding:1rem;border-radius:.3rem;background:#eef5ea;border:1px solid #9bc18a}.error{background:#fbecec;border-color:#d99}`;

/** A whole page in `language`: `dir="rtl"` for Arabic. */
export function page(language: Language, title: string, body: string): string {
  const dir = language === 'ar' ? 'rtl' : 'ltr';
  return `<!doctype html>
<html lang="${language}" dir="${dir}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>${escapeHtml(title)}</title><style>${STYLE}</style></head>
<body>
${body}
</body>
</html>`;
}

function header(language: Language, titleKey: LinkPageTextKey, event: LinkPageEvent): string {
  const facts = [
    `<dt>${text(language, 'when')}</dt><dd>${escapeHtml(formatWhen(language, event.startsAt, event.endsAt, event.timeZone))}</dd>`,
  ];
  if (event.associationName)
    facts.push(
      `<dt>${text(language, 'association')}</dt><dd>${escapeHtml(event.associationName)}</dd>`,
    );
  return `<h1>${text(language, titleKey)}</h1><h2>${escapeHtml(event.title)}</h2><dl>${facts.join('')}</dl>`;
}

/** The RSVP page: a form whose buttons POST the answer (opening the link never answers). */
export function rsvpPage(
  language: Language,
  event: LinkPageEvent,
  options: {
    action: string;
    maxSeats: number;
    currentAnswer?: string;
    /** The button the person clicked in the email: shown first, as the main action. */
    suggested?: 'accept' | 'decline';
  },
): string {
  const current = options.currentAnswer
    ? `<p class="notice">${text(language, 'currentAnswer')}: ${escapeHtml(options.currentAnswer)}</p>`
    : '';
  const accept = `<button type="submit" name="response" value="accept"${options.suggested === 'decline' ? ' class="secondary"' : ''}>${text(language, 'accept')}</button>`;
  const decline = `<button type="submit" name="response" value="decline"${options.suggested === 'decline' ? '' : ' class="secondary"'} formnovalidate>${text(language, 'decline')}</button>`;
  const buttons =
    options.suggested === 'decline' ? `${decline}\n${accept}` : `${accept}\n${decline}`;
  return page(
    language,
    `${text(language, 'rsvpTitle')} – ${event.title}`,
    `${header(language, 'rsvpTitle', event)}
<p>${text(language, 'rsvpIntro')}</p>${current}
<form method="post" action="${escapeHtml(options.action)}">
<label>${text(language, 'seats')}<input type="number" name="seats" min="1" max="${options.maxSeats}" value="1" required></label>
<div class="buttons">${buttons}</div>
</form>`,
  );
}

/** The check-in page: one button that POSTs, for at most the seats the association holds. */
export function checkInPage(
  language: Language,
  event: LinkPageEvent,
  options: { action: string; maxAttendees: number },
): string {
  return page(
    language,
    `${text(language, 'checkInTitle')} – ${event.title}`,
    `${header(language, 'checkInTitle', event)}
<p>${text(language, 'checkInIntro')}</p>
<form method="post" action="${escapeHtml(options.action)}">
<label>${text(language, 'attendees')}<input type="number" name="attendees" min="1" max="${options.maxAttendees}" value="1" required></label>
<div class="buttons"><button type="submit">${text(language, 'checkIn')}</button></div>
</form>`,
  );
}

/** The survey page: a rating from 1 to 5 and comments. */
export function surveyPage(
  language: Language,
  event: LinkPageEvent,
  options: { action: string },
): string {
  const ratings = [1, 2, 3, 4, 5]
    .map(
      (rating) =>
        `<label style="display:inline-flex;gap:.25rem"><input type="radio" name="rating" value="${rating}" required>${rating}</label>`,
    )
    .join(' ');
  return page(
    language,
    `${text(language, 'surveyTitle')} – ${event.title}`,
    `${header(language, 'surveyTitle', event)}
<p>${text(language, 'surveyIntro')}</p>
<form method="post" action="${escapeHtml(options.action)}">
<fieldset><legend>${text(language, 'rating')}</legend>${ratings}</fieldset>
<label>${text(language, 'comments')}<textarea name="comments" rows="5" maxlength="2000"></textarea></label>
<div class="buttons"><button type="submit">${text(language, 'send')}</button></div>
</form>`,
  );
}

/** The answer to a POST, or an error: a short notice in the recipient's language. */
export function noticePage(
  language: Language,
  title: string,
  message: string,
  options: { error?: boolean } = {},
): string {
  return page(
    language,
    title,
    `<h1>${escapeHtml(title)}</h1><p class="notice${options.error ? ' error' : ''}" role="status">${escapeHtml(message)}</p>`,
  );
}

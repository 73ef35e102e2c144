import type { Language } from '../../../domain/common';
import { text } from './link-page-text';
import { escapeHtml, page, textHtml } from './link-pages';

/**
 * The opt-out page behind campaign mail's unsubscribe link: it says what stops (invitations,
 * not messages about days the association registered for) and its button POSTs; opening it
 * never acts. Once opted out it says so and offers to take it back.
 */
export function unsubscribePage(
  language: Language,
  options: { action: string; email: string; optedOut: boolean },
): string {
  const title = text(language, 'unsubscribeTitle');
  const [intro, button] = options.optedOut
    ? [
        textHtml(language, 'alreadyUnsubscribed', { email: options.email }),
        `<button type="submit" name="action" value="resubscribe" class="secondary">${text(language, 'resubscribeButton')}</button>`,
      ]
    : [
        textHtml(language, 'unsubscribeIntro', { email: options.email }),
        `<button type="submit" name="action" value="unsubscribe">${text(language, 'unsubscribeButton')}</button>`,
      ];
  return page(
    language,
    title,
    `<h1>${escapeHtml(title)}</h1><p>${intro}</p>
<form method="post" action="${escapeHtml(options.action)}"><div class="buttons">${button}</div></form>`,
  );
}

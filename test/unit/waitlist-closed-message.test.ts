import { renderMessage } from '../../mail/render-message';
import {
  SEND_TIME,
  TEST_BASE_URL,
  TEST_SECRET,
  associationIn,
  seedEventBrief,
} from './mail-fixtures';

const options = { linkSecret: TEST_SECRET, baseUrl: TEST_BASE_URL, now: SEND_TIME };

describe('waitlist-closed: no seat came free before the day', () => {
  it.each(['ar', 'fr', 'en'] as const)(
    'in %s, says so kindly, with no calendar entry and no link to answer',
    async (language) => {
      const message = await renderMessage(
        {
          purpose: 'waitlist-closed',
          event: seedEventBrief(),
          recipient: associationIn(language),
          revision: 0,
        },
        options,
      );
      expect(message.language).toBe(language);
      expect(message.ics).toBeUndefined();
      expect(message.calendarMethod).toBeUndefined();
      expect(Object.keys(message.links)).toHaveLength(0);
      const hope = {
        ar: 'نأمل أن نلتقي بكم في دورة قادمة',
        fr: 'prochaine session',
        en: 'we hope to see you at a next session',
      }[language];
      expect(message.text).toContain(hope);
      expect(message.html).toContain(hope);
    },
  );
});

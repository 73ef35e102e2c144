import { previewMessage } from '../../mail/message-preview';
import { renderMessage } from '../../mail/render-message';
import type { SendMessageRequest } from '../../domain/messages/mail';
import {
  SEND_TIME,
  TEST_BASE_URL,
  TEST_SECRET,
  associationIn,
  seedEventBrief,
} from './mail-fixtures';

const options = { linkSecret: TEST_SECRET, baseUrl: TEST_BASE_URL, now: SEND_TIME };
const request: SendMessageRequest = {
  purpose: 'rsvp-confirmation',
  event: seedEventBrief(),
  recipient: associationIn('ar'),
  revision: 0,
  details: { seats: 3 },
};

describe('message previews', () => {
  it('show the message the renderer sends, with its QR code inline and its links readable', async () => {
    const [sent, preview] = await Promise.all([
      renderMessage(request, options),
      previewMessage(request, options),
    ]);
    expect(preview.subject).toBe(sent.subject);
    expect(preview.text).toBe(sent.text);
    expect(preview.html).toContain('<html dir="rtl" lang="ar">');
    expect(preview.html).not.toContain('cid:');
    expect(preview.html).toContain(
      `src="data:image/png;base64,${sent.inlineImages[0]!.content.toString('base64')}"`,
    );
    expect(Object.keys(preview.links).sort()).toEqual(['check-in', 'rsvp']);
    expect(preview.links.rsvp).toEqual({
      url: sent.links.rsvp!.url,
      expiresAt: sent.links.rsvp!.expiresAt.toISOString(),
    });
  });
});

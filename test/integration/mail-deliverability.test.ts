import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { importAssociations } from '../../client/use-cases/import-associations';
import { advanceDay } from '../../client/use-cases/training-day-changes';
import { createTrainingDay } from '../../client/use-cases/training-days';
import { AssociationDirectory } from '../../stores/association-directory';
import { apiCaller, startServedStack, type ServedStack } from '../support/http';
import type { CapturedMessage } from '../support/smtp-sink';
import { uniqueId } from '../support/temporal';

const ROOT = resolve(__dirname, '..', '..');
const SEED = JSON.parse(readFileSync(resolve(ROOT, 'examples', 'safi-2018-11-23.json'), 'utf8'));
const CSV = readFileSync(resolve(ROOT, 'examples', 'associations.csv'), 'utf8');
const COORDINATOR_KEY = 'deliverability-coordinator-key-0123';
const VIEWER_KEY = 'deliverability-viewer-key-0123456789';
const CHAMBER_ADDRESS = 'formation@ccis-safi.example.org';
const BOUNCES = 'bounces@ccis-safi.example.org';

/** A header as sent (mailparser folds List-* headers into its own structure). */
function rawHeader(message: CapturedMessage, name: string): string | undefined {
  const head = message.raw
    .toString('utf8')
    .split(/\r?\n\r?\n/)[0]!
    .replace(/\r?\n[ \t]+/g, ' ');
  const line = head
    .split(/\r?\n/)
    .find((entry) => entry.toLowerCase().startsWith(`${name.toLowerCase()}:`));
  return line?.slice(name.length + 1).trim();
}

jest.setTimeout(120_000);

describe('mail that inboxes accept: the chamber as sender, one-click opt-out, bounces', () => {
  let served: ServedStack;
  const api = apiCaller(() => served.server.url, COORDINATOR_KEY);
  const connections = () => ({
    config: served.stack.config,
    temporal: served.stack.temporal.client,
    redis: served.stack.redis.redis,
  });

  beforeAll(async () => {
    served = await startServedStack(
      'deliverability',
      { coordinator: COORDINATOR_KEY, viewer: VIEWER_KEY },
      { env: { SMTP_BOUNCE_ADDRESS: BOUNCES } },
    );
    await importAssociations(connections(), CSV);
  });
  afterAll(async () => {
    await served?.stop();
  });

  /** A day of the seed's audience from the chamber's own address, its invitations sent. */
  async function campaign(prefix: string): Promise<string> {
    const eventId = uniqueId(prefix);
    const date = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    await createTrainingDay(
      connections(),
      { ...SEED, id: eventId, organiser: { ...SEED.organiser, email: CHAMBER_ADDRESS } },
      { date },
    );
    await advanceDay(connections(), eventId, { to: 'invitations-open', reason: 'test' });
    return eventId;
  }

  const invitationsOf = (eventId: string) =>
    served.stack.smtp.messages.filter(
      (message) =>
        message.parsed.headers.get('x-multaqa-event') === eventId &&
        message.parsed.headers.get('x-multaqa-purpose') === 'association-invitation',
    );

  async function invitationTo(eventId: string, email: string): Promise<CapturedMessage> {
    await served.stack.smtp.waitFor(
      () => invitationsOf(eventId).some((message) => message.to.includes(email)),
      30_000,
    );
    return invitationsOf(eventId).find((message) => message.to.includes(email))!;
  }

  it('sends invitations from the chamber, with RFC 8058 unsubscribe headers and a per-message bounce address', async () => {
    const eventId = await campaign('deliverability-headers');
    const invitation = await invitationTo(eventId, 'potiers-safi@example.org');
    const from = invitation.parsed.from!.value[0]!;
    expect(from.address).toBe(CHAMBER_ADDRESS);
    expect(from.name).toBe(SEED.organiser.name.fr);
    expect(invitation.parsed.replyTo!.value[0]!.address).toBe(SEED.organiser.coordinatorEmail);
    expect(invitation.from).toMatch(/^bounces\+[0-9a-f]{20}@ccis-safi\.example\.org$/);
    const header = String(rawHeader(invitation, 'List-Unsubscribe'));
    expect(header).toMatch(/^<http:\/\/127\.0\.0\.1:\d+\/links\/unsubscribe\/[^>]+>$/);
    expect(rawHeader(invitation, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
    expect(invitation.parsed.text).toContain('Désabonnez-vous');
    expect(invitation.parsed.text).toContain(header.slice(1, -1));
  });

  it('honours a one-click opt-out in every later campaign, and lets the association take it back', async () => {
    const first = await campaign('deliverability-optout');
    const invitation = await invitationTo(first, 'potiers-safi@example.org');
    const link = String(rawHeader(invitation, 'List-Unsubscribe')).slice(1, -1);

    // Opening the link shows a page and does nothing (mail scanners open links).
    const page = await fetch(link);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('lang="fr"');
    expect(html).toContain('potiers-safi@example.org');
    const directory = new AssociationDirectory(
      served.stack.redis.redis,
      served.stack.config.REDIS_PREFIX,
    );
    expect(await directory.optOutsOf(['potiers-safi'])).toEqual([undefined]);

    // The mail client's one-click button (RFC 8058): a POST with that body, no cookie.
    const oneClick = await fetch(link, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(oneClick.status).toBe(200);
    expect(await oneClick.text()).toContain('vous ne recevrez plus de nouvelles invitations');
    const [optOut] = await directory.optOutsOf(['potiers-safi']);
    expect(optOut).toMatchObject({ eventId: first });
    expect(await (await fetch(link)).text()).toContain('Recevoir à nouveau les invitations');

    // Importing the directory again does not undo it; the next campaign leaves it out.
    await importAssociations(connections(), CSV);
    const second = await campaign('deliverability-after');
    await invitationTo(second, 'tujjar-souk-safi@example.org');
    const firstCount = invitationsOf(first).length;
    await served.stack.smtp.waitFor(() => invitationsOf(second).length >= firstCount - 1, 30_000);
    expect(invitationsOf(second).length).toBe(firstCount - 1);
    expect(
      invitationsOf(second).some((message) => message.to.includes('potiers-safi@example.org')),
    ).toBe(false);

    // A tampered link is refused; taking the opt-out back works from the page's button.
    const tampered = await fetch(`${link.slice(0, -3)}abc`, { method: 'POST' });
    expect(tampered.status).toBe(404);
    const back = await fetch(link, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'action=resubscribe',
    });
    expect(back.status).toBe(200);
    expect(await directory.optOutsOf(['potiers-safi'])).toEqual([undefined]);
  });

  it('records a bounce that comes back after sending against its message, shown with the delivery problems', async () => {
    const eventId = await campaign('deliverability-bounce');
    const invitation = await invitationTo(eventId, 'tujjar-souk-safi@example.org');
    const report = await api('POST', '/api/bounces', {
      bounces: [
        { address: invitation.from, reason: '550 5.1.1 mailbox unknown' },
        { address: 'bounces+00000000000000000000@ccis-safi.example.org', reason: '550' },
      ],
    });
    expect(report.status).toBe(200);
    expect(report.json).toEqual({
      recorded: 1,
      temporary: 0,
      unknown: ['bounces+00000000000000000000@ccis-safi.example.org'],
    });
    const problems = await api('GET', `/api/events/${eventId}/deliveries`, undefined, VIEWER_KEY);
    expect(problems.json.undeliverable).toEqual([
      expect.objectContaining({
        recipientId: 'tujjar-souk-safi',
        email: 'tujjar-souk-safi@example.org',
        purpose: 'association-invitation',
        reason: 'bounced after delivery: 550 5.1.1 mailbox unknown',
      }),
    ]);
    const bad = await api('POST', '/api/bounces', { bounces: [{ address: 'x' }] });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.json)).toContain('reason');
    const viewer = await api('POST', '/api/bounces', { bounces: [] }, VIEWER_KEY);
    expect(viewer.status).toBe(403);
  });
});

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { messageIdFor } from '../../mail/message-identity';
import { recordPossibleDuplicate } from '../../stores/possible-duplicates';
import { startHttpServer } from '../../client/http/server';
import { runCli, type CliResult } from '../support/cli';
import { startTestStack, type TestStack } from '../support/stack';
import { uniqueId } from '../support/temporal';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers are read field by field
type Json = any;

const COORDINATOR_KEY = 'deliveries-coordinator-key-0123456789';
const VIEWER_KEY = 'deliveries-viewer-key-0123456789abcd';
const ROOT = resolve(__dirname, '..', '..');
const SEED = JSON.parse(readFileSync(resolve(ROOT, 'examples', 'safi-2018-11-23.json'), 'utf8'));
const CSV = readFileSync(resolve(ROOT, 'examples', 'associations.csv'), 'utf8');
/** An association of the seed day's audience (Safi, crafts) whose mailbox refuses mail. */
const REFUSED = { id: 'potiers-safi', email: 'potiers-safi@example.org' };
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function futureDate(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

async function eventually<T>(
  read: () => Promise<T>,
  accept: (value: T) => boolean,
  timeoutMs = 30_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (accept(value)) return value;
    if (Date.now() > deadline)
      throw new Error(`gave up waiting; last: ${JSON.stringify(value).slice(0, 500)}`);
    await new Promise((wake) => setTimeout(wake, 300));
  }
}

/** Coordinators see the messages of a training day that could not be delivered (issue 4). */
describe('delivery problems of a training day (HTTP, CLI, dashboard)', () => {
  let stack: TestStack;
  let server: { url: string; close(): Promise<void> };
  let browser: Browser;
  let eventId: string;
  let dashboard: Page;
  const pageErrors: string[] = [];

  const call = async (path: string, key: string | null = VIEWER_KEY, init?: RequestInit) => {
    const response = await fetch(`${server.url}${path}`, {
      ...init,
      headers: {
        ...(key ? { authorization: `Bearer ${key}` } : {}),
        ...(init?.body ? { 'content-type': 'application/json' } : {}),
      },
    });
    const text = await response.text();
    let json: Json;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    return { status: response.status, json };
  };
  const cli = (...args: string[]): Promise<CliResult> => runCli(args, stack.env);
  const deliveries = () => call(`/api/events/${eventId}/deliveries`);

  beforeAll(async () => {
    stack = await startTestStack('http-deliveries', {
      API_KEYS: `coordinator:${COORDINATOR_KEY},viewer:${VIEWER_KEY}`,
    });
    server = await startHttpServer({
      config: stack.config,
      temporal: stack.temporal.client,
      redis: stack.redis.redis,
      smtpUrl: stack.smtp.url,
      host: '127.0.0.1',
      port: 0,
    });
    const imported = await fetch(`${server.url}/api/associations/import`, {
      method: 'POST',
      headers: { authorization: `Bearer ${COORDINATOR_KEY}`, 'content-type': 'text/csv' },
      body: CSV,
    });
    expect(imported.status).toBe(200);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'],
    });
    stack.smtp.reject(REFUSED.email);
    eventId = uniqueId('deliveries');
    const created = await call('/api/events', COORDINATOR_KEY, {
      method: 'POST',
      body: JSON.stringify({ ...SEED, id: eventId, date: futureDate(30), rsvpDeadline: undefined }),
    });
    expect(created.status).toBe(201);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await stack?.stop();
  });

  it('lists nothing before the invitations, in the API, the CLI and on the dashboard', async () => {
    const empty = await eventually(deliveries, (answer) => answer.status === 200);
    expect(empty.json).toMatchObject({
      eventId,
      timeZone: 'Africa/Casablanca',
      undeliverable: [],
      possibleDuplicates: [],
    });
    const table = await cli('event', 'deliveries', eventId);
    expect(table.code).toBe(0);
    expect(table.stdout).toContain('no delivery problems');
    expect(table.stdout).not.toContain('Possible duplicates');

    const context = await browser.newContext({ locale: 'en-GB' });
    dashboard = await context.newPage();
    dashboard.on('pageerror', (error) => pageErrors.push(error.message));
    await dashboard.goto(`${server.url}/dashboard/events/${eventId}#key=${VIEWER_KEY}`);
    await dashboard.locator('#live[data-state="on"]').waitFor({ timeout: 15_000 });
    await dashboard
      .locator('#deliveries', { hasText: 'No delivery problems' })
      .waitFor({ timeout: 10_000 });
    await dashboard.evaluate(() => Object.assign(window, { __notReloaded: true }));
  });

  it('records an address refused at the invitation against its invitee while the campaign goes on', async () => {
    const advanced = await call(`/api/events/${eventId}/advance`, COORDINATOR_KEY, {
      method: 'POST',
      body: JSON.stringify({ to: 'invitations-open' }),
    });
    expect(advanced.status).toBe(200);

    const answer = await eventually(deliveries, (reply) => reply.json?.undeliverable?.length > 0);
    expect(answer.status).toBe(200);
    expect(answer.json.undeliverable).toHaveLength(1);
    const [refused] = answer.json.undeliverable;
    expect(refused).toMatchObject({
      recipientKind: 'association',
      recipientId: REFUSED.id,
      recipientName: 'Association des artisans potiers de Safi',
      email: REFUSED.email,
      purpose: 'association-invitation',
      revision: 0,
    });
    expect(refused.reason).toMatch(/550/);
    expect(Number.isNaN(Date.parse(refused.at))).toBe(false);
    expect(refused.local).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d$/);
    expect(answer.json.possibleDuplicates).toEqual([]);

    // The campaign went on: the others of the audience got their invitation.
    await stack.smtp.waitFor(
      (messages) => messages.some((message) => message.to.includes('tujjar-souk-safi@example.org')),
      20_000,
    );
    expect(stack.smtp.to(REFUSED.email)).toHaveLength(0);
    const invitees = await eventually(
      () => call(`/api/events/${eventId}/invitees?status=undeliverable`),
      (reply) => reply.status === 200 && reply.json.invitees.length > 0,
    );
    expect(invitees.json.invitees.map((invitee: Json) => invitee.associationId)).toEqual([
      REFUSED.id,
    ]);
  });

  it('shows the refused address on the dashboard as it happens, without reloading', async () => {
    const section = dashboard.locator('#deliveries');
    await section.locator('table', { hasText: REFUSED.email }).waitFor({ timeout: 15_000 });
    const row = section.locator('tbody tr', { hasText: REFUSED.email });
    expect(await row.locator('td').allTextContents()).toEqual([
      'Association des artisans potiers de Safi',
      REFUSED.email,
      'association-invitation',
      expect.stringMatching(/550/),
      expect.stringMatching(/\d/),
    ]);
    expect(await dashboard.evaluate(() => (window as Json).__notReloaded)).toBe(true);

    await dashboard.locator('#languages button[lang="ar"]').click();
    await dashboard
      .locator('#deliveries h3', { hasText: 'عناوين رفضت الرسائل نهائيا' })
      .waitFor({ timeout: 5_000 });
    expect(await dashboard.locator('html').getAttribute('dir')).toBe('rtl');
    expect(pageErrors).toEqual([]);
  });

  it('lists a message that may have arrived twice, with who received it', async () => {
    // What the sender records when it resends a message whose first attempt died on the wire.
    const identity = {
      eventId,
      recipient: { kind: 'partner' as const, id: 'ads-marrakech-safi' },
      purpose: 'partner-request' as const,
      revision: 0,
    };
    await recordPossibleDuplicate(
      stack.redis.redis,
      stack.config.REDIS_PREFIX,
      eventId,
      {
        recipientKind: 'partner',
        recipientId: 'ads-marrakech-safi',
        email: 'contact@ads-marrakech-safi.example.org',
        purpose: 'partner-request',
        revision: 0,
        messageId: messageIdFor(identity),
        at: new Date().toISOString(),
      },
      3600,
    );
    const answer = await deliveries();
    expect(answer.json.possibleDuplicates).toEqual([
      expect.objectContaining({
        recipientKind: 'partner',
        recipientId: 'ads-marrakech-safi',
        recipientName: expect.stringContaining('Marrakech'),
        purpose: 'partner-request',
        messageId: messageIdFor(identity),
      }),
    ]);
    expect(answer.json.undeliverable).toHaveLength(1);
  });

  it('prints the problems as a table and as JSON from the CLI', async () => {
    const asJson = await cli('event', 'deliveries', eventId, '--json');
    expect(asJson.code).toBe(0);
    const printed = JSON.parse(asJson.stdout);
    expect(printed.undeliverable).toEqual([
      expect.objectContaining({
        recipientId: REFUSED.id,
        email: REFUSED.email,
        purpose: 'association-invitation',
      }),
    ]);
    expect(printed.possibleDuplicates).toEqual([
      expect.objectContaining({ recipientId: 'ads-marrakech-safi', purpose: 'partner-request' }),
    ]);

    const asTable = await cli('event', 'deliveries', eventId);
    expect(asTable.code).toBe(0);
    const header = asTable.stdout.split('\n').find((line) => line.includes('recipient'));
    expect(header).toMatch(/recipient.*address.*purpose.*reason.*when/);
    const line = asTable.stdout.split('\n').find((text) => text.includes(REFUSED.email));
    expect(line).toContain('association potiers-safi');
    expect(line).toContain('association-invitation');
    expect(line).toMatch(/550/);
    expect(asTable.stdout).toContain('Possible duplicates (1)');
    expect(asTable.stdout).toContain('(times in Africa/Casablanca)');
  });

  it('needs a key, names a bad event id, and says when there is no such day', async () => {
    expect((await call(`/api/events/${eventId}/deliveries`, null)).status).toBe(401);
    const bad = await call('/api/events/Not_A_Slug/deliveries');
    expect(bad.status).toBe(400);
    expect(bad.json.problems[0].field).toBe('eventId');
    const unknown = await call(`/api/events/${uniqueId('no-such-day')}/deliveries`);
    expect(unknown.status).toBe(404);

    const cliBad = await cli('event', 'deliveries', 'Not_A_Slug');
    expect(cliBad.code).toBe(2);
    expect(cliBad.stderr).toContain('eventId');
    const cliUnknown = await cli('event', 'deliveries', uniqueId('no-such-day'));
    expect(cliUnknown.code).toBe(1);
  });

  it('is in the OpenAPI document as a viewer read', async () => {
    const document = (await call('/openapi.json', null)).json;
    expect(document.paths['/api/events/{eventId}/deliveries']?.get?.summary).toMatch(/refused/);
  });
});

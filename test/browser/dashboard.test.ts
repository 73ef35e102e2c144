import { mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { importAssociations } from '../../client/use-cases/import-associations';
import { answerPartner } from '../../client/use-cases/partners';
import { advanceDay } from '../../client/use-cases/training-day-changes';
import { createTrainingDay } from '../../client/use-cases/training-days';
import { startDashboardStack, type DashboardStack } from '../support/browser';
import type { TestStack } from '../support/stack';
import { uniqueId } from '../support/temporal';

const ROOT = resolve(__dirname, '..', '..');
const ARTIFACTS = resolve(ROOT, 'test-artifacts');
const SEED = JSON.parse(readFileSync(resolve(ROOT, 'examples', 'safi-2018-11-23.json'), 'utf8'));
const CSV = readFileSync(resolve(ROOT, 'examples', 'associations.csv'), 'utf8');
const VIEWER_KEY = 'browser-viewer-key-0123456789abcdef';
const COORDINATOR_KEY = 'browser-coordinator-key-0123456789';

function futureDate(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

jest.setTimeout(120_000);

describe('the dashboard in headless Chromium', () => {
  let harness: DashboardStack;
  let stack: TestStack;
  let server: DashboardStack['server'];
  let browser: Browser;

  beforeAll(async () => {
    harness = await startDashboardStack('browser', {
      coordinator: COORDINATOR_KEY,
      viewer: VIEWER_KEY,
    });
    ({ stack, server, browser } = harness);
    mkdirSync(ARTIFACTS, { recursive: true });
  });
  afterAll(async () => {
    await harness?.stop();
  });

  /** The seed day, 30 days from now, under a fresh id. */
  async function createSeedDay(prefix: string) {
    const eventId = uniqueId(prefix);
    const connections = {
      config: stack.config,
      temporal: stack.temporal.client,
      redis: stack.redis.redis,
    };
    await createTrainingDay(connections, { ...SEED, id: eventId }, { date: futureDate(30) });
    return { eventId, connections };
  }

  it('shows an RSVP arriving through its emailed link live, without reloading', async () => {
    await importAssociations({ redis: stack.redis.redis, config: stack.config }, CSV);
    const { eventId, connections } = await createSeedDay('browser-day');
    await advanceDay(connections, eventId, { to: 'invitations-open', reason: 'browser test' });
    const [invitation] = await stack.smtp.waitFor(
      (messages) => messages.some((message) => message.to.includes('potiers-safi@example.org')),
      30_000,
    );
    const email = stack.smtp.to('potiers-safi@example.org')[0] ?? invitation!;
    const rsvpUrl = /https?:\/\/[^\s"'<>]+\/links\/rsvp\/[A-Za-z0-9._%-]+/.exec(
      `${email.parsed.text ?? ''}\n${email.parsed.html || ''}`,
    )?.[0];
    expect(rsvpUrl).toBeDefined();
    expect(rsvpUrl!.startsWith(server.url)).toBe(true);

    const context = await browser.newContext({
      locale: 'fr-FR',
      viewport: { width: 1280, height: 1100 },
    });
    const pageErrors: string[] = [];
    context.on('page', (page) => page.on('pageerror', (error) => pageErrors.push(error.message)));
    const dashboard = await context.newPage();
    await dashboard.goto(`${server.url}/dashboard/events/${eventId}#key=${VIEWER_KEY}`);
    await dashboard
      .locator('#live[data-state="on"]')
      .waitFor({ timeout: 15_000 })
      .catch((error: Error) => {
        throw new Error(`${error.message}\npage errors: ${pageErrors.join('; ')}`);
      });
    const invited = dashboard.locator('#funnel [data-count="invited"]');
    await expectText(invited, (value) => Number(value) > 0);
    const accepted = dashboard.locator('#funnel [data-count="accepted"]');
    expect(await accepted.textContent()).toBe('0');
    // A marker that a reload would erase.
    await dashboard.evaluate(() => Object.assign(window, { __notReloaded: true }));

    const link = await context.newPage();
    await link.goto(rsvpUrl!);
    expect(await link.locator('html').getAttribute('lang')).toBe('fr');
    await link.locator('input[name="seats"]').fill('2');
    await link.locator('button[value="accept"]').click();
    await link.locator('.notice').waitFor();
    expect(await link.locator('.notice').textContent()).toContain('2 participants');

    await expectText(accepted, (value) => value === '1', 30_000);
    expect(await dashboard.locator('#funnel [data-count="seats"]').textContent()).toMatch(/^2\//);
    expect(
      await dashboard.evaluate(() => (window as { __notReloaded?: boolean }).__notReloaded),
    ).toBe(true);
    await dashboard.screenshot({ path: resolve(ARTIFACTS, 'dashboard-event.png'), fullPage: true });
    // Sectors and provinces are shown with the deployment's labels (config/taxonomy.json).
    await expectText(dashboard.locator('#attendance'), (text) => text.includes('Artisanat'));

    // The same page in Arabic reads right to left.
    await dashboard.locator('#languages button[lang="ar"]').click();
    expect(await dashboard.locator('html').getAttribute('dir')).toBe('rtl');
    expect(await dashboard.locator('h2[data-i18n="event.funnel"]').textContent()).toBe(
      'مسار الردود',
    );
    await expectText(dashboard.locator('#attendance'), (text) =>
      text.includes('الصناعة التقليدية'),
    );
    await dashboard.screenshot({
      path: resolve(ARTIFACTS, 'dashboard-event-ar.png'),
      fullPage: true,
    });

    // The list of training days shows it in its phase.
    const list = await context.newPage();
    await list.goto(`${server.url}/dashboard`);
    const card = list.locator(`[data-phase="invitations-open"] [data-event-id="${eventId}"]`);
    await card.waitFor({ timeout: 15_000 });
    expect(await card.locator('[data-count="accepted"]').textContent()).toBe('1');
    await list.screenshot({ path: resolve(ARTIFACTS, 'dashboard-list.png'), fullPage: true });
    await context.close();
    expect(pageErrors).toEqual([]);
  });

  it('shows what a declined partner leaves to reassign and flags the slot of its speaker (issue 9)', async () => {
    const { eventId, connections } = await createSeedDay('browser-declined');
    // The partner's workflow starts a moment after the day's.
    const deadline = Date.now() + 30_000;
    for (;;) {
      const answered = await answerPartner(connections, eventId, 'ads-marrakech-safi', {
        answer: 'decline',
        note: 'Notre coordinateur est en mission',
      }).catch((error: Error) => {
        if (Date.now() > deadline) throw error;
        return undefined;
      });
      if (answered) break;
      await new Promise((wake) => setTimeout(wake, 300));
    }

    const context = await browser.newContext({ locale: 'en-GB' });
    const dashboard = await context.newPage();
    await dashboard.goto(`${server.url}/dashboard/events/${eventId}#key=${VIEWER_KEY}`);
    await dashboard.locator('#languages button[lang="en"]').click();
    await expectText(dashboard.locator('#partners'), (text) =>
      /Social Development Agency \(ADS\), Marrakech-Safi.*Declined.*speaker, outreach/.test(text),
    );
    expect(await dashboard.locator('#partners').textContent()).toContain('To reassign');
    await expectText(dashboard.locator('#speakers'), (text) =>
      text.includes('Social Development Agency (ADS), Marrakech-Safi declined: find a speaker'),
    );
    await context.close();
  });
});

async function expectText(
  locator: { textContent(): Promise<string | null> },
  accept: (value: string) => boolean,
  timeoutMs = 15_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last: string | null = null;
  while (Date.now() < deadline) {
    last = await locator.textContent().catch(() => null);
    if (last !== null && accept(last)) return;
    await new Promise((wake) => setTimeout(wake, 200));
  }
  throw new Error(`text never matched (last: ${last})`);
}

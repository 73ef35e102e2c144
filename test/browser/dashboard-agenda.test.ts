import { mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { readTrainingDayStatus, createTrainingDay } from '../../client/use-cases/training-days';
import { startDashboardStack, type DashboardStack } from '../support/browser';
import type { TestStack } from '../support/stack';
import { uniqueId } from '../support/temporal';

const ROOT = resolve(__dirname, '..', '..');
const ARTIFACTS = resolve(ROOT, 'test-artifacts');
const SEED = JSON.parse(readFileSync(resolve(ROOT, 'examples', 'safi-2018-11-23.json'), 'utf8'));
const VIEWER_KEY = 'agenda-viewer-key-0123456789abcdef';
const COORDINATOR_KEY = 'agenda-coordinator-key-0123456789';

function futureDate(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

jest.setTimeout(120_000);

describe("the dashboard's agenda form, in headless Chromium", () => {
  let harness: DashboardStack;
  let stack: TestStack;
  let server: DashboardStack['server'];
  let browser: Browser;

  beforeAll(async () => {
    harness = await startDashboardStack('browser-agenda', {
      coordinator: COORDINATOR_KEY,
      viewer: VIEWER_KEY,
    });
    ({ stack, server, browser } = harness);
    mkdirSync(ARTIFACTS, { recursive: true });
  });
  afterAll(async () => {
    await harness?.stop();
  });

  const agendaRows = (page: Page) =>
    page.locator('#agenda tbody tr').evaluateAll((rows) =>
      rows.map((row) =>
        Array.from(row.querySelectorAll('td'))
          .slice(0, 2)
          .map((cell) => cell.textContent)
          .join(' '),
      ),
    );

  it('a signed-in coordinator moves and adds agenda items; a viewer sees no form', async () => {
    const eventId = uniqueId('browser-agenda');
    await createTrainingDay(
      { config: stack.config, temporal: stack.temporal.client, redis: stack.redis.redis },
      { ...SEED, id: eventId },
      { date: futureDate(30) },
    );
    const context = await browser.newContext({
      locale: 'fr-FR',
      viewport: { width: 1280, height: 1300 },
    });
    const pageErrors: string[] = [];
    context.on('page', (page) => page.on('pageerror', (error) => pageErrors.push(error.message)));
    const page = await context.newPage();
    await page.goto(`${server.url}/dashboard/events/${eventId}#key=${VIEWER_KEY}`);
    await page.locator('#agenda tbody tr').first().waitFor({ timeout: 30_000 });
    expect(await agendaRows(page)).toHaveLength(6);
    expect(await page.locator('#agenda-form').isHidden()).toBe(true);

    // The same browser signed in as a coordinator.
    await page.goto(`${server.url}/dashboard/events/${eventId}#key=${COORDINATOR_KEY}`);
    await page.reload();
    const form = page.locator('#agenda-form');
    await form.waitFor({ state: 'visible', timeout: 30_000 });
    const message = page.locator('#agenda-message');

    // A shorter discussion: choosing the item fills in its times.
    await form.locator('select[name="action"]').selectOption('move');
    await form.locator('select[name="itemId"]').selectOption('open-discussion');
    expect(await form.locator('input[name="start"]').inputValue()).toBe('17:20');
    await form.locator('input[name="end"]').fill('17:50');
    await form.locator('button[type="submit"]').click();
    await page.locator('#agenda-message[data-state="saved"]').waitFor();
    expect(await message.textContent()).toContain('révision 1');

    // A break in the gap, titled in the page's language.
    await form.locator('select[name="action"]').selectOption('add');
    expect(await form.locator('select[name="itemId"]').isHidden()).toBe(true);
    await form.locator('input[name="id"]').fill('coffee-break');
    await form.locator('select[name="kind"]').selectOption('break');
    await form.locator('input[name="start"]').fill('17:50');
    await form.locator('input[name="end"]').fill('18:10');
    await form.locator('input[name="title"]').fill('Pause café');
    await form.locator('button[type="submit"]').click();
    await page.waitForFunction(() =>
      document.querySelector('#agenda-message')?.textContent?.includes('révision 2'),
    );
    expect(await agendaRows(page)).toEqual([
      expect.stringMatching(/^15:00–15:20 Allocution d'ouverture/),
      expect.stringMatching(/^15:20–16:00 /),
      expect.stringMatching(/^16:00–16:40 /),
      expect.stringMatching(/^16:40–17:20 /),
      expect.stringMatching(/^17:20–17:50 /),
      '17:50–18:10 Pause café',
      expect.stringMatching(/^18:10–18:30 /),
    ]);

    // Refused: the opening before the day starts; the field is named, nothing stored.
    await form.locator('select[name="action"]').selectOption('move');
    await form.locator('select[name="itemId"]').selectOption('opening');
    await form.locator('input[name="start"]').fill('14:30');
    await form.locator('input[name="end"]').fill('15:00');
    await form.locator('button[type="submit"]').click();
    await page.locator('#agenda-message[data-state="refused"]').waitFor();
    expect(await message.textContent()).toMatch(
      /agenda\.0\.start: "opening" must not be before the day starts \(15:00\)/,
    );
    await page.screenshot({ path: resolve(ARTIFACTS, 'dashboard-agenda.png'), fullPage: true });
    // In Arabic, right to left, the form's labels and the kinds follow.
    await page.locator('#languages button[lang="ar"]').click();
    expect(await page.locator('h2[data-i18n="event.agenda"]').textContent()).toBe('برنامج اليوم');
    expect(await form.locator('[data-i18n="agenda.start"]').textContent()).toBe('البداية');
    await page.screenshot({ path: resolve(ARTIFACTS, 'dashboard-agenda-ar.png'), fullPage: true });

    const status = await readTrainingDayStatus({ temporal: stack.temporal.client }, eventId);
    expect(status.agendaRevision).toBe(2);
    expect(status.agenda.find((item) => item.id === 'coffee-break')).toMatchObject({
      start: '17:50',
      end: '18:10',
      title: { fr: 'Pause café' },
    });

    // The cookie alone, or with the header from another origin, acts on nothing.
    const [cookie] = await context.cookies();
    const post = (headers: Record<string, string>) =>
      fetch(`${server.url}/api/events/${eventId}/agenda`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          cookie: `${cookie!.name}=${cookie!.value}`,
          ...headers,
        },
        body: JSON.stringify({ action: 'remove', itemId: 'coffee-break' }),
      });
    expect((await post({})).status).toBe(401);
    expect(
      (await post({ 'x-multaqa-dashboard': '1', origin: 'https://elsewhere.example.org' })).status,
    ).toBe(401);
    expect(
      (await readTrainingDayStatus({ temporal: stack.temporal.client }, eventId)).agendaRevision,
    ).toBe(2);
    await context.close();
    expect(pageErrors).toEqual([]);
  });
});

import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { importAssociations } from '../../client/use-cases/import-associations';
import { answerPartner } from '../../client/use-cases/partners';
import { advanceDay } from '../../client/use-cases/training-day-changes';
import { createTrainingDay, readStatus } from '../../client/use-cases/training-days';
import type { Language } from '../../domain/common';
import { shardOf } from '../../domain/workflow-ids';
import { signLink, type LinkPurpose } from '../../mail/signed-links';
import { startDashboardStack, type DashboardStack } from '../support/browser';
import { TEST_LINK_SECRET, type TestStack } from '../support/stack';
import { uniqueId } from '../support/temporal';

// Issue 12, item 6: every page at phone width (390 px) without sideways scrolling, the language
// buttons whole, and no serious or critical axe-core violation, in Arabic, French and English.
// The outbox view uses the page width, filters by a search box and works from the keyboard.

const ROOT = resolve(__dirname, '..', '..');
const SCREENSHOTS = resolve(ROOT, 'var', 'test', 'screenshots');
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const SEED = JSON.parse(readFileSync(resolve(ROOT, 'examples', 'safi-2018-11-23.json'), 'utf8'));
const CSV = readFileSync(resolve(ROOT, 'examples', 'associations.csv'), 'utf8');
const VIEWER_KEY = 'a11y-viewer-key-0123456789abcdef';
const COORDINATOR_KEY = 'a11y-coordinator-key-0123456789';
const PHONE = { width: 390, height: 844 };
const LANGUAGES: Language[] = ['ar', 'fr', 'en'];
/** An invited association writing in each language (examples/associations.csv). */
const ASSOCIATION: Record<Language, string> = {
  ar: 'tujjar-souk-safi',
  fr: 'potiers-safi',
  en: 'pharmaciens-safi',
};

/** The sign-in field's name: never English on the Arabic or French page. */
const KEY_LABEL: Record<Language, string> = { ar: 'مفتاح الولوج', fr: 'Clé d’API', en: 'API key' };

jest.setTimeout(240_000);

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string; summary: string }[];
}

/** axe-core's violations on the page as it stands, every impact. */
async function axeViolations(page: Page): Promise<Violation[]> {
  await page.addScriptTag({ content: AXE });
  return page.evaluate(async () => {
    interface AxeResult {
      violations: {
        id: string;
        impact: string | null;
        help: string;
        nodes: { target: unknown[]; failureSummary?: string }[];
      }[];
    }
    const axe = (window as unknown as { axe: { run(): Promise<AxeResult> } }).axe;
    const result = await axe.run();
    return result.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      nodes: violation.nodes.map((node) => ({
        target: node.target.map(String).join(' '),
        summary: node.failureSummary ?? '',
      })),
    }));
  });
}

/** What does not fit the viewport: sideways scrolling, language buttons cut or covered. */
async function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const width = window.innerWidth;
    const scrollWidth = document.documentElement.scrollWidth;
    if (scrollWidth > width) {
      const wide = Array.from(document.querySelectorAll('body *'))
        .filter((element) => {
          const box = element.getBoundingClientRect();
          return box.width > 0 && (box.right > width + 1 || box.left < -1);
        })
        .slice(0, 5)
        .map((element) => `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''}`);
      problems.push(`scrolls sideways: ${scrollWidth} > ${width} px (${wide.join(', ')})`);
    }
    for (const button of Array.from(document.querySelectorAll<HTMLElement>('#languages button'))) {
      const box = button.getBoundingClientRect();
      const inside =
        box.width > 0 &&
        box.left >= 0 &&
        box.right <= width &&
        box.top >= 0 &&
        box.bottom <= window.innerHeight;
      const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
      if (!inside || !(hit === button || button.contains(hit)))
        problems.push(
          `language button "${button.textContent}" not fully visible (${Math.round(box.left)}..${Math.round(box.right)} px)`,
        );
    }
    return problems;
  });
}

describe('accessibility and phone width (issue 12, item 6)', () => {
  let harness: DashboardStack;
  let stack: TestStack;
  let server: DashboardStack['server'];
  let browser: Browser;
  let outboxDir: string;
  let eventId: string;
  let generation: number | undefined;
  let shards: number;
  /** The current test's pages: serious or critical violations and layout problems. */
  let findings: string[] = [];
  const minor = new Map<string, Set<string>>();

  beforeAll(async () => {
    outboxDir = mkdtempSync(join(tmpdir(), 'multaqa-a11y-outbox-'));
    harness = await startDashboardStack(
      'a11y',
      { coordinator: COORDINATOR_KEY, viewer: VIEWER_KEY },
      { outboxDir },
    );
    ({ stack, server, browser } = harness);
    mkdirSync(SCREENSHOTS, { recursive: true });

    const connections = {
      config: stack.config,
      temporal: stack.temporal.client,
      redis: stack.redis.redis,
    };
    await importAssociations({ redis: stack.redis.redis, config: stack.config }, CSV);
    eventId = uniqueId('a11y-day');
    const date = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    ({ generation } = (
      await createTrainingDay(connections, { ...SEED, id: eventId }, { date })
    ).plan);
    await advanceDay(connections, eventId, { to: 'invitations-open', reason: 'a11y test' });
    // The invitations reached each language's association: their links now work.
    await stack.smtp.waitFor(
      (messages) =>
        Object.values(ASSOCIATION).every((id) =>
          messages.some((message) => message.to.includes(`${id}@example.org`)),
        ),
      60_000,
    );
    shards = (await readStatus(connections, eventId, { live: true })).status.registration.shards;
    // A confirmed and a declined partner: their badges' colours are audited too.
    await answerPartner(connections, eventId, 'ads-marrakech-safi', {
      answer: 'confirm',
      contributions: ['speaker'],
    });
    await answerPartner(connections, eventId, 'province-safi-social-action', {
      answer: 'decline',
      note: 'a11y test',
    });
    // The outbox view reads .eml files, as the embedded SMTP server keeps them.
    stack.smtp.messages.forEach((message, index) =>
      writeFileSync(join(outboxDir, `${String(index).padStart(5, '0')}-a11y.eml`), message.raw),
    );
  });
  afterAll(async () => {
    await harness?.stop();
    if (outboxDir) rmSync(outboxDir, { recursive: true, force: true });
    if (minor.size)
      console.log(
        `minor axe findings (not failing):\n${[...minor].map(([id, pages]) => `  ${id}: ${[...pages].join(', ')}`).join('\n')}`,
      );
  });

  /** A phone-sized browser whose dashboard speaks `language`. */
  async function phone(language: Language): Promise<BrowserContext> {
    const context = await browser.newContext({
      viewport: PHONE,
      locale: language,
      // axe-core goes in as an inline script, which the pages' policy rightly forbids.
      bypassCSP: true,
    });
    await context.addInitScript((code) => {
      // Not in the outbox's sandboxed message frame, which has no storage.
      if (window === window.top) localStorage.setItem('multaqa.lang', code);
    }, language);
    return context;
  }

  /** Audits the page as it stands; records what fails; keeps a screenshot. */
  async function check(
    page: Page,
    name: string,
    language: Language,
    options: { layout?: boolean } = {},
  ): Promise<void> {
    expect(await page.locator('html').getAttribute('lang')).toBe(language);
    expect(await page.locator('html').getAttribute('dir')).toBe(language === 'ar' ? 'rtl' : 'ltr');
    await page.screenshot({ path: resolve(SCREENSHOTS, `${name}.png`), fullPage: true });
    if (options.layout !== false)
      for (const problem of await layoutProblems(page)) findings.push(`${name}: ${problem}`);
    for (const violation of await axeViolations(page)) {
      if (violation.impact === 'serious' || violation.impact === 'critical')
        for (const node of violation.nodes)
          findings.push(
            `${name}: ${violation.id} (${violation.impact}) ${violation.help} at ${node.target}\n    ${node.summary.replace(/\n/g, '\n    ')}`,
          );
      else {
        if (!minor.has(violation.id)) minor.set(violation.id, new Set());
        minor.get(violation.id)!.add(name);
      }
    }
  }

  const linkOf = (purpose: LinkPurpose, associationId: string) =>
    `${server.url}/links/${purpose}/${signLink(
      {
        purpose,
        eventId,
        associationId,
        shard: shardOf(associationId, shards),
        expiresAt: Math.floor(Date.now() / 1000) + 3600,
        generation,
      },
      TEST_LINK_SECRET,
    )}`;

  it.each(LANGUAGES)('dashboard pages in %s', async (language) => {
    const context = await phone(language);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));

    // Signed out: the sign-in form, its field named in the page's language.
    await page.goto(`${server.url}/dashboard`);
    const key = page.locator('#login input[name="key"]');
    await key.waitFor();
    expect(await key.getAttribute('aria-label')).toBe(KEY_LABEL[language]);
    await check(page, `dashboard-login-${language}`, language);
    // Signed in from the keyboard.
    await key.fill(VIEWER_KEY);
    await key.press('Enter');
    await page.locator(`[data-event-id="${eventId}"]`).waitFor({ timeout: 30_000 });
    await check(page, `dashboard-index-${language}`, language);

    await page.goto(`${server.url}/dashboard/events/${eventId}`);
    await page.locator('#live[data-state="on"]').waitFor({ timeout: 30_000 });
    await page.locator('#funnel [data-count="invited"]').waitFor();
    await page.locator('#timeline li').first().waitFor();
    await page.locator('#partners .badge[data-status="confirmed"]').waitFor();
    await page.locator('#partners .badge[data-status="declined"]').waitFor();
    await check(page, `dashboard-event-${language}`, language);

    await page.goto(`${server.url}/dashboard/outbox`);
    await page.locator('#messages [data-file]').first().waitFor({ timeout: 30_000 });
    await check(page, `dashboard-outbox-${language}`, language);
    // Keyboard: the search box narrows the list, Tab reaches a message, Enter opens it.
    const address = `${ASSOCIATION[language]}@example.org`;
    await page.locator('#outbox-search').fill(address);
    await page.waitForFunction((to) => {
      const rows = Array.from(document.querySelectorAll('#messages [data-file]'));
      return rows.length > 0 && rows.every((row) => row.textContent!.includes(to));
    }, address);
    await page.locator('#outbox-search').focus();
    await page.keyboard.press('Tab');
    const focused = page.locator('#messages [data-file]:focus');
    await focused.waitFor();
    await page.keyboard.press('Enter');
    await page.locator('#message iframe').waitFor();
    expect(await page.locator('#message h2').textContent()).not.toBe('');
    expect(await focused.getAttribute('aria-current')).toBe('true');
    await check(page, `dashboard-outbox-open-${language}`, language);
    // The message itself (the frame is sandboxed, so axe-core audits it as a page of its own).
    const email = await context.newPage();
    await email.setContent((await page.locator('#message iframe').getAttribute('srcdoc'))!);
    await check(email, `email-${language}`, language, { layout: false });
    await email.close();

    // A coordinator's day page has the agenda form too.
    await page.goto(`${server.url}/dashboard/events/${eventId}#key=${COORDINATOR_KEY}`);
    await page.locator('#agenda-form select[name="itemId"] option').first().waitFor({
      state: 'attached',
    });
    await page.locator('#agenda-form').waitFor();
    await check(page, `dashboard-event-coordinator-${language}`, language);

    await context.close();
    expect(errors).toEqual([]);
    expect(findings).toEqual([]);
  });

  it.each(LANGUAGES)('public link pages in %s', async (language) => {
    const context = await phone(language);
    const page = await context.newPage();
    const rsvp = linkOf('rsvp', ASSOCIATION[language]);

    await page.goto(rsvp);
    await page.locator('input[name="seats"]').waitFor();
    await check(page, `link-rsvp-${language}`, language);

    // A refused answer (more seats than the day allows), as the browser shows it.
    await page
      .locator('input[name="seats"]')
      .evaluate((input: HTMLInputElement) => input.removeAttribute('max'));
    await page.locator('input[name="seats"]').fill('9');
    await page.locator('button[value="accept"]').click();
    await page.locator('.notice.error').waitFor();
    await check(page, `link-rsvp-refused-${language}`, language);

    await page.goto(rsvp);
    await page.locator('input[name="seats"]').fill('1');
    await page.locator('button[value="accept"]').click();
    await page.locator('.notice:not(.error)').waitFor();
    await check(page, `link-rsvp-answered-${language}`, language);

    // Weeks before the day the check-in page says when it opens, and a post is refused.
    const checkIn = linkOf('check-in', ASSOCIATION[language]);
    await page.goto(checkIn);
    await page.locator('.notice').waitFor();
    await check(page, `link-check-in-${language}`, language);
    await page.evaluate((action) => {
      const form = document.createElement('form');
      form.method = 'post';
      form.action = action;
      const attendees = Object.assign(document.createElement('input'), {
        type: 'hidden',
        name: 'attendees',
        value: '1',
      });
      form.append(attendees);
      document.body.append(form);
      form.submit();
    }, checkIn);
    await page.locator('.notice.error').waitFor();
    await check(page, `link-check-in-refused-${language}`, language);

    // Before the day ends the survey page says when it opens.
    await page.goto(linkOf('survey', ASSOCIATION[language]));
    await page.locator('.notice').waitFor();
    await check(page, `link-survey-${language}`, language);

    await context.close();
    expect(findings).toEqual([]);
  });

  it('the outbox view uses the page width', async () => {
    const context = await browser.newContext({ viewport: { width: 1600, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${server.url}/dashboard/outbox#key=${VIEWER_KEY}`);
    await page.locator('#messages [data-file]').first().waitFor({ timeout: 30_000 });
    const list = (await page.locator('#messages').boundingBox())!;
    const message = (await page.locator('#message').boundingBox())!;
    const used =
      Math.max(list.x + list.width, message.x + message.width) - Math.min(list.x, message.x);
    expect(used).toBeGreaterThan(1600 * 0.9);
    await page.screenshot({ path: resolve(SCREENSHOTS, 'dashboard-outbox-wide.png') });
    await context.close();
  });

  afterEach(() => {
    // Printed even when the test stopped early, so one run shows every page's problems.
    if (findings.length) console.log(findings.join('\n'));
    findings = [];
  });
});

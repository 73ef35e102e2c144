import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { rsvpPage } from '../../client/http/link-pages/link-pages';

// Issue 9, point 6: the Arabic RSVP page as Chromium lays it out. The page is the one the
// server sends (same function); here it is loaded directly, so no servers are needed.

const ARTIFACTS = resolve(__dirname, '..', '..', 'test-artifacts');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'];

/** Where on screen (left edge, px) a piece of text inside `selector` is drawn. */
async function leftOf(page: Page, selector: string, piece: string): Promise<number> {
  return page.evaluate(
    ([selector, piece]) => {
      const walker = document.createTreeWalker(
        document.querySelector(selector)!,
        NodeFilter.SHOW_TEXT,
      );
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.textContent!.indexOf(piece);
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + piece.length);
        return range.getBoundingClientRect().left;
      }
      throw new Error(`"${piece}" not found in ${selector}`);
    },
    [selector, piece] as const,
  );
}

describe('the Arabic RSVP page in headless Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    mkdirSync(ARTIFACTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('reads right to left with the hours, zone and place as the emails write them, and the seats kept', async () => {
    const html = rsvpPage(
      'ar',
      {
        title: 'يوم تكويني حول آليات دعم ومواكبة الجمعيات والتمثيليات المهنية',
        startsAt: '2026-12-18T14:00:00Z',
        endsAt: '2026-12-18T17:30:00Z',
        timeZone: 'Africa/Casablanca',
        place: 'ملحقة الغرفة بآسفي، Annexe CCIS, Safi',
        associationName: 'جمعية تجار السوق المركزي بآسفي',
      },
      { action: '/links/rsvp/t', maxSeats: 3, current: { status: 'accepted', seats: 2 } },
    );
    const page = await browser.newPage({ viewport: { width: 420, height: 800 } });
    await page.setContent(html);
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    // The range is isolated: "15:00" is drawn left of "18:30", as in the emails and the report.
    const hours = 'dd:nth-of-type(2)';
    expect(await page.locator(hours).textContent()).toContain('15:00–18:30 (غرينتش+1)');
    expect(await leftOf(page, hours, '15:00')).toBeLessThan(await leftOf(page, hours, '18:30'));
    expect(await page.locator('dd:nth-of-type(3)').textContent()).toContain('Annexe CCIS');
    expect(await page.locator('.notice').textContent()).toBe(
      'جوابكم الحالي: جمعيتكم مسجلة لفائدة مشاركَين اثنين.',
    );
    expect(await page.locator('input[name="seats"]').inputValue()).toBe('2');
    // Right to left: the heading starts at the right edge of the page.
    const heading = await page.locator('h1').boundingBox();
    const headingText = await leftOf(page, 'h1', 'دعوة');
    expect(headingText).toBeGreaterThan(heading!.x + heading!.width / 2);
    await page.screenshot({ path: resolve(ARTIFACTS, 'link-rsvp-ar.png'), fullPage: true });
    await page.close();
  });
});

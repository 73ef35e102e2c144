import { chromium, type Browser } from 'playwright-core';
import { renderTrainingDayReportHtml } from '../../client/report/render-report';
import { buildTrainingDayReport } from '../../domain/report';
import { networkingView, seedStatus, survey } from '../unit/report-fixtures';

/** Debian's Chromium, never a downloaded browser. */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'];

const report = buildTrainingDayReport({
  status: seedStatus(),
  followUps: { 'networking-visits': networkingView() },
  survey,
  brief: networkingView().event,
  generatedAt: '2019-03-01T10:00:00.000Z',
});

describe('the training day report printed by headless Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it.each(['ar', 'fr', 'en'] as const)(
    'lays out in %s within an A4 page width and prints to PDF',
    async (language) => {
      const page = await browser.newPage({ viewport: { width: 794, height: 1123 } });
      try {
        await page.setContent(renderTrainingDayReportHtml(report, language));
        await page.emulateMedia({ media: 'print' });
        const layout = await page.evaluate(() => ({
          direction: getComputedStyle(document.body).direction,
          overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
          tables: document.querySelectorAll('table').length,
          scripts: document.scripts.length,
        }));
        expect(layout.direction).toBe(language === 'ar' ? 'rtl' : 'ltr');
        expect(layout.overflow).toBeLessThanOrEqual(0);
        expect(layout.tables).toBeGreaterThanOrEqual(4);
        expect(layout.scripts).toBe(0);
        const pdf = await page.pdf({ format: 'A4', printBackground: true });
        expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
        const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? [];
        expect(pages.length).toBeGreaterThanOrEqual(2);
        expect(pages.length).toBeLessThanOrEqual(6);
      } finally {
        await page.close();
      }
    },
  );
});

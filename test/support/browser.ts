import { chromium, type Browser } from 'playwright-core';
import { startServedStack, type ServedStack } from './http';

/** Debian's Chromium, never a downloaded browser. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** What a dashboard test drives: the served stack and Chromium. */
export interface DashboardStack extends ServedStack {
  browser: Browser;
}

/** Starts the served stack (see `startServedStack`) and headless Chromium. */
export async function startDashboardStack(
  name: string,
  keys: { coordinator: string; viewer: string },
  options: { outboxDir?: string } = {},
): Promise<DashboardStack> {
  const served = await startServedStack(name, keys, options);
  // A browser that cannot start must not leave the stack's worker running (Jest would hang).
  const browser = await chromium
    .launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS })
    .catch(async (error: unknown) => {
      await served.stop();
      throw error;
    });
  return {
    ...served,
    browser,
    stop: async () => {
      await browser.close();
      await served.stop();
    },
  };
}

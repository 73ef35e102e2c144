import { chromium, type Browser } from 'playwright-core';
import { startHttpServer } from '../../client/http/server';
import { freePort } from '../../scripts/stack/ports';
import { startTestStack, type TestStack } from './stack';

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

/** What a dashboard test drives: the real stack, the HTTP server on a free port, Chromium. */
export interface DashboardStack {
  stack: TestStack;
  server: { url: string; close(): Promise<void> };
  browser: Browser;
  stop(): Promise<void>;
}

/**
 * Starts the stack with a coordinator and a viewer key, the HTTP server (its links point at
 * itself) and headless Chromium.
 */
export async function startDashboardStack(
  name: string,
  keys: { coordinator: string; viewer: string },
): Promise<DashboardStack> {
  const port = await freePort();
  const stack = await startTestStack(name, {
    API_KEYS: `coordinator:${keys.coordinator},viewer:${keys.viewer}`,
    PUBLIC_BASE_URL: `http://127.0.0.1:${port}`,
  });
  const server = await startHttpServer({
    config: stack.config,
    temporal: stack.temporal.client,
    redis: stack.redis.redis,
    smtpUrl: stack.smtp.url,
    host: '127.0.0.1',
    port,
  });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  return {
    stack,
    server,
    browser,
    stop: async () => {
      await browser.close();
      await server.close();
      await stack.stop();
    },
  };
}

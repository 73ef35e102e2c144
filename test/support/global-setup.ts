import { bundleWorkflowCode } from '@temporalio/worker';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { quiet } from '../../scripts/histories/recording';
import { freePort } from '../../scripts/stack/ports';
import {
  startTemporalDevServer,
  type RunningDevServer,
} from '../../scripts/stack/temporal-dev-server';

declare global {
  var __multaqaDevServer: RunningDevServer | undefined;
}

export const TEST_VAR_DIR = resolve(__dirname, '..', '..', 'var', 'test');
export const WORKFLOW_BUNDLE_FILE = join(TEST_VAR_DIR, 'workflow-bundle.js');

/**
 * Once per `jest` run: one real Temporal dev server (in memory, headless) shared by every
 * integration test file, and the workflow bundle built once. Unit-only runs skip both.
 */
export default async function globalSetup(config: {
  testPathPatterns?: { patterns?: string[] };
  testPathPattern?: string;
}): Promise<void> {
  const patterns = [
    ...(config.testPathPatterns?.patterns ?? []),
    config.testPathPattern ?? '',
  ].join(' ');
  if (/test\/unit/.test(patterns) && !/integration|replay|browser/.test(patterns)) return;
  mkdirSync(TEST_VAR_DIR, { recursive: true });
  const [server, bundle] = await Promise.all([
    process.env.MULTAQA_TEST_TEMPORAL_ADDRESS
      ? Promise.resolve(undefined)
      : freePort().then((port) =>
          startTemporalDevServer({ port, logFile: join(TEST_VAR_DIR, 'temporal-dev-server.log') }),
        ),
    bundleWorkflowCode({ workflowsPath: require.resolve('../../workflows'), logger: quiet }),
  ]);
  writeFileSync(WORKFLOW_BUNDLE_FILE, bundle.code);
  if (server) {
    globalThis.__multaqaDevServer = server;
    process.env.MULTAQA_TEST_TEMPORAL_ADDRESS = server.address;
  }
  process.env.MULTAQA_TEST_WORKFLOW_BUNDLE = WORKFLOW_BUNDLE_FILE;
}

import type { Client } from '@temporalio/client';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * Where the recorder writes: test/histories, or MULTAQA_HISTORIES_DIR for a dry run that must
 * not touch the committed histories.
 */
export const HISTORIES = process.env.MULTAQA_HISTORIES_DIR
  ? resolve(process.env.MULTAQA_HISTORIES_DIR)
  : resolve(__dirname, '..', '..', 'test', 'histories');
export const BROKEN = join(HISTORIES, 'broken');

/** The file of the history `name` (`<workflowType>-<scenario>`, or `broken/<...>`). */
export function historyFile(name: string): string {
  return join(HISTORIES, `${name}.json`);
}

/** Writes one workflow run's history (the first run, or `runId`) to `file`. */
export async function save(client: Client, workflowId: string, file: string, runId?: string) {
  const history = await client.workflow.getHandle(workflowId, runId).fetchHistory();
  writeFileSync(file, `${historyToJSON(history)}\n`);
  console.log(`recorded ${file} (${history.events?.length ?? 0} events)`);
}

/** Polls `read` until `done` holds (real time, 30 s at most). */
export async function until<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  what = 'condition',
): Promise<T> {
  for (let tries = 0; tries < 300; tries += 1) {
    const value = await read().catch(() => undefined);
    if (value !== undefined && done(value)) return value;
    await new Promise((wake) => setTimeout(wake, 100));
  }
  throw new Error(`${what}: not reached`);
}

/** A logger for workflow bundling: warnings and errors only. */
export const quiet = {
  log: () => undefined,
  trace: () => undefined,
  debug: () => undefined,
  info: () => undefined,
  warn: (message: string) => console.warn(message),
  error: (message: string) => console.error(message),
};

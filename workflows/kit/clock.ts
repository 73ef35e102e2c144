import { condition, sleep, workflowInfo } from '@temporalio/workflow';

export { HOUR_MS, MINUTE_MS } from '../../domain/workflow-tuning';

/** Now, in workflow time. */
export function now(): number {
  return Date.now();
}

export function isoNow(): string {
  return new Date().toISOString();
}

/**
 * Patch id of the follow-up and networking-visit workflows' move from `condition(fn, timeout)`
 * to `Alarm`: a history recorded before it started (and cancelled) a timer per wait, so it
 * replays through the old wait; a run that has the marker waits through `Alarm`.
 */
export const WAITS_BY_ALARM = 'waits-by-alarm';

/**
 * Wakes a workflow's main loop at instants, without ever cancelling a timer: each instant gets
 * one timer that is left to fire even when the loop wakes earlier for another reason. (The
 * time-skipping test server strands a run that cancels a timer which fired while its workflow
 * task was with the worker — `condition(fn, timeout)` does exactly that when a signal and the
 * timeout meet; temporalio/sdk-java#3088. A stale timer costs one idle workflow task.)
 */
export class Alarm {
  private readonly instants = new Map<number, boolean>();

  /**
   * Waits until `wake` holds or the instant `at` (ms since epoch) comes; without `at`, only
   * for `wake`. Never waits when `at` has already passed.
   */
  async wait(wake: () => boolean, at: number | undefined): Promise<void> {
    if (at === undefined) {
      await condition(wake);
      return;
    }
    const remaining = at - now();
    if (remaining <= 0) return;
    if (!this.instants.has(at)) {
      this.instants.set(at, false);
      void sleep(remaining).then(() => this.instants.set(at, true));
    }
    await condition(() => wake() || this.instants.get(at) === true);
    for (const [instant, rang] of this.instants) if (rang) this.instants.delete(instant);
  }
}

/** The earliest of some instants, ignoring the missing ones. */
export function earliest(...instants: Array<number | undefined>): number | undefined {
  let result: number | undefined;
  for (const instant of instants)
    if (instant !== undefined && (result === undefined || instant < result)) result = instant;
  return result;
}

/** Whether this run should hand over to a new one: Temporal suggests it, or history is long. */
export function runIsLarge(limits: {
  maxHistoryEvents: number;
  maxHistoryBytes?: number;
}): boolean {
  const info = workflowInfo();
  return (
    info.continueAsNewSuggested ||
    info.historyLength > limits.maxHistoryEvents ||
    (limits.maxHistoryBytes !== undefined && info.historySize > limits.maxHistoryBytes)
  );
}

/** Runs `work` over `items` in groups of `size`, each group concurrently. */
export async function inBatches<T>(
  items: readonly T[],
  size: number,
  work: (item: T) => Promise<unknown>,
): Promise<void> {
  for (let start = 0; start < items.length; start += size)
    await Promise.all(items.slice(start, start + size).map(work));
}

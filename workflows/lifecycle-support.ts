import { ApplicationFailure, condition, sleep, workflowInfo } from '@temporalio/workflow';
import { CHECK_IN_OPENS_MINUTES_BEFORE } from '../domain/attendance';
import { ErrorCodes, type ErrorCode } from '../domain/errors';
import type { EventBrief } from '../domain/event-brief';
import type { MessageRecipient } from '../domain/messages/mail';
import type { LifecycleTuning } from '../domain/messages/training-day';

/** Tuning with every default filled in. */
export type ResolvedTuning = Required<LifecycleTuning>;

export const DEFAULT_TUNING: Readonly<ResolvedTuning> = Object.freeze({
  maxHistoryEvents: 8000,
  maxHistoryBytes: 8 * 1024 * 1024,
  reportIntervalMs: 5000,
  publishIntervalMs: 1000,
  checkInOpensMinutesBefore: CHECK_IN_OPENS_MINUTES_BEFORE,
  followUpGraceHours: 7 * 24,
  surveyWindowHours: 30 * 24,
  startBatchSize: 50,
  audienceRecheckMinutes: 60,
});

export function resolveTuning(tuning: LifecycleTuning | undefined): ResolvedTuning {
  return { ...DEFAULT_TUNING, ...tuning };
}

export const HOUR_MS = 3600_000;
export const MINUTE_MS = 60_000;

/** Now, in workflow time. */
export function now(): number {
  return Date.now();
}

export function isoNow(): string {
  return new Date().toISOString();
}

/**
 * Rejects an update (from its validator) or fails it (from its handler) with one of the
 * project's error codes; `field` names the bad input for the CLI and HTTP edges.
 */
export function refuse(code: ErrorCode, message: string, field?: string): never {
  throw ApplicationFailure.create({
    type: code,
    message,
    nonRetryable: true,
    details: field ? [{ field }] : undefined,
  });
}

export function refuseInput(message: string, field?: string): never {
  return refuse(ErrorCodes.invalidInput, message, field);
}

/**
 * The chamber's coordinator of the day, as the recipient of a message about `subject` (a
 * partner, a slot). The subject is part of the recipient's id so that messages of one purpose
 * about different subjects are different messages (exactly-once is per recipient and purpose).
 */
export function coordinatorRecipient(event: EventBrief, subject: string): MessageRecipient {
  return {
    id: `coordinator-${subject}`,
    kind: 'coordinator',
    name: event.organiser.coordinatorName,
    email: event.organiser.coordinatorEmail,
    language: event.organiser.language,
  };
}

export { signalQuietly } from './signal-quietly';

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
export function runIsLarge(tuning: ResolvedTuning): boolean {
  const info = workflowInfo();
  return (
    info.continueAsNewSuggested ||
    info.historyLength > tuning.maxHistoryEvents ||
    info.historySize > tuning.maxHistoryBytes
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

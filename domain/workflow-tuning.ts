import { CHECK_IN_OPENS_MINUTES_BEFORE } from './attendance';
import type { LifecycleTuning } from './messages/training-day';

/**
 * Tuning defaults of the workflows: run lengths, report intervals, batch sizes and the bounds
 * that keep a workflow's state (carried over continue-as-new) well under a payload's limit.
 * The follow-up's timing (reminders, escalations, visits) is its policy, in `follow-up-policy`.
 */

export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;

/** Lifecycle tuning with every default filled in. */
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

/** Attendance: updates one run takes before it continues as new; thank-you mails per batch. */
export const ATTENDANCE_LIMITS = Object.freeze({
  maxUpdatesPerRun: 1000,
  thankYouBatch: 100,
});

/** Follow-up: what one follow-up keeps and accepts. */
export const FOLLOW_UP_LIMITS = Object.freeze({
  maxHistoryEntries: 100,
  maxHistoryNote: 1000,
  maxPendingNews: 20,
  digestedNewsKept: 10,
  maxVisits: 20,
  maxNextDays: 10,
});

/** Recipients per coordination-digest mail batch: one activity, one heartbeat-resumable page. */
export const DIGEST_PAGE_SIZE = 200;

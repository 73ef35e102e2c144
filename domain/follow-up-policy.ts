/**
 * Timing of a follow-up: when its owner is reminded, when it counts as overdue, how often and
 * how many times the coordinator hears about it then. Every value in hours.
 */
export interface FollowUpPolicy {
  /** Due date of a recommendation that came without one, counted from the end of the day. */
  defaultDueHoursAfterDay: number;
  /** The owner's reminder, this long before the due date. */
  reminderHoursBefore: number;
  /** Escalations to the coordinator repeat this often while the follow-up stays overdue. */
  escalationEveryHours: number;
  /** At most this many escalations per due date; moving the due date starts a new count. */
  maxEscalations: number;
  /** Continue-as-new once a run's history passes this many events. */
  maxHistoryEvents: number;
  /** Networking visits proposed automatically when the follow-up starts. */
  maxProposedVisits: number;
  /** Visitors per proposed visit. */
  visitorsPerVisit: number;
  /** Coordination digests go out this often while the follow-up is open. */
  digestEveryHours: number;
}

export const DEFAULT_FOLLOW_UP_POLICY: Readonly<FollowUpPolicy> = Object.freeze({
  defaultDueHoursAfterDay: 90 * 24,
  reminderHoursBefore: 7 * 24,
  escalationEveryHours: 7 * 24,
  maxEscalations: 4,
  maxHistoryEvents: 2000,
  maxProposedVisits: 3,
  visitorsPerVisit: 2,
  digestEveryHours: 14 * 24,
});

/** Timing of a networking visit, in hours. */
export interface VisitPolicy {
  /** A proposed pairing waits this long for the coordinator before invitations go out. */
  proposalReviewHours: number;
  /** Participants are reminded this long before the visit. */
  reminderHoursBefore: number;
  /** A visit is taken as held this long after it starts; then it waits for its report. */
  visitLengthHours: number;
  /** The coordinator is asked for the report this long after the visit, once. */
  reportReminderHoursAfter: number;
}

export const DEFAULT_VISIT_POLICY: Readonly<VisitPolicy> = Object.freeze({
  proposalReviewHours: 72,
  reminderHoursBefore: 24,
  visitLengthHours: 4,
  reportReminderHoursAfter: 72,
});

export { HOUR_MS } from './workflow-tuning';

/**
 * The `revision` of a follow-up or visit message. The mail activities send once per (event,
 * recipient, purpose, revision); the coordinator receives the same purpose for every follow-up
 * of a day, so the revision carries the scope (a recommendation or a visit) as well as the
 * ordinal within it. A stable hash (FNV-1a) keeps it a plain number, below 2^53.
 */
export function scopedRevision(scope: string, ordinal: number): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < scope.length; index += 1) {
    hash ^= scope.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return (hash % 1_000_000) * 10_000 + (ordinal % 10_000);
}

import type { FollowUpStatus } from './follow-up';
import { HOUR_MS, type FollowUpPolicy } from './follow-up-policy';
import type { FollowUpState } from './messages/follow-up';

type TimingState = Pick<
  FollowUpState,
  'progress' | 'dueAt' | 'outcome' | 'remindedForDueAt' | 'escalationsForDueAt' | 'lastEscalationAt'
>;
type TimingPolicy = Pick<
  FollowUpPolicy,
  'reminderHoursBefore' | 'escalationEveryHours' | 'maxEscalations'
>;

/** A follow-up's status at `now`: closed as recorded, else overdue past its due date. */
export function followUpStatusAt(state: TimingState, now: number): FollowUpStatus {
  if (state.outcome) return state.outcome.status;
  if (now >= Date.parse(state.dueAt)) return 'overdue';
  return state.progress;
}

/** When the owner's reminder of the current due date is due, if it is still to be sent. */
export function reminderDueAt(state: TimingState, policy: TimingPolicy): number | undefined {
  if (state.outcome || state.remindedForDueAt === state.dueAt) return undefined;
  return Date.parse(state.dueAt) - policy.reminderHoursBefore * HOUR_MS;
}

/** When the next escalation to the coordinator is due, if any is left for this due date. */
export function escalationDueAt(state: TimingState, policy: TimingPolicy): number | undefined {
  if (state.outcome || state.escalationsForDueAt >= policy.maxEscalations) return undefined;
  if (state.escalationsForDueAt === 0 || !state.lastEscalationAt) return Date.parse(state.dueAt);
  return Date.parse(state.lastEscalationAt) + policy.escalationEveryHours * HOUR_MS;
}

/**
 * What the follow-up must do at `now`: escalate (overdue and an escalation is due), remind
 * (before the due date, reminder time reached), or nothing. A follow-up already past its due
 * date skips the reminder: the coordinator hears of it instead.
 */
export function dueFollowUpAction(
  state: TimingState,
  policy: TimingPolicy,
  now: number,
): 'remind' | 'escalate' | 'skip-reminder' | undefined {
  if (state.outcome) return undefined;
  const overdue = now >= Date.parse(state.dueAt);
  const escalation = escalationDueAt(state, policy);
  if (overdue && escalation !== undefined && now >= escalation) return 'escalate';
  const reminder = reminderDueAt(state, policy);
  if (reminder !== undefined && now >= reminder) return overdue ? 'skip-reminder' : 'remind';
  return undefined;
}

/** The next instant (ms) at which something is due: a reminder, the due date, an escalation. */
export function nextFollowUpWake(
  state: TimingState,
  policy: TimingPolicy,
  now: number,
): number | undefined {
  if (state.outcome) return undefined;
  const candidates = [
    reminderDueAt(state, policy),
    escalationDueAt(state, policy),
    // The moment it turns overdue is a status change to report, even with no escalation left.
    Date.parse(state.dueAt),
  ].filter((at): at is number => at !== undefined && at > now);
  const due = dueFollowUpAction(state, policy, now);
  if (due) return now;
  return candidates.length > 0 ? Math.min(...candidates) : undefined;
}

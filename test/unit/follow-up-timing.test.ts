import { DEFAULT_FOLLOW_UP_POLICY, scopedRevision } from '../../domain/follow-up-policy';
import {
  dueFollowUpAction,
  followUpStatusAt,
  nextFollowUpWake,
} from '../../domain/follow-up-timing';

const DAY = 24 * 3_600_000;
const dueAt = '2019-02-21T17:30:00.000Z';
const due = Date.parse(dueAt);
const policy = DEFAULT_FOLLOW_UP_POLICY;
const fresh = { progress: 'open' as const, dueAt, escalationsForDueAt: 0 };

describe('when a follow-up reminds, turns overdue and escalates', () => {
  it('is open, then in progress, then overdue past its due date, and closed as recorded', () => {
    expect(followUpStatusAt(fresh, due - DAY)).toBe('open');
    expect(followUpStatusAt({ ...fresh, progress: 'in-progress' }, due - DAY)).toBe('in-progress');
    expect(followUpStatusAt({ ...fresh, progress: 'in-progress' }, due)).toBe('overdue');
    expect(
      followUpStatusAt({ ...fresh, outcome: { status: 'done', outcome: 'held' } }, due + DAY),
    ).toBe('done');
  });

  it('reminds the owner a week before the due date, once', () => {
    expect(nextFollowUpWake(fresh, policy, due - 30 * DAY)).toBe(due - 7 * DAY);
    expect(dueFollowUpAction(fresh, policy, due - 8 * DAY)).toBeUndefined();
    expect(dueFollowUpAction(fresh, policy, due - 7 * DAY)).toBe('remind');
    const reminded = { ...fresh, remindedForDueAt: dueAt };
    expect(dueFollowUpAction(reminded, policy, due - 6 * DAY)).toBeUndefined();
    expect(nextFollowUpWake(reminded, policy, due - 6 * DAY)).toBe(due);
  });

  it('escalates at the due date, then weekly, at most four times for one due date', () => {
    let state = { ...fresh, remindedForDueAt: dueAt } as Parameters<typeof dueFollowUpAction>[0];
    const escalations: number[] = [];
    let now = due - DAY;
    for (let step = 0; step < 20; step += 1) {
      const wake = nextFollowUpWake(state, policy, now);
      if (wake === undefined) break;
      now = wake;
      if (dueFollowUpAction(state, policy, now) === 'escalate') {
        escalations.push(now);
        state = {
          ...state,
          escalationsForDueAt: state.escalationsForDueAt + 1,
          lastEscalationAt: new Date(now).toISOString(),
        };
      }
    }
    expect(escalations).toEqual([due, due + 7 * DAY, due + 14 * DAY, due + 21 * DAY]);
    expect(nextFollowUpWake(state, policy, now)).toBeUndefined();
  });

  it('skips the reminder of a follow-up that starts already overdue', () => {
    expect(dueFollowUpAction(fresh, policy, due + DAY)).toBe('escalate');
    const escalated = {
      ...fresh,
      escalationsForDueAt: 1,
      lastEscalationAt: new Date(due + DAY).toISOString(),
    };
    expect(dueFollowUpAction(escalated, policy, due + DAY)).toBe('skip-reminder');
  });

  it('does nothing more once closed', () => {
    const closed = { ...fresh, outcome: { status: 'dropped' as const, outcome: 'no budget' } };
    expect(nextFollowUpWake(closed, policy, due + DAY)).toBeUndefined();
    expect(dueFollowUpAction(closed, policy, due + DAY)).toBeUndefined();
  });

  it('gives each scope its own message revisions, stable from run to run', () => {
    const first = scopedRevision('capacity-building/escalation', 1);
    expect(scopedRevision('capacity-building/escalation', 1)).toBe(first);
    expect(scopedRevision('capacity-building/escalation', 2)).toBe(first + 1);
    expect(scopedRevision('coordination/escalation', 1)).not.toBe(first);
    expect(Number.isSafeInteger(scopedRevision('x'.repeat(300), 9_999))).toBe(true);
  });
});

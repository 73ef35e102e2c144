import { TRAINING_DAY_PHASES, type TrainingDayPhase } from './training-day';

/** The phases a training day moves through, in order (`cancelled` stands apart). */
export const PHASE_ORDER: readonly TrainingDayPhase[] = TRAINING_DAY_PHASES.filter(
  (phase) => phase !== 'cancelled',
);

/** A phase's place in `PHASE_ORDER`; `cancelled` ranks after everything. */
export function phaseRank(phase: TrainingDayPhase): number {
  const index = PHASE_ORDER.indexOf(phase);
  return index < 0 ? PHASE_ORDER.length : index;
}

/** The phase after `phase`, if any. */
export function nextPhase(phase: TrainingDayPhase): TrainingDayPhase | undefined {
  const index = PHASE_ORDER.indexOf(phase);
  return index < 0 ? undefined : PHASE_ORDER[index + 1];
}

/**
 * Why a coordinator cannot move a day from `from` to `to` (undefined when they can). Only
 * forward; before invitations, at most as far as opening them (registration is never skipped);
 * `following-up` only from `closed`; `completed` and `cancelled` have their own ways.
 */
export function advanceProblem(from: TrainingDayPhase, to: TrainingDayPhase): string | undefined {
  if (from === 'cancelled' || from === 'completed') return `the training day is ${from}`;
  if (to === 'cancelled') return 'cancel the training day instead (with a reason)';
  if (to === 'completed') return 'a training day completes when its follow-ups are done';
  if (!PHASE_ORDER.includes(to)) return `unknown phase "${String(to)}"`;
  if (phaseRank(to) <= phaseRank(from)) return `the training day is already ${from}`;
  if (
    phaseRank(from) < phaseRank('invitations-open') &&
    phaseRank(to) > phaseRank('invitations-open')
  )
    return 'open the invitations first';
  if (to === 'following-up' && from !== 'closed') return 'close the day first';
  return undefined;
}

import type { TrainingDayPhase } from '../domain/training-day';

/**
 * The read model of training days in Redis. Workflows publish their status here through
 * `publishTrainingDayStatus`; the dashboard, the API and `multaqa event status` read it
 * without loading Temporal. Every key starts with the configured prefix.
 */
export function projectionKeys(prefix: string) {
  return {
    /** JSON `TrainingDayProjection` of one training day. */
    status: (eventId: string) => `${prefix}read-model:training-day:${eventId}`,
    /** Every projected training day, scored by start time (ms). */
    all: `${prefix}read-model:training-days`,
    /** Training days in one phase, scored by start time (ms). */
    byPhase: (phase: TrainingDayPhase) => `${prefix}read-model:training-days:phase:${phase}`,
    /** Pub/sub channel: a `TrainingDayChange` JSON after every stored change. */
    changes: `${prefix}read-model:changes`,
  };
}

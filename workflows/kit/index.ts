/**
 * The workflow kit: what every workflow in this folder writes the same way. Failures
 * (`refuse`, `parseCommand`), activity proxies (one named option set per kind), the clock
 * (`Alarm`, never `condition(fn, timeout)`), recipients, signals and report throttling.
 * Tuning defaults live in `domain/workflow-tuning`.
 */
export * from './activities';
export * from './clock';
export * from './failures';
export * from './recipients';
export * from './report-throttle';
export * from './signals';
export { DEFAULT_TUNING, resolveTuning, type ResolvedTuning } from '../../domain/workflow-tuning';

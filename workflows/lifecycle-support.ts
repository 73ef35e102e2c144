/**
 * Kept only for `invitation-shard.ts`, which another change is editing: everything here now
 * lives in `./kit`. Import from `./kit`; remove this file once the shard does.
 */
export {
  Alarm,
  DEFAULT_TUNING,
  HOUR_MS,
  MINUTE_MS,
  coordinatorRecipient,
  earliest,
  inBatches,
  isoNow,
  now,
  refuse,
  refuseInput,
  resolveTuning,
  runIsLarge,
  signalQuietly,
  type ResolvedTuning,
} from './kit';

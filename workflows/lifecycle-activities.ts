/** Kept only for `invitation-shard.ts` (see `lifecycle-support.ts`): import from `./kit`. */
export { directory, mailBatch } from './kit';

/** Kept only for `invitation-shard.ts` (see `lifecycle-support.ts`): import from `./kit`. */
import { ACTIVITY_OPTIONS } from './kit';

export { directory, mail, mailBatch, readModel } from './kit';
export const MESSAGE_OPTIONS = ACTIVITY_OPTIONS.message;
export const BATCH_OPTIONS = ACTIVITY_OPTIONS.mailBatch;
export const DIRECTORY_OPTIONS = ACTIVITY_OPTIONS.directory;
export const READ_MODEL_OPTIONS = ACTIVITY_OPTIONS.readModel;

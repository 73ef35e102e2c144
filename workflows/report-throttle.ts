/** Kept only for `invitation-shard.ts` (see `lifecycle-support.ts`): import from `./kit`. */
export { ReportThrottle } from './kit/report-throttle';

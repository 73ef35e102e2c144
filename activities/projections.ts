import { Context } from '@temporalio/activity';
import type { ActivityDependencies } from './dependencies';
import type { TrainingDayStatus } from '../domain/messages/training-day';
import { storeTrainingDayProjection } from '../stores/read-model';
import { readModelLagHistogram } from '../observability/product-metrics';

/** The version of a publication: when the activity was scheduled, or now outside an activity. */
function publicationVersion(now: () => Date): number {
  try {
    return Context.current().info.scheduledTimestampMs;
  } catch {
    return now().getTime();
  }
}

export function createProjectionActivities(deps: ActivityDependencies) {
  const now = deps.now ?? (() => new Date());
  return {
    /**
     * Stores the training day's status in Redis and announces the change (dashboard, status
     * reads). Idempotent: a retry stores the same version again; an older publication arriving
     * after a newer one is ignored.
     */
    async publishTrainingDayStatus(status: TrainingDayStatus): Promise<void> {
      const version = publicationVersion(now);
      await storeTrainingDayProjection(deps.redis, deps.config.REDIS_PREFIX, status, {
        version,
        now: now(),
      });
      // From the workflow scheduling the publication to readers being able to see it.
      readModelLagHistogram.observe(Math.max(0, now().getTime() - version) / 1000);
    },
  };
}

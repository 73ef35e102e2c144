import { Context } from '@temporalio/activity';
import type { Redis } from 'ioredis';
import type { ActivityDependencies } from './dependencies';
import type { TrainingDayStatus } from '../domain/messages/training-day';
import { projectionKeys } from '../stores/projection-keys';
import { TRAINING_DAY_PHASES, type TrainingDayPhase } from '../domain/training-day';

// The keys live on their own so readers (the CLI) can use them without loading Temporal.
export { projectionKeys } from '../stores/projection-keys';

/** What the read model keeps of a training day. */
export interface TrainingDayProjection {
  status: TrainingDayStatus;
  /** When it was stored (wall clock of the writer). */
  publishedAt: string;
  /**
   * Orders writes: the workflow time at which the publishing activity was scheduled. A retried
   * older publication never overwrites a newer one.
   */
  version: number;
}

/** The notice published on the changes channel. */
export interface TrainingDayChange {
  eventId: string;
  phase: TrainingDayPhase;
  version: number;
}

// Atomic so a reader never sees the status of one write with the phase index of another, and
// so the version check and the write cannot interleave with a concurrent publication.
const STORE_SCRIPT = `
local current = redis.call('GET', KEYS[1])
if current and ARGV[6] ~= '1' then
  local stored = cjson.decode(current)
  if tonumber(stored['version']) > tonumber(ARGV[3]) then return 0 end
end
redis.call('SET', KEYS[1], ARGV[2])
redis.call('ZADD', KEYS[2], ARGV[5], ARGV[1])
for index = 3, #KEYS do
  if KEYS[index] == ARGV[4] then
    redis.call('ZADD', KEYS[index], ARGV[5], ARGV[1])
  else
    redis.call('ZREM', KEYS[index], ARGV[1])
  end
end
redis.call('PUBLISH', ARGV[7], ARGV[8])
return 1
`;

/**
 * Stores a training day's status in the read model, keeps the phase index, and publishes a
 * change notice. Returns false when a newer version is already stored (nothing changes).
 * `force` writes regardless of versions (the rebuild command).
 */
export async function storeTrainingDayProjection(
  redis: Redis,
  prefix: string,
  status: TrainingDayStatus,
  options: { version: number; force?: boolean; now?: Date },
): Promise<boolean> {
  const keys = projectionKeys(prefix);
  const projection: TrainingDayProjection = {
    status,
    publishedAt: (options.now ?? new Date()).toISOString(),
    version: options.version,
  };
  const change: TrainingDayChange = {
    eventId: status.eventId,
    phase: status.phase,
    version: options.version,
  };
  const score = Date.parse(status.startsAt);
  const stored = await redis.eval(
    STORE_SCRIPT,
    2 + TRAINING_DAY_PHASES.length,
    keys.status(status.eventId),
    keys.all,
    ...TRAINING_DAY_PHASES.map((phase) => keys.byPhase(phase)),
    status.eventId,
    JSON.stringify(projection),
    String(options.version),
    keys.byPhase(status.phase),
    String(Number.isFinite(score) ? score : 0),
    options.force ? '1' : '0',
    keys.changes,
    JSON.stringify(change),
  );
  return stored === 1;
}

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
      await storeTrainingDayProjection(deps.redis, deps.config.REDIS_PREFIX, status, {
        version: publicationVersion(now),
        now: now(),
      });
    },
  };
}

import type { Redis } from 'ioredis';
import type { TrainingDayStatus } from '../domain/messages/training-day';
import { TRAINING_DAY_PHASES, type TrainingDayPhase } from '../domain/training-day';

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

/** One line of the list of training days. */
export interface TrainingDaySummary {
  eventId: string;
  title: TrainingDayProjection['status']['title'];
  phase: TrainingDayPhase;
  startsAt: string;
  timeZone: string;
  invited: number;
  accepted: number;
  declined: number;
  waitlisted: number;
  pending: number;
  seatsTaken: number;
  capacity: number;
  checkedIn: number;
  publishedAt: string;
}

/** Reads the projections that workflows publish (written by `storeTrainingDayProjection`). */
export class TrainingDayReadModel {
  private readonly keys: ReturnType<typeof projectionKeys>;

  constructor(
    private readonly redis: Redis,
    prefix: string,
  ) {
    this.keys = projectionKeys(prefix);
  }

  get changesChannel(): string {
    return this.keys.changes;
  }

  /** The stored projection of a training day, or undefined when none was published. */
  async get(eventId: string): Promise<TrainingDayProjection | undefined> {
    const raw = await this.redis.get(this.keys.status(eventId));
    return raw ? (JSON.parse(raw) as TrainingDayProjection) : undefined;
  }

  /** How many training days are in each phase. */
  async countByPhase(): Promise<Record<TrainingDayPhase, number>> {
    const counts = await Promise.all(
      TRAINING_DAY_PHASES.map((phase) => this.redis.zcard(this.keys.byPhase(phase))),
    );
    return Object.fromEntries(
      TRAINING_DAY_PHASES.map((phase, index) => [phase, counts[index] ?? 0]),
    ) as Record<TrainingDayPhase, number>;
  }

  /** Training days by start date, optionally of one phase. */
  async list(
    options: { phase?: TrainingDayPhase; limit?: number } = {},
  ): Promise<TrainingDaySummary[]> {
    const index = options.phase ? this.keys.byPhase(options.phase) : this.keys.all;
    const ids = await this.redis.zrange(index, 0, String((options.limit ?? 1000) - 1));
    if (ids.length === 0) return [];
    const raws = await this.redis.mget(...ids.map((id) => this.keys.status(id)));
    const summaries: TrainingDaySummary[] = [];
    for (const raw of raws) {
      if (raw) summaries.push(summarise(JSON.parse(raw) as TrainingDayProjection));
    }
    return summaries;
  }
}

/** The list view of a projection. */
export function summarise(projection: TrainingDayProjection): TrainingDaySummary {
  const { status } = projection;
  return {
    eventId: status.eventId,
    title: status.title,
    phase: status.phase,
    startsAt: status.startsAt,
    timeZone: status.timeZone,
    invited: status.registration.invited,
    accepted: status.registration.accepted,
    declined: status.registration.declined,
    waitlisted: status.registration.waitlisted,
    pending: status.registration.pending,
    seatsTaken: status.registration.seatsTaken,
    capacity: status.registration.capacity,
    checkedIn: status.attendance.checkedIn,
    publishedAt: projection.publishedAt,
  };
}

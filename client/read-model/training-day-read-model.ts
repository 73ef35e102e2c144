import type { Redis } from 'ioredis';
import { projectionKeys } from '../../stores/projection-keys';
import type { TrainingDayProjection } from '../../activities/projections';
import type { Config } from '../../domain/config';
import type { TrainingDayPhase } from '../../domain/training-day';

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

/** Reads the projections that workflows publish (see activities/projections.ts). */
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

/** Training days known to the read model, by date, optionally of one phase. */
export async function listTrainingDays(
  connections: { config: Pick<Config, 'REDIS_PREFIX'>; redis: Redis },
  options: { phase?: TrainingDayPhase } = {},
): Promise<TrainingDaySummary[]> {
  return new TrainingDayReadModel(connections.redis, connections.config.REDIS_PREFIX).list(options);
}

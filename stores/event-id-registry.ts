import type { Redis } from 'ioredis';
import { z } from 'zod';
import { RedisScript } from './redis-script';

/** One use of an event id: when it was claimed, and the generation the day carries. */
export interface EventIdClaim {
  eventId: string;
  /** Unique to this creation of the id: the moment of the claim, in ms since the epoch. */
  generation: number;
  claimedAt: string;
  /** Who claimed it; a claimant that asks again (an activity retried) gets its own claim back. */
  owner?: string;
}

export type EventIdClaimOutcome =
  | { claimed: true; claim: EventIdClaim }
  /** The id was used before (by a day running, finished or cancelled): it is never reused. */
  | { claimed: false; existing: EventIdClaim };

const StoredClaimSchema = z.object({
  generation: z.number().int().positive(),
  claimedAt: z.string(),
  owner: z.string().optional(),
});

function stored(claim: EventIdClaim): string {
  return JSON.stringify({
    generation: claim.generation,
    claimedAt: claim.claimedAt,
    ...(claim.owner ? { owner: claim.owner } : {}),
  });
}

// Deletes a claim only if it is still the one given: a failed start gives its own claim back,
// never one another process made meanwhile.
const RELEASE = new RedisScript(`if redis.call('HGET', KEYS[1], ARGV[1]) == ARGV[2] then
  return redis.call('HDEL', KEYS[1], ARGV[1])
end
return 0`);

/**
 * Every event id ever given to a training day, kept for good (no expiry): Temporal forgets a
 * closed workflow after its retention period, and then `REJECT_DUPLICATE` alone would let a
 * cancelled day's id start again. Today in one Redis hash (`REDIS_PREFIX + event-ids`); the
 * three methods are all a move to another store has to provide.
 */
export class EventIdRegistry {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  private get key(): string {
    return `${this.prefix}event-ids`;
  }

  /**
   * Claims `eventId` for a new day, atomically: of two racing claims, one wins. An `owner` that
   * claimed the id before gets that claim back (a retried activity), anyone else the refusal.
   */
  async claim(
    eventId: string,
    options: { owner?: string; now?: Date } = {},
  ): Promise<EventIdClaimOutcome> {
    const now = options.now ?? new Date();
    const claim: EventIdClaim = {
      eventId,
      generation: now.getTime(),
      claimedAt: now.toISOString(),
      ...(options.owner ? { owner: options.owner } : {}),
    };
    if ((await this.redis.hsetnx(this.key, eventId, stored(claim))) === 1)
      return { claimed: true, claim };
    const existing = await this.find(eventId);
    // Released between our two calls: the id is free again, so try once more.
    if (!existing) return this.claim(eventId, options);
    if (options.owner && existing.owner === options.owner)
      return { claimed: true, claim: existing };
    return { claimed: false, existing };
  }

  /** Gives a claim back when its day could not be started at all (nothing of it exists). */
  async release(claim: EventIdClaim): Promise<void> {
    await RELEASE.run(this.redis, [this.key], [claim.eventId, stored(claim)]);
  }

  /** The claim of `eventId`, if it was ever used. */
  async find(eventId: string): Promise<EventIdClaim | undefined> {
    const value = await this.redis.hget(this.key, eventId);
    if (value === null) return undefined;
    const parsed = StoredClaimSchema.parse(JSON.parse(value));
    return { eventId, ...parsed };
  }
}

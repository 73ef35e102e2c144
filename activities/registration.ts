import { randomUUID } from 'node:crypto';
import { Context } from '@temporalio/activity';
import type { Redis } from 'ioredis';
import type { ActivityDependencies } from './dependencies';
import { AssociationDirectory } from '../stores/association-directory';
import { associationContact, type Association } from '../domain/association';
import type { InvitationPlan, Invitee } from '../domain/messages/registration';
import type { Audience } from '../domain/training-day';
import { INVITATION_SHARD_SIZE, shardCountFor, shardOf } from '../domain/workflow-ids';

/** How long invitee pages stay in Redis: shards read them once, right after the plan. */
const PAGE_TTL_SECONDS = 90 * 24 * 3600;
const WRITE_CHUNK = 1000;

/** Redis keys of one training day's invitation campaign. */
export function invitationKeys(prefix: string, eventId: string) {
  const base = `${prefix}event:${eventId}:invitations`;
  return {
    /** The campaign's plan (JSON `InvitationPlan`), written once: its presence makes planning idempotent. */
    plan: `${base}:plan`,
    /** A fresh generation of pages, so a retried plan never mixes with a half-written one. */
    pagesPrefix: (generation: string) => `${base}:${generation}:shard:`,
  };
}

/**
 * The fewest shards (at least `shardCountFor`) such that hashing every id with `shardOf` puts
 * no more than `INVITATION_SHARD_SIZE` in any of them.
 */
export function shardCountForIds(ids: readonly string[]): number {
  for (let count = shardCountFor(ids.length); ; count += 1) {
    const sizes = new Array<number>(count).fill(0);
    let fits = true;
    for (const id of ids) {
      const shard = shardOf(id, count);
      sizes[shard] = (sizes[shard] ?? 0) + 1;
      if (sizes[shard]! > INVITATION_SHARD_SIZE) {
        fits = false;
        break;
      }
    }
    if (fits) return count;
  }
}

const toInvitee: (association: Association) => Invitee = associationContact;

function heartbeat(details: unknown): void {
  try {
    Context.current().heartbeat(details);
  } catch {
    // Called outside an activity (tests of the function itself): nothing to heartbeat.
  }
}

async function writePages(
  redis: Redis,
  directory: AssociationDirectory,
  ids: readonly string[],
  shardCount: number,
  pagesPrefix: string,
): Promise<Pick<InvitationPlan, 'byProvince' | 'bySector' | 'invitees'>> {
  const byProvince: Record<string, number> = {};
  const bySector: Record<string, number> = {};
  let invitees = 0;
  for (let start = 0; start < ids.length; start += WRITE_CHUNK) {
    const chunk = ids.slice(start, start + WRITE_CHUNK);
    const records = await directory.getMany(chunk);
    const transaction = redis.multi();
    for (const record of records) {
      if (!record) continue; // removed from the directory since its segment was read
      invitees += 1;
      byProvince[record.province] = (byProvince[record.province] ?? 0) + 1;
      bySector[record.sector] = (bySector[record.sector] ?? 0) + 1;
      transaction.rpush(
        `${pagesPrefix}${shardOf(record.id, shardCount)}`,
        JSON.stringify(toInvitee(record)),
      );
    }
    await transaction.exec();
    heartbeat({ written: start + chunk.length });
  }
  const expiry = redis.multi();
  for (let shard = 0; shard < shardCount; shard += 1)
    expiry.expire(`${pagesPrefix}${shard}`, PAGE_TTL_SECONDS);
  await expiry.exec();
  return { byProvince, bySector, invitees };
}

export function createRegistrationActivities(deps: ActivityDependencies) {
  const prefix = deps.config.REDIS_PREFIX;
  const directory = new AssociationDirectory(deps.redis, prefix);
  return {
    /**
     * Splits a training day's audience into invitation shards and writes each shard's invitees
     * as a Redis list, so no invitee list ever travels through Temporal as one payload.
     * Idempotent: once a plan is stored, every later call returns it unchanged. A plan with no
     * invitee is returned but not stored.
     */
    async planInvitations(input: { eventId: string; audience: Audience }): Promise<InvitationPlan> {
      const keys = invitationKeys(prefix, input.eventId);
      const existing = await deps.redis.get(keys.plan);
      if (existing) return JSON.parse(existing) as InvitationPlan;

      const unique = new Set<string>();
      for await (const page of directory.audienceIds(input.audience)) {
        for (const id of page) unique.add(id);
        heartbeat({ read: unique.size });
      }
      // Sorted so every association lands in the same place whichever order Redis returns.
      const ids = [...unique].sort();
      // An empty audience is not kept: the day looks again once associations are imported.
      if (ids.length === 0)
        return { shardCount: 0, invitees: 0, inviteesKeyPrefix: '', byProvince: {}, bySector: {} };
      const shardCount = shardCountForIds(ids);
      const pagesPrefix = keys.pagesPrefix(randomUUID().slice(0, 8));
      const written = await writePages(deps.redis, directory, ids, shardCount, pagesPrefix);
      const plan: InvitationPlan = { shardCount, inviteesKeyPrefix: pagesPrefix, ...written };
      const stored = await deps.redis.set(
        keys.plan,
        JSON.stringify(plan),
        'EX',
        PAGE_TTL_SECONDS,
        'NX',
      );
      if (stored === 'OK') return plan;
      // A concurrent attempt stored its plan first: use it, drop ours.
      const winner = JSON.parse((await deps.redis.get(keys.plan))!) as InvitationPlan;
      const cleanup = deps.redis.multi();
      for (let shard = 0; shard < shardCount; shard += 1) cleanup.del(`${pagesPrefix}${shard}`);
      await cleanup.exec();
      return winner;
    },

    /**
     * Reads one page of a shard's invitees. Pages keep each payload small (at most `limit`
     * invitees) whatever the shard's size.
     */
    async loadInvitees(
      key: string,
      page: { offset: number; limit: number } = { offset: 0, limit: INVITATION_SHARD_SIZE },
    ): Promise<{ invitees: Invitee[]; total: number }> {
      if (!key.startsWith(prefix)) throw new Error(`invitee key outside ${prefix}: ${key}`);
      const [total, raws] = await Promise.all([
        deps.redis.llen(key),
        deps.redis.lrange(key, page.offset, page.offset + page.limit - 1),
      ]);
      return { invitees: raws.map((raw) => JSON.parse(raw) as Invitee), total };
    },

    /** One association of the directory, or null when there is none with this id. */
    async getAssociation(id: string): Promise<Association | null> {
      return (await directory.get(id)) ?? null;
    },
  };
}

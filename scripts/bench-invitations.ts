import { Redis } from 'ioredis';
import { randomUUID } from 'node:crypto';
import { parseConfig } from '../domain/config';
import type { Association } from '../domain/association';
import { loadTaxonomy } from '../client/taxonomy-file';
import { INVITATION_SHARD_SIZE } from '../domain/workflow-ids';
import { AssociationDirectory } from '../stores/association-directory';
import { createRegistrationActivities } from '../activities/registration';
import type { ActivityDependencies } from '../activities/dependencies';

/**
 * Benchmark: a campaign to N associations (default 200,000) — directory import, planning into
 * invitation shards, and the largest payload a shard ever loads — on the real Redis.
 *   npm run build && node dist/scripts/bench-invitations.js [N]
 */
async function main(): Promise<void> {
  const total = Number(process.argv[2] ?? 200_000);
  const prefix = `multaqa-bench:${randomUUID().slice(0, 8)}:`;
  const config = parseConfig({ ...process.env, REDIS_PREFIX: prefix });
  const redis = new Redis(config.REDIS_URL);
  const sectors = loadTaxonomy().sectors.map((sector) => sector.id);
  const provinces = [
    'Safi',
    'Youssoufia',
    'Marrakech',
    'El Kelaa des Sraghna',
    'Essaouira',
    'Chichaoua',
    'Al Haouz',
    'Rehamna',
  ];
  const languages = ['ar', 'fr', 'en'] as const;
  try {
    const directory = new AssociationDirectory(redis, prefix);
    const associations: Association[] = Array.from({ length: total }, (_, index) => ({
      id: `association-${index}`,
      name: `جمعية رقم ${index} — Association n° ${index}`,
      sector: sectors[index % sectors.length]!,
      province: provinces[index % provinces.length]!,
      email: `association-${index}@example.org`,
      preferredLanguage: languages[index % languages.length]!,
      memberOfChamber: true,
    }));
    let started = process.hrtime.bigint();
    await directory.upsert(associations);
    const importMs = Number(process.hrtime.bigint() - started) / 1e6;

    const activities = createRegistrationActivities({
      config,
      redis,
    } as unknown as ActivityDependencies);
    const rssBefore = process.memoryUsage().rss;
    started = process.hrtime.bigint();
    const plan = await activities.planInvitations({
      eventId: 'bench',
      audience: { provinces, sectors },
    });
    const planMs = Number(process.hrtime.bigint() - started) / 1e6;
    const rssAfter = process.memoryUsage().rss;

    let largestShard = 0;
    let largestPayload = 0;
    for (let shard = 0; shard < plan.shardCount; shard += 1) {
      const page = await activities.loadInvitees(`${plan.inviteesKeyPrefix}${shard}`);
      largestShard = Math.max(largestShard, page.total);
      largestPayload = Math.max(largestPayload, Buffer.byteLength(JSON.stringify(page)));
    }
    const figures = {
      associations: total,
      importPerSecond: Math.round(total / (importMs / 1000)),
      planMs: Math.round(planMs),
      invitees: plan.invitees,
      shards: plan.shardCount,
      largestShard,
      shardSizeLimit: INVITATION_SHARD_SIZE,
      largestShardPayloadKiB: Math.round(largestPayload / 1024),
      planRssGrowthMiB: Math.round((rssAfter - rssBefore) / 2 ** 20),
    };
    console.log(JSON.stringify({ bench: 'invitations', ...figures }));
    if (largestShard > INVITATION_SHARD_SIZE || largestPayload > 256 * 1024) {
      throw new Error('a shard exceeds its size limit or Temporal payload warning (256 KiB)');
    }
  } finally {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 5000);
      cursor = next;
      if (keys.length > 0) await redis.del(...keys);
    } while (cursor !== '0');
    redis.disconnect();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

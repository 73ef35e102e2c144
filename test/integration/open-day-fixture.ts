import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { signLink, type LinkPurpose } from '../../mail/signed-links';
import { importAssociations } from '../../client/use-cases/import-associations';
import type { Connections } from '../../client/connections';
import { advanceDay } from '../../client/use-cases/training-day-changes';
import { createTrainingDay, readStatus } from '../../client/use-cases/training-days';
import type { TrainingDayPlan } from '../../domain/training-day';
import { shardOf } from '../../domain/workflow-ids';
import { TEST_LINK_SECRET } from '../support/stack';
import { uniqueId } from '../support/temporal';
import { eventually } from '../support/workflow-harness';

const ROOT = resolve(__dirname, '..', '..');
export const SEED_FILE = resolve(ROOT, 'examples', 'safi-2018-11-23.json');
export const SEED = JSON.parse(readFileSync(SEED_FILE, 'utf8'));
export const ASSOCIATIONS_CSV = readFileSync(resolve(ROOT, 'examples', 'associations.csv'), 'utf8');

/** A date `days` ahead, so the day is still to come and its invitations go out. */
export function futureDate(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * The seed day under a fresh id, thirty days ahead, with its invitations out to the example
 * associations (imported first): created through `createTrainingDay`, as a coordinator would.
 */
export async function openInvitations(
  connections: Connections,
  name: string,
): Promise<{ eventId: string; plan: TrainingDayPlan; shards: number }> {
  await importAssociations(connections, ASSOCIATIONS_CSV);
  const { eventId, plan } = await createTrainingDay(
    connections,
    { ...SEED, id: uniqueId(name) },
    { date: futureDate(30) },
  );
  await eventually(
    () => advanceDay(connections, eventId, { to: 'invitations-open', reason: 'test' }),
    () => true,
    'invitations open',
    30_000,
  );
  const { status } = await eventually(
    () => readStatus(connections, eventId, { live: true }),
    ({ status: live }) => live.registration.shards > 0 && live.registration.invited > 0,
    'invitations sent',
    30_000,
  );
  return { eventId, plan, shards: status.registration.shards };
}

/** `/links/<purpose>/<token>` for an invitee, signed as the day's emails sign it, for an hour. */
export function linkPath(
  purpose: LinkPurpose,
  day: { eventId: string; shards: number; generation: number | undefined },
  associationId: string,
): string {
  const token = signLink(
    {
      purpose,
      eventId: day.eventId,
      associationId,
      shard: shardOf(associationId, day.shards),
      generation: day.generation,
      expiresAt: Math.floor(Date.now() / 1000) + 3600,
    },
    TEST_LINK_SECRET,
  );
  return `/links/${purpose}/${token}`;
}

import { associationContact, type Association } from '../../domain/association';
import { ErrorCodes } from '../../domain/errors';
import { tableFailure } from '../failures';
import type { VisitAssociation } from '../../domain/networking-visit';
import type { VisitCandidate } from '../../domain/visit-pairing';
import { AssociationDirectory } from '../../stores/association-directory';
import type { ActivityDependencies } from '../dependencies';
import { checkedInAssociations, previousEventIds } from './attendees';

export const toVisitAssociation: (association: Association) => VisitAssociation =
  associationContact;

/**
 * The associations that attended `eventId` and can be reached (they are in the directory;
 * walk-ins that never registered cannot be invited), with their experience: how many days of
 * the programme they attended, this one and up to five before it.
 */
export async function listVisitCandidates(
  deps: ActivityDependencies,
  input: { eventId: string },
): Promise<VisitCandidate[]> {
  const attended = await checkedInAssociations(deps.temporal, input.eventId);
  if (attended.size === 0) return [];
  const ids = [...attended.keys()].sort();
  const directory = new AssociationDirectory(deps.redis, deps.config.REDIS_PREFIX);
  const records = await directory.getMany(ids);
  const daysAttended = new Map(ids.map((id) => [id, 1]));
  for (const previous of await previousEventIds(deps.temporal, input.eventId)) {
    for (const id of (await checkedInAssociations(deps.temporal, previous)).keys()) {
      const days = daysAttended.get(id);
      if (days !== undefined) daysAttended.set(id, days + 1);
    }
  }
  const candidates: VisitCandidate[] = [];
  records.forEach((record, index) => {
    const id = ids[index]!;
    if (!record) return;
    candidates.push({
      ...toVisitAssociation(record),
      attendees: attended.get(id)?.attendees ?? 1,
      daysAttended: daysAttended.get(id) ?? 1,
    });
  });
  return candidates;
}

/** Host and visitors named by the coordinator, from the directory; fails on an unknown id. */
export async function describeAssociations(
  deps: ActivityDependencies,
  input: { ids: string[] },
): Promise<VisitAssociation[]> {
  const directory = new AssociationDirectory(deps.redis, deps.config.REDIS_PREFIX);
  const records = await directory.getMany(input.ids);
  const unknown = input.ids.filter((_, index) => !records[index]);
  if (unknown.length > 0)
    throw tableFailure(
      ErrorCodes.notFound,
      `unknown association${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}`,
    );
  return records.map((record) => toVisitAssociation(record!));
}

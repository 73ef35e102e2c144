import { AssociationDirectory } from '../../stores/association-directory';
import { listPossibleDuplicates, type PossibleDuplicate } from '../../stores/possible-duplicates';
import { listUndeliverable, type UndeliverableAddress } from '../../stores/undeliverable-register';
import { pickText, SlugSchema } from '../../domain/common';
import type { RecipientKind } from '../../domain/messages/mail';
import type { TrainingDayStatus } from '../../domain/messages/training-day';
import type { Connections } from '../connections';
import { readStatus } from './training-days';
import { parseOrThrow } from '../validation';

/** A refused address, with the name the coordinator knows the recipient by. */
export type UndeliverableView = UndeliverableAddress & { recipientName: string };

/** A message that may have reached its recipient twice, with the recipient's name. */
export type PossibleDuplicateView = PossibleDuplicate & { recipientName: string };

/** What went wrong with a training day's messages, newest first. */
export interface DeliveryProblems {
  eventId: string;
  /** The day's time zone, to show `at` as wall-clock time. */
  timeZone: string;
  undeliverable: UndeliverableView[];
  possibleDuplicates: PossibleDuplicateView[];
}

interface Recipient {
  recipientKind: RecipientKind;
  recipientId: string;
  at: string;
}

/**
 * The delivery problems of a training day: addresses refused for good (recorded against
 * their recipient while the campaign goes on) and messages resent after a sender died
 * mid-send. NotFound when there is no such training day; empty lists when nothing went wrong.
 */
export async function readDeliveryProblems(
  connections: Connections,
  eventId: string,
): Promise<DeliveryProblems> {
  parseOrThrow(SlugSchema, eventId, 'eventId');
  const { redis, config } = connections;
  const [{ status }, undeliverable, possibleDuplicates] = await Promise.all([
    readStatus(connections, eventId),
    listUndeliverable(redis, config.REDIS_PREFIX, eventId),
    listPossibleDuplicates(redis, config.REDIS_PREFIX, eventId),
  ]);
  const nameOf = await recipientNames(connections, status, [
    ...undeliverable,
    ...possibleDuplicates,
  ]);
  const named = <Entry extends Recipient>(entries: Entry[]) =>
    entries
      .map((entry) => ({ ...entry, recipientName: nameOf(entry) }))
      .sort(
        (a, b) =>
          b.at.localeCompare(a.at) ||
          a.recipientName.localeCompare(b.recipientName) ||
          a.recipientId.localeCompare(b.recipientId),
      );
  return {
    eventId,
    timeZone: status.timeZone,
    undeliverable: named(undeliverable),
    possibleDuplicates: named(possibleDuplicates),
  };
}

/** Names from the association directory and the day's partners and speakers; else the id. */
async function recipientNames(
  connections: Connections,
  status: TrainingDayStatus,
  entries: readonly Recipient[],
): Promise<(entry: Recipient) => string> {
  const associationIds = [
    ...new Set(
      entries
        .filter((entry) => entry.recipientKind === 'association')
        .map((entry) => entry.recipientId),
    ),
  ];
  const associations = await new AssociationDirectory(
    connections.redis,
    connections.config.REDIS_PREFIX,
  ).getMany(associationIds);
  const names = new Map<string, string>();
  associationIds.forEach((id, index) => {
    const association = associations[index];
    if (association) names.set(`association:${id}`, association.name);
  });
  for (const partner of status.partners)
    names.set(`partner:${partner.partnerId}`, pickText(partner.name, 'en', ['fr', 'ar']));
  for (const slot of status.speakers) names.set(`speaker:${slot.speakerId}`, slot.speakerName);
  return (entry) =>
    names.get(`${entry.recipientKind}:${entry.recipientId}`) ??
    (entry.recipientKind === 'coordinator' ? 'coordinator' : entry.recipientId);
}

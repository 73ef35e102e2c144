import { AssociationDirectory } from '../../stores/association-directory';
import { listPossibleDuplicates, type PossibleDuplicate } from '../../stores/possible-duplicates';
import {
  listUndeliverable,
  recordUndeliverable,
  type UndeliverableAddress,
} from '../../stores/undeliverable-register';
import { messageOfBounceTag, tagInBounceAddress } from '../../stores/bounce-tags';
import { MAIL_RECORD_RETENTION_SECONDS } from '../../stores/send-ledger';
import { z } from 'zod';
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

/** Bounces reported by the mail relay or a bounce mailbox (`POST /api/bounces`). */
export const BounceReportSchema = z
  .object({
    bounces: z
      .array(
        z
          .object({
            /** The envelope recipient of the bounce, `bounces+<tag>@domain`, or the tag alone. */
            address: z.string().min(1).max(320),
            reason: z.string().trim().min(1).max(500),
            /** A temporary failure (mailbox full) is not recorded: the address may work later. */
            permanent: z.boolean().default(true),
          })
          .strict(),
      )
      .min(1)
      .max(1000),
  })
  .strict();

export interface BounceOutcome {
  recorded: number;
  temporary: number;
  /** Addresses that name no message this deployment sent (or sent too long ago). */
  unknown: string[];
}

/**
 * Records asynchronous bounces: each bounce address names its message (VERP, see
 * SMTP_BOUNCE_ADDRESS), whose address is then listed as refused with the day's delivery
 * problems, as an address refused during sending is.
 */
export async function recordBounces(
  connections: Connections,
  input: unknown,
  now = new Date(),
): Promise<BounceOutcome> {
  const { bounces } = parseOrThrow(BounceReportSchema, input);
  const { redis, config } = connections;
  const outcome: BounceOutcome = { recorded: 0, temporary: 0, unknown: [] };
  for (const bounce of bounces) {
    const tag = tagInBounceAddress(bounce.address);
    const message = tag ? await messageOfBounceTag(redis, config.REDIS_PREFIX, tag) : undefined;
    if (!message) {
      outcome.unknown.push(bounce.address);
      continue;
    }
    if (!bounce.permanent) {
      outcome.temporary += 1;
      continue;
    }
    await recordUndeliverable(
      redis,
      config.REDIS_PREFIX,
      message.eventId,
      {
        recipientKind: message.recipientKind,
        recipientId: message.recipientId,
        email: message.email,
        purpose: message.purpose,
        revision: message.revision,
        reason: `bounced after delivery: ${bounce.reason}`,
        at: now.toISOString(),
      },
      MAIL_RECORD_RETENTION_SECONDS,
    );
    outcome.recorded += 1;
  }
  return outcome;
}

import type { Redis } from 'ioredis';
import type { MessagePurpose, RecipientKind } from '../domain/messages/mail';
import { recipientKey } from '../mail/message-identity';

/**
 * A message resent after its first attempt died while handing it to the SMTP server: the
 * recipient may have it twice (same Message-ID). Kept so the coordinator can know.
 */
export interface PossibleDuplicate {
  recipientKind: RecipientKind;
  recipientId: string;
  email: string;
  purpose: MessagePurpose;
  revision: number;
  messageId: string;
  at: string;
}

export function possibleDuplicatesKey(prefix: string, eventId: string): string {
  return `${prefix}mail:possible-duplicates:${eventId}`;
}

/** Records that a message is being resent after an attempt that may have delivered it. */
export async function recordPossibleDuplicate(
  redis: Redis,
  prefix: string,
  eventId: string,
  entry: PossibleDuplicate,
  retentionSeconds: number,
): Promise<void> {
  const key = possibleDuplicatesKey(prefix, eventId);
  const field = `${entry.purpose}|${entry.revision}|${recipientKey({ kind: entry.recipientKind, id: entry.recipientId })}`;
  await redis.multi().hset(key, field, JSON.stringify(entry)).expire(key, retentionSeconds).exec();
}

/** Every message of a training day that a recipient may have received twice. */
export async function listPossibleDuplicates(
  redis: Redis,
  prefix: string,
  eventId: string,
): Promise<PossibleDuplicate[]> {
  const all = await redis.hgetall(possibleDuplicatesKey(prefix, eventId));
  return Object.values(all).map((value) => JSON.parse(value) as PossibleDuplicate);
}

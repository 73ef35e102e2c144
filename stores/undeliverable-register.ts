import type { Redis } from 'ioredis';
import type { MessagePurpose, RecipientKind } from '../domain/messages/mail';
import { recipientKey } from '../mail/message-identity';

/** An address that refused a message for good, as the coordinator sees it. */
export interface UndeliverableAddress {
  recipientKind: RecipientKind;
  recipientId: string;
  email: string;
  purpose: MessagePurpose;
  revision: number;
  reason: string;
  at: string;
}

export function undeliverableKey(prefix: string, eventId: string): string {
  return `${prefix}mail:undeliverable:${eventId}`;
}

/**
 * Records a refused address against its recipient (latest refusal wins), so the coordinator
 * can see and correct it while the campaign goes on. Kept as long as the send ledger.
 */
export async function recordUndeliverable(
  redis: Redis,
  prefix: string,
  eventId: string,
  entry: UndeliverableAddress,
  retentionSeconds: number,
): Promise<void> {
  const key = undeliverableKey(prefix, eventId);
  await redis
    .multi()
    .hset(
      key,
      recipientKey({ kind: entry.recipientKind, id: entry.recipientId }),
      JSON.stringify(entry),
    )
    .expire(key, retentionSeconds)
    .exec();
}

/** Every refused address of a training day. */
export async function listUndeliverable(
  redis: Redis,
  prefix: string,
  eventId: string,
): Promise<UndeliverableAddress[]> {
  const all = await redis.hgetall(undeliverableKey(prefix, eventId));
  return Object.values(all).map((value) => JSON.parse(value) as UndeliverableAddress);
}

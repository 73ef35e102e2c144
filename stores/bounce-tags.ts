import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { MessagePurpose, RecipientKind } from '../domain/messages/mail';

/** Which message a bounce address stands for (VERP: one envelope sender per message). */
export interface BouncedMessage {
  eventId: string;
  recipientKind: RecipientKind;
  recipientId: string;
  email: string;
  purpose: MessagePurpose;
  revision: number;
}

/**
 * The tag of a message's bounce address: 20 hex digits of its Message-ID's hash. Lower case
 * (mail systems may fold the local part) and the same on every retry of the message.
 */
export function bounceTagOf(messageId: string): string {
  return createHash('sha256').update(messageId).digest('hex').slice(0, 20);
}

/** `bounces@chamber.example` + tag → `bounces+<tag>@chamber.example`. */
export function bounceAddress(base: string, tag: string): string {
  const at = base.lastIndexOf('@');
  return `${base.slice(0, at)}+${tag}@${base.slice(at + 1)}`;
}

/** The tag in a bounce address (`local+<tag>@domain`), or the tag itself; undefined if neither. */
export function tagInBounceAddress(value: string): string | undefined {
  const match = /^(?:[^@\s]*\+)?([0-9a-f]{20})(?:@[^@\s]+)?$/i.exec(value.trim());
  return match?.[1]?.toLowerCase();
}

function bounceKey(prefix: string, tag: string): string {
  return `${prefix}mail:bounce:${tag}`;
}

/** Remembers which message a tag stands for, as long as the send ledger keeps the message. */
export async function rememberBounceTag(
  redis: Redis,
  prefix: string,
  tag: string,
  message: BouncedMessage,
  retentionSeconds: number,
): Promise<void> {
  await redis.set(bounceKey(prefix, tag), JSON.stringify(message), 'EX', retentionSeconds);
}

export async function messageOfBounceTag(
  redis: Redis,
  prefix: string,
  tag: string,
): Promise<BouncedMessage | undefined> {
  const raw = await redis.get(bounceKey(prefix, tag));
  return raw ? (JSON.parse(raw) as BouncedMessage) : undefined;
}

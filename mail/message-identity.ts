import { createHash } from 'node:crypto';
import type { MessagePurpose, MessageRecipient } from '../domain/messages/mail';

/** What makes two messages the same message: sent once, whatever retries and crashes happen. */
export interface MessageIdentity {
  eventId: string;
  /** The day's generation (`EventBrief.generation`); absent for days created before them. */
  generation?: number;
  recipient: Pick<MessageRecipient, 'kind' | 'id'>;
  purpose: MessagePurpose;
  revision: number;
}

/** `kind:id`, how a recipient is named in keys and failure registers. */
export function recipientKey(recipient: Pick<MessageRecipient, 'kind' | 'id'>): string {
  return `${recipient.kind}:${recipient.id}`;
}

/**
 * The day a message belongs to: the event id, with its generation when it has one. Ledger keys
 * and fingerprints are scoped by it, so a later day created with the same id starts from an
 * empty ledger, while days without a generation keep the keys they have always used.
 */
export function dayScope(identity: Pick<MessageIdentity, 'eventId' | 'generation'>): string {
  return identity.generation === undefined
    ? identity.eventId
    : `${identity.eventId}@${identity.generation}`;
}

/** The hex SHA-256 of (day, recipient, purpose, revision): the message's stable fingerprint. */
export function messageFingerprint(identity: MessageIdentity): string {
  return createHash('sha256')
    .update(
      [
        dayScope(identity),
        recipientKey(identity.recipient),
        identity.purpose,
        String(identity.revision),
      ].join('|'),
    )
    .digest('hex');
}

/**
 * The RFC 5322 Message-ID, `<sha256@multaqa>`: deterministic, so a resend after a crash carries
 * the same id and mail systems that deduplicate by Message-ID fold it into the first.
 */
export function messageIdFor(identity: MessageIdentity): string {
  return `<${messageFingerprint(identity)}@multaqa>`;
}

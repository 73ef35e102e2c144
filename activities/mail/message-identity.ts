import { createHash } from 'node:crypto';
import type { MessagePurpose, MessageRecipient } from '../../domain/messages/mail';

/** What makes two messages the same message: sent once, whatever retries and crashes happen. */
export interface MessageIdentity {
  eventId: string;
  recipient: Pick<MessageRecipient, 'kind' | 'id'>;
  purpose: MessagePurpose;
  revision: number;
}

/** `kind:id`, how a recipient is named in keys and failure registers. */
export function recipientKey(recipient: Pick<MessageRecipient, 'kind' | 'id'>): string {
  return `${recipient.kind}:${recipient.id}`;
}

/** The hex SHA-256 of (event, recipient, purpose, revision): the message's stable fingerprint. */
export function messageFingerprint(identity: MessageIdentity): string {
  return createHash('sha256')
    .update(
      [
        identity.eventId,
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

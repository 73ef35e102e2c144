import type { EventBrief } from '../../domain/event-brief';
import type { MessageRecipient } from '../../domain/messages/mail';
import type { PartnerInstitution } from '../../domain/partner';

/**
 * The chamber's coordinator of the day, as the recipient of a message. With a `subject` (a
 * partner, a slot), the subject is part of the recipient's id so that messages of one purpose
 * about different subjects are different messages (exactly-once is per recipient and purpose);
 * without one, the id is plain `coordinator` (follow-ups scope their messages by revision).
 */
export function coordinatorRecipient(event: EventBrief, subject?: string): MessageRecipient {
  return {
    id: subject === undefined ? 'coordinator' : `coordinator-${subject}`,
    kind: 'coordinator',
    name: event.organiser.coordinatorName,
    email: event.organiser.coordinatorEmail,
    language: event.organiser.language,
  };
}

/** A partner institution's contact, as a recipient. */
export function partnerRecipient(partner: PartnerInstitution): MessageRecipient {
  return {
    id: partner.id,
    kind: 'partner',
    name: partner.contactName,
    email: partner.email,
    language: partner.language,
  };
}

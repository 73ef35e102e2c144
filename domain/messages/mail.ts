import type { Language, LocalizedText } from '../common';
import type { EventBrief } from '../event-brief';

/** Every kind of message multaqa sends. The purpose is part of each message's identity. */
export const MESSAGE_PURPOSES = [
  'partner-request',
  'partner-reminder',
  'partner-escalation',
  'partner-declined',
  'speaker-invitation',
  'speaker-reminder-to-answer',
  'speaker-confirmation',
  'speaker-replacement-needed',
  'speaker-agenda-change',
  'speaker-reminder',
  'association-invitation',
  'audience-empty',
  'rsvp-confirmation',
  'rsvp-decline-acknowledgement',
  'waitlist-notice',
  'waitlist-promotion',
  'waitlist-closed',
  'programme-change',
  'rsvp-reminder',
  'attendance-reminder',
  'reschedule-notice',
  'cancellation-notice',
  'thank-you-survey',
  'follow-up-reminder',
  'follow-up-escalation',
  'visit-invitation',
  'visit-confirmation',
  'visit-reminder',
  'coordination-digest',
] as const;
export type MessagePurpose = (typeof MESSAGE_PURPOSES)[number];

export type RecipientKind = 'partner' | 'speaker' | 'association' | 'coordinator';

export interface MessageRecipient {
  /** Stable id within its kind (association id, partner id, speaker id, `coordinator`). */
  id: string;
  kind: RecipientKind;
  name: string;
  email: string;
  language: Language;
  /** For associations: their invitation shard, carried in their signed links. */
  shard?: number;
}

/**
 * Where a recipient stands with the day when it changes: decides what a reschedule notice
 * says, whether it carries a calendar update (never to those who declined) and which links.
 */
export const RECIPIENT_STANDINGS = ['pending', 'accepted', 'waitlisted', 'declined'] as const;
export type RecipientStanding = (typeof RECIPIENT_STANDINGS)[number];

/** Purpose-specific content; each template reads the fields it needs. */
export interface MessageDetails {
  seats?: number;
  standing?: RecipientStanding;
  waitlistPosition?: number;
  agendaItemId?: string;
  partnerId?: string;
  /** The partner's name as the recipient should read it (escalations, declines). */
  partnerName?: string;
  speakerName?: string;
  /** An instant by which a partner or speaker is asked to answer. */
  answerBy?: string;
  note?: string;
  reason?: string;
  contributions?: string[];
  /** The provinces and sectors a day invites (`audience-empty`). */
  audience?: { provinces: string[]; sectors: string[] };
  followUp?: {
    recommendationId: string;
    text: string;
    /** The recommendation in several languages; picked for the recipient over `text`. */
    textByLanguage?: LocalizedText;
    dueAt?: string;
    status?: string;
  };
  visit?: {
    visitId: string;
    hostName: string;
    visitorNames: string[];
    date?: string;
    place?: string;
  };
  digest?: { items: Array<{ title: string; body: string }> };
}

export interface SendMessageRequest {
  purpose: MessagePurpose;
  event: EventBrief;
  recipient: MessageRecipient;
  /**
   * Distinguishes messages of the same purpose to the same recipient (a reschedule's revision,
   * a reminder's ordinal, an agenda revision). With event, recipient and purpose, it fixes the
   * Message-ID: the same four never send twice.
   */
  revision: number;
  details?: MessageDetails;
}

export type SendStatus = 'sent' | 'already-sent' | 'undeliverable';

export interface SendOutcome {
  status: SendStatus;
  messageId: string;
  /** Why the address was refused, when undeliverable. */
  reason?: string;
}

/** Many recipients, one purpose: invitations and notices to a shard of associations. */
export interface SendBatchRequest {
  purpose: MessagePurpose;
  event: EventBrief;
  recipients: MessageRecipient[];
  revision: number;
  details?: MessageDetails;
  /** Per-recipient details, by recipient id, merged over `details`. */
  detailsByRecipient?: Record<string, MessageDetails>;
}

export interface SendBatchResult {
  sent: number;
  alreadySent: number;
  undeliverable: Array<{ recipientId: string; reason: string }>;
  /** Set when this attempt resumed a crashed or retried one: the index it started from. */
  resumedFrom?: number;
}

import type { Language, LocalizedText } from '../../domain/common';
import type { MessageDetails, RecipientKind } from '../../domain/messages/mail';
import type { Direction, EventClock } from '../message-language';

/** One text in each language a message can be written in; the compiler checks none is missing. */
export type Translations = Readonly<Record<Language, string>>;

export interface MessageFact {
  label: string;
  value: string;
}

export interface MessageAction {
  label: string;
  url: string;
  /** A plain link rather than a button. */
  secondary?: boolean;
}

export interface AgendaLine {
  time: string;
  title: string;
  /** The recipient's own slot (a speaker's talk). */
  highlight?: boolean;
}

/** What a template says; the layout turns it into the plain-text and HTML parts. */
export interface MessageContent {
  subject: string;
  greeting: string;
  paragraphs: string[];
  /** Label/value lines: date, time, venue, deadline. */
  facts?: MessageFact[];
  /** A coordinator's or partner's own words, shown set apart. */
  quote?: { label: string; lines: string[] };
  /** Titled blocks (a coordination digest). */
  sections?: Array<{ title: string; lines: string[] }>;
  agenda?: { title: string; lines: AgendaLine[] };
  actions?: MessageAction[];
  /** Said after the buttons (what the links do, how long they last). */
  afterActions?: string[];
  /** Show the check-in QR code (the check-in link must be present). */
  checkInCode?: { caption: string };
}

/** The links of one message, already signed for its recipient. */
export interface MessageLinks {
  rsvp?: string;
  rsvpAccept?: string;
  rsvpDecline?: string;
  checkIn?: string;
  survey?: string;
  /** Campaign mail: the one-click opt-out from further invitations. */
  unsubscribe?: string;
  /** When the survey link closes, written in the message's language. */
  surveyUntil?: string;
}

/**
 * What a template sees. Every string value here is already made safe and bidi-isolated for
 * the message's direction, so a template cannot forget to; templates only arrange words.
 */
export interface TemplateContext {
  language: Language;
  direction: Direction;
  /** This message's language out of a text in all three. */
  tr(text: Translations): string;
  /** Makes a further user value safe and isolated (for values not already in the context). */
  v(value: string): string;
  /** A text of the day in several languages, picked along the recipient's fallback, made safe. */
  pick(text: LocalizedText): string;
  /** Quotation marks as the language writes them, around an already isolated value. */
  q(value: string): string;
  /** "3 participants", "٣ مشاركين": the seat count with the language's plural rules. */
  seats(count: number): string;
  /** A list joined as the language joins lists ("a, b et c"). */
  list(items: string[]): string;
  recipient: { kind: RecipientKind; name: string };
  day: {
    title: string;
    theme: string;
    organiser: string;
    venue: string;
    /** Venue name, address and city in one line. */
    place: string;
    date: string;
    /** "15:00–18:30". */
    time: string;
    start: string;
    end: string;
    /** The offset of the day's time zone ("UTC+1"), for readers in another zone. */
    zone: string;
    rsvpDeadline: string;
    /** Whether answers are still taken when the message is made (before the RSVP deadline). */
    rsvpOpen: boolean;
    /** Why the day was last moved or called off, in the coordinator's words, when given. */
    changeReason?: string;
    /** How many seats one association may ask for (the day's `seatsPerAssociation`). */
    seatsPerAssociation: number;
    coordinatorName: string;
  };
  /** The agenda slot `details.agendaItemId` names, when it exists. */
  slot?: { title: string; time: string; start: string; end: string };
  agenda: AgendaLine[];
  details: MessageDetails;
  links: MessageLinks;
  clock: EventClock;
}

/** A template: from the context, the content of one message of one purpose, in its language. */
export type MessageTemplate = (context: TemplateContext) => MessageContent;

import type { Language, LocalizedText } from '../domain/common';
import { ErrorCodes, MultaqaError } from '../domain/errors';
import type {
  MessagePurpose,
  RecipientStanding,
  SendMessageRequest,
} from '../domain/messages/mail';
import {
  buildCalendarFile,
  calendarUid,
  type CalendarMethod,
  type ParticipationStatus,
} from './calendar-file';
import { checkInQrPng } from './check-in-qr';
import { messageIdFor } from './message-identity';
import { CHECK_IN_QR_CID, layoutMessage } from './message-layout';
import {
  directionOf,
  eventClock,
  languageFallback,
  localText,
  LOCALES,
  placeLine,
  seatsText,
  type Direction,
} from './message-language';
import { issueLink, type IssuedLink, type LinkPurpose } from './signed-links';
import { MESSAGE_TEMPLATES, type TemplateContext } from './templates';
import type { AgendaLine, MessageLinks, Translations } from './templates/template-context';
import { isolate, singleLine } from './text-safety';

export interface RenderOptions {
  /** `LINK_SECRET`; required only for messages that carry links. */
  linkSecret?: string;
  /** Where link pages are served, see `publicBaseUrl`. */
  baseUrl: string;
  /** The render's clock: DTSTAMP and link expiry. Same inputs and `now`, same message. */
  now: Date;
  /** `LINK_TTL_DAYS` (default 60), the most an RSVP link lives (see `linkExpiry`). */
  linkTtlDays?: number;
}

export interface InlineImage {
  cid: string;
  filename: string;
  contentType: string;
  content: Buffer;
}

/** A message ready for SMTP, or for a coordinator to preview. */
export interface RenderedMessage {
  messageId: string;
  language: Language;
  direction: Direction;
  to: { name: string; address: string };
  replyTo: { name: string; address: string };
  /** The organiser's name in the message's language; its own address when the day has one. */
  from: { name: string; address?: string };
  subject: string;
  text: string;
  html: string;
  /** The `.ics` text, on messages that add, update or cancel the day in a calendar. */
  ics?: string;
  calendarMethod?: CalendarMethod;
  inlineImages: InlineImage[];
  /** Extra headers (the Message-ID is `messageId`). */
  headers: Record<string, string>;
  links: Partial<Record<LinkPurpose, IssuedLink>>;
}

/**
 * A message needs a link but no `LINK_SECRET` is configured: `InvalidConfiguration`, which no
 * retry mends (an activity fails with it at once).
 */
export class MissingLinkSecretError extends MultaqaError {
  constructor() {
    super(
      ErrorCodes.invalidConfiguration,
      'LINK_SECRET is not set: messages with RSVP, check-in or survey links cannot be made',
    );
    this.name = 'MissingLinkSecretError';
  }
}

/** Which signed links each purpose carries (to associations only). */
const LINKS_BY_PURPOSE: Partial<Record<MessagePurpose, readonly LinkPurpose[]>> = {
  // Campaign mail (unasked-for) carries an opt-out; what an association asked for does not.
  'association-invitation': ['rsvp', 'unsubscribe'],
  'rsvp-reminder': ['rsvp', 'unsubscribe'],
  'rsvp-confirmation': ['check-in', 'rsvp'],
  'waitlist-promotion': ['check-in', 'rsvp'],
  'attendance-reminder': ['check-in', 'rsvp'],
  'rsvp-decline-acknowledgement': ['rsvp'],
  'waitlist-notice': ['rsvp'],
  'reschedule-notice': ['rsvp'],
  'programme-change': ['rsvp'],
  'thank-you-survey': ['survey'],
};

interface CalendarUse {
  method: CalendarMethod;
  partstat: ParticipationStatus;
}

/** Which purposes carry the day's calendar entry, and how. */
const CALENDAR_BY_PURPOSE: Partial<Record<MessagePurpose, CalendarUse>> = {
  'association-invitation': { method: 'REQUEST', partstat: 'NEEDS-ACTION' },
  'speaker-invitation': { method: 'REQUEST', partstat: 'NEEDS-ACTION' },
  'rsvp-confirmation': { method: 'REQUEST', partstat: 'ACCEPTED' },
  'waitlist-promotion': { method: 'REQUEST', partstat: 'ACCEPTED' },
  'speaker-confirmation': { method: 'REQUEST', partstat: 'ACCEPTED' },
  // To a recipient whose answer we do not know (partners, speakers): the answer is asked again.
  'reschedule-notice': { method: 'REQUEST', partstat: 'NEEDS-ACTION' },
  'cancellation-notice': { method: 'CANCEL', partstat: 'NEEDS-ACTION' },
};

/**
 * A reschedule updates the entry where the recipient keeps one, with their answer as it
 * stands: a seated association stays ACCEPTED (a NEEDS-ACTION update would reset it, RFC 5546
 * §2.1.4). Those who declined get no REQUEST: it would put the day back in their calendar.
 */
const RESCHEDULE_CALENDAR: Record<RecipientStanding, CalendarUse | undefined> = {
  accepted: { method: 'REQUEST', partstat: 'ACCEPTED' },
  waitlisted: { method: 'REQUEST', partstat: 'TENTATIVE' },
  pending: { method: 'REQUEST', partstat: 'NEEDS-ACTION' },
  declined: undefined,
};

function calendarUseOf(request: SendMessageRequest): CalendarUse | undefined {
  const standing = request.details?.standing;
  if (request.purpose === 'reschedule-notice' && standing) return RESCHEDULE_CALENDAR[standing];
  return CALENDAR_BY_PURPOSE[request.purpose];
}

/** The links one message carries: a seated association's reschedule notice brings a new check-in code. */
function linkPurposesOf(request: SendMessageRequest): readonly LinkPurpose[] | undefined {
  if (request.recipient.kind !== 'association') return undefined;
  if (request.purpose === 'reschedule-notice' && request.details?.standing === 'accepted')
    return ['check-in', 'rsvp'];
  return LINKS_BY_PURPOSE[request.purpose];
}

/** The purposes whose messages carry links (for callers that must check `LINK_SECRET`). */
export function purposeCarriesLinks(purpose: MessagePurpose): boolean {
  return (LINKS_BY_PURPOSE[purpose]?.length ?? 0) > 0;
}

const QUOTES: Record<Language, [string, string]> = {
  ar: ['«', '»'],
  fr: ['«\u00a0', '\u00a0»'],
  en: ['\u201c', '\u201d'],
};

const listFormats = new Map<Language, Intl.ListFormat>();

function listText(language: Language, items: string[]): string {
  let format = listFormats.get(language);
  if (!format)
    listFormats.set(
      language,
      (format = new Intl.ListFormat(LOCALES[language], { type: 'conjunction' })),
    );
  return format.format(items);
}

function issueLinks(
  request: SendMessageRequest,
  options: RenderOptions,
): Partial<Record<LinkPurpose, IssuedLink>> {
  const purposes = linkPurposesOf(request);
  if (!purposes?.length) return {};
  if (!options.linkSecret) throw new MissingLinkSecretError();
  const issuer = {
    secret: options.linkSecret,
    baseUrl: options.baseUrl,
    now: options.now,
    ttlDays: options.linkTtlDays ?? 60,
  };
  const invitee = { associationId: request.recipient.id, shard: request.recipient.shard ?? 0 };
  const links: Partial<Record<LinkPurpose, IssuedLink>> = {};
  for (const purpose of purposes)
    links[purpose] = issueLink(purpose, request.event, invitee, issuer);
  return links;
}

/** Builds what a template sees: every value picked in the right language, safe and isolated. */
function templateContext(
  request: SendMessageRequest,
  language: Language,
  fallback: readonly Language[],
  links: Partial<Record<LinkPurpose, IssuedLink>>,
  now: Date,
): TemplateContext {
  const { event, recipient } = request;
  const details = request.details ?? {};
  const direction = directionOf(language);
  const clock = eventClock(event, language);
  const v = (value: string): string => isolate(value, direction);
  const pick = (text: LocalizedText | undefined): string => v(localText(text, fallback));
  const [open, close] = QUOTES[language];
  const agenda: AgendaLine[] = event.agenda.map((item) => {
    const at = event.agendaSchedule[item.id];
    return {
      time: v(at ? clock.timeRange(at.startsAt, at.endsAt) : `${item.start}\u2013${item.end}`),
      title: pick(item.title),
      highlight: details.agendaItemId !== undefined && item.id === details.agendaItemId,
    };
  });
  const slotItem = event.agenda.find((item) => item.id === details.agendaItemId);
  const slotTimes = slotItem ? event.agendaSchedule[slotItem.id] : undefined;
  const messageLinks: MessageLinks = {};
  if (links.rsvp) {
    messageLinks.rsvp = links.rsvp.url;
    messageLinks.rsvpAccept = `${links.rsvp.url}?answer=accept`;
    messageLinks.rsvpDecline = `${links.rsvp.url}?answer=decline`;
  }
  if (links['check-in']) messageLinks.checkIn = links['check-in'].url;
  if (links.unsubscribe) messageLinks.unsubscribe = links.unsubscribe.url;
  if (links.survey) {
    messageLinks.survey = links.survey.url;
    messageLinks.surveyUntil = v(clock.date(links.survey.expiresAt));
  }
  return {
    language,
    direction,
    tr: (text: Translations) => text[language],
    v,
    pick: (text: LocalizedText) => pick(text),
    q: (value: string) => `${open}${value}${close}`,
    seats: (count: number) => seatsText(language, count),
    list: (items: string[]) => listText(language, items),
    recipient: { kind: recipient.kind, name: v(recipient.name) },
    day: {
      title: pick(event.title),
      theme: pick(event.theme),
      organiser: pick(event.organiser.name),
      venue: pick(event.venue.name),
      place: v(placeLine(event.venue, fallback)),
      date: v(clock.date(event.startsAt)),
      time: v(clock.timeRange(event.startsAt, event.endsAt)),
      start: v(clock.time(event.startsAt)),
      end: v(clock.time(event.endsAt)),
      zone: v(clock.offset(event.startsAt)),
      rsvpDeadline: v(clock.date(event.rsvpDeadlineAt)),
      changeReason: event.changeReason ? v(singleLine(event.changeReason)) : undefined,
      rsvpOpen: now.getTime() <= Date.parse(event.rsvpDeadlineAt),
      seatsPerAssociation: event.seatsPerAssociation,
      coordinatorName: v(event.organiser.coordinatorName),
    },
    slot:
      slotItem && slotTimes
        ? {
            title: pick(slotItem.title),
            time: v(clock.timeRange(slotTimes.startsAt, slotTimes.endsAt)),
            start: v(clock.time(slotTimes.startsAt)),
            end: v(clock.time(slotTimes.endsAt)),
          }
        : undefined,
    agenda,
    details,
    links: messageLinks,
    clock,
  };
}

/**
 * The calendar entry's description: theme, answer link and whom to contact, in plain text.
 * The programme stays in the message: calendar apps show descriptions in a small box, and
 * the library's line folding grows with the square of a property's length.
 */
function calendarDescription(
  t: TemplateContext,
  request: SendMessageRequest,
  fallback: readonly Language[],
  links: Partial<Record<LinkPurpose, IssuedLink>>,
): string {
  const { event } = request;
  const lines = [
    `${t.tr({ ar: 'المحور', fr: 'Thème', en: 'Theme' })}: ${singleLine(localText(event.theme, fallback))}`,
  ];
  if (links.rsvp)
    lines.push(
      `${t.tr({ ar: 'الرد على الدعوة', fr: 'Répondre', en: 'Answer' })}: ${links.rsvp.url}`,
    );
  lines.push(
    `${singleLine(localText(event.organiser.name, fallback))} — ${singleLine(event.organiser.coordinatorName)} <${event.organiser.coordinatorEmail}>`,
  );
  return lines.join('\n');
}

/**
 * Renders one message: subject, plain text and HTML in the recipient's language (fallback:
 * theirs, the day's languages, French, English), dates in the day's time zone, signed links,
 * the check-in QR code and the calendar file where the purpose calls for them. Pure: the same
 * request, options and `now` give the same message. Throws `MissingLinkSecretError` when a
 * link is needed and no secret is given.
 */
export async function renderMessage(
  request: SendMessageRequest,
  options: RenderOptions,
): Promise<RenderedMessage> {
  const { event, recipient, purpose } = request;
  const fallback = languageFallback(recipient.language, event.languages);
  const language = fallback[0] ?? 'fr';
  const links = issueLinks(request, options);
  const context = templateContext(request, language, fallback, links, options.now);
  const content = MESSAGE_TEMPLATES[purpose](context);
  const laidOut = layoutMessage(content, context);
  const inlineImages: InlineImage[] = [];
  if (content.checkInCode && links['check-in']) {
    inlineImages.push({
      cid: CHECK_IN_QR_CID,
      filename: 'check-in.png',
      contentType: 'image/png',
      content: await checkInQrPng(links['check-in'].url),
    });
  }
  const calendar = calendarUseOf(request);
  const ics = calendar
    ? buildCalendarFile({
        method: calendar.method,
        uid: calendarUid(event.eventId),
        sequence: event.revision,
        stamp: options.now,
        startsAt: event.startsAt,
        endsAt: event.endsAt,
        summary: localText(event.title, fallback),
        description: calendarDescription(context, request, fallback, links),
        location: placeLine(event.venue, fallback),
        organizer: {
          name: `${localText(event.organiser.name, fallback)} (${event.organiser.coordinatorName})`,
          email: event.organiser.coordinatorEmail,
        },
        attendee: { name: recipient.name, email: recipient.email, partstat: calendar.partstat },
      })
    : undefined;
  return {
    messageId: messageIdFor({
      eventId: event.eventId,
      recipient,
      purpose,
      revision: request.revision,
    }),
    language,
    direction: context.direction,
    to: { name: singleLine(recipient.name), address: recipient.email },
    replyTo: {
      name: singleLine(event.organiser.coordinatorName),
      address: event.organiser.coordinatorEmail,
    },
    from: {
      name: singleLine(localText(event.organiser.name, fallback)),
      ...(event.organiser.email ? { address: event.organiser.email } : {}),
    },
    subject: laidOut.subject,
    text: laidOut.text,
    html: laidOut.html,
    ...(ics ? { ics, calendarMethod: calendar?.method } : {}),
    inlineImages,
    headers: {
      'Content-Language': language,
      'Auto-Submitted': 'auto-generated',
      'X-Auto-Response-Suppress': 'OOF, AutoReply',
      'X-Multaqa-Event': event.eventId,
      'X-Multaqa-Purpose': purpose,
      'X-Multaqa-Revision': String(request.revision),
      // RFC 2369 and RFC 8058: mail clients show an unsubscribe button that POSTs to the link.
      ...(links.unsubscribe
        ? {
            'List-Unsubscribe': `<${links.unsubscribe.url}>`,
            'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
          }
        : {}),
    },
    links,
  };
}

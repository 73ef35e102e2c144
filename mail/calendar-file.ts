import { createEvent, type EventAttributes } from 'ics';
import { singleLine } from './text-safety';

export type CalendarMethod = 'REQUEST' | 'CANCEL';
export type ParticipationStatus = 'NEEDS-ACTION' | 'ACCEPTED' | 'DECLINED' | 'TENTATIVE';

/** One attendee's copy of a training day's calendar entry. */
export interface CalendarInvite {
  method: CalendarMethod;
  /** Stable per training day, so updates and cancellations replace the same entry. */
  uid: string;
  /** The day's revision: higher on every reschedule, so calendars apply the newest. */
  sequence: number;
  /** DTSTAMP: when this copy was issued. */
  stamp: Date;
  startsAt: string;
  endsAt: string;
  summary: string;
  description: string;
  location: string;
  organizer: { name: string; email: string };
  attendee: { name: string; email: string; partstat: ParticipationStatus };
  url?: string;
}

const PRODUCT_ID = '-//multaqa//training days//EN';

/** The calendar UID of a training day: one entry per day, whatever message carries it. */
export function calendarUid(eventId: string): string {
  return `${eventId}@multaqa`;
}

/**
 * A parameter value (CN) may not hold a double quote, and the library quotes values with
 * `:` `;` `,` in them; a name with quotes loses them rather than breaking the line.
 */
function parameterSafe(value: string): string {
  return singleLine(value).replace(/"/g, "'");
}

/**
 * RFC 5545 §3.1 folds content lines at 75 octets; the library folds at 75 characters, which
 * Arabic text (two octets a letter) exceeds. Unfold, then fold again on octets, never inside
 * a UTF-8 sequence.
 */
export function foldCalendarLines(calendar: string): string {
  const lines = calendar.replace(/\r\n[\t ]/g, '').split('\r\n');
  const folded: string[] = [];
  for (const line of lines) {
    if (line.length === 0) continue;
    let current = '';
    let currentOctets = 0;
    let limit = 75;
    for (const character of line) {
      const octets = Buffer.byteLength(character, 'utf8');
      if (currentOctets + octets > limit) {
        folded.push(current);
        current = ' ';
        currentOctets = 1;
        limit = 75;
      }
      current += character;
      currentOctets += octets;
    }
    folded.push(current);
  }
  return `${folded.join('\r\n')}\r\n`;
}

/**
 * The `.ics` text of an invite (made with the `ics` library). Times are written in UTC, which
 * RFC 5545 allows everywhere and every client converts to its reader's zone: no VTIMEZONE to
 * ship, and no risk from Morocco's irregular offset changes around Ramadan.
 * Throws if the library refuses the invite (a programming error).
 */
export function buildCalendarFile(invite: CalendarInvite): string {
  const attributes = {
    productId: PRODUCT_ID,
    method: invite.method,
    uid: invite.uid,
    sequence: invite.sequence,
    timestamp: invite.stamp.getTime(),
    start: Date.parse(invite.startsAt),
    startInputType: 'utc',
    startOutputType: 'utc',
    end: Date.parse(invite.endsAt),
    endInputType: 'utc',
    endOutputType: 'utc',
    title: singleLine(invite.summary),
    description: invite.description,
    location: singleLine(invite.location),
    status: invite.method === 'CANCEL' ? 'CANCELLED' : 'CONFIRMED',
    organizer: { name: parameterSafe(invite.organizer.name), email: invite.organizer.email },
    attendees: [
      {
        name: parameterSafe(invite.attendee.name),
        email: invite.attendee.email,
        // Answers go through the signed RSVP link, not calendar replies to the coordinator.
        rsvp: false,
        partstat: invite.attendee.partstat,
        role: 'REQ-PARTICIPANT',
      },
    ],
    ...(invite.url ? { url: invite.url } : {}),
  } as EventAttributes & { timestamp: number };
  const { error, value } = createEvent(attributes);
  if (error || !value) throw new Error(`calendar file refused: ${error?.message ?? 'empty'}`);
  return foldCalendarLines(value);
}

import { buildCalendarFile, foldCalendarLines } from '../../mail/calendar-file';
import { renderMessage } from '../../mail/render-message';
import type { EventBrief } from '../../domain/event-brief';
import type { MessagePurpose, MessageRecipient } from '../../domain/messages/mail';
import { calendarEvent, readCalendar } from './mail-ics-reader';
import {
  SEND_TIME,
  TEST_BASE_URL,
  TEST_SECRET,
  associationIn,
  seedEventBrief,
  seedPartnersAndSpeakers,
} from './mail-fixtures';

const options = { linkSecret: TEST_SECRET, baseUrl: TEST_BASE_URL, now: SEND_TIME };

async function calendarOf(
  purpose: MessagePurpose,
  recipient: MessageRecipient,
  event: EventBrief = seedEventBrief(),
) {
  const message = await renderMessage(
    { purpose, event, recipient, revision: event.revision },
    options,
  );
  if (!message.ics) throw new Error(`${purpose} carries no calendar file`);
  const calendar = readCalendar(message.ics);
  return { message, calendar, vevent: calendarEvent(calendar) };
}

/** The seed day moved a week later, 09:00–12:30 Casablanca time, as revision 2. */
function rescheduled(): EventBrief {
  return {
    ...seedEventBrief(2),
    startsAt: '2018-11-30T08:00:00Z',
    endsAt: '2018-11-30T11:30:00Z',
  };
}

describe('calendar files', () => {
  it('invite an association with a REQUEST for the day, at 15:00–18:30 Casablanca time', async () => {
    const recipient = associationIn('fr');
    const { message, calendar, vevent } = await calendarOf('association-invitation', recipient);
    expect(message.calendarMethod).toBe('REQUEST');
    expect(calendar.name).toBe('VCALENDAR');
    expect(calendar.get('VERSION')).toBe('2.0');
    expect(calendar.get('METHOD')).toBe('REQUEST');
    expect(calendar.get('PRODID')).toBe('-//multaqa//training days//EN');
    expect(vevent.get('UID')).toBe('safi-2018-11-23@multaqa');
    expect(vevent.get('SEQUENCE')).toBe('0');
    // Morocco has been on UTC+1 since October 2018: 15:00 there is 14:00 UTC.
    expect(vevent.get('DTSTART')).toBe('20181123T140000Z');
    expect(vevent.get('DTEND')).toBe('20181123T173000Z');
    expect(vevent.get('DTSTAMP')).toBe('20181020T090000Z');
    expect(vevent.get('STATUS')).toBe('CONFIRMED');
    expect(vevent.get('SUMMARY')).toBe(seedEventBrief().title.fr);
    expect(vevent.get('ORGANIZER')).toBe('MAILTO:coordination@ccis-safi.example.org');
    expect(vevent.get('ATTENDEE')).toBe(`mailto:${recipient.email}`);
    expect(vevent.param('ATTENDEE', 'PARTSTAT')).toBe('NEEDS-ACTION');
    expect(vevent.param('ATTENDEE', 'RSVP')).toBe('FALSE');
    expect(vevent.get('DESCRIPTION')).toContain(`Répondre: ${message.links.rsvp?.url}`);
    expect(vevent.get('DESCRIPTION')).toContain('Thème: Mécanismes');
  });

  it('mark the attendee as accepted on a confirmation, same entry', async () => {
    const { vevent, calendar } = await calendarOf('rsvp-confirmation', associationIn('ar'));
    expect(calendar.get('METHOD')).toBe('REQUEST');
    expect(vevent.get('UID')).toBe('safi-2018-11-23@multaqa');
    expect(vevent.param('ATTENDEE', 'PARTSTAT')).toBe('ACCEPTED');
  });

  it('update the same entry on a reschedule: same UID, higher SEQUENCE, new times', async () => {
    const { vevent, calendar } = await calendarOf(
      'reschedule-notice',
      associationIn('en'),
      rescheduled(),
    );
    expect(calendar.get('METHOD')).toBe('REQUEST');
    expect(vevent.get('UID')).toBe('safi-2018-11-23@multaqa');
    expect(vevent.get('SEQUENCE')).toBe('2');
    expect(vevent.get('DTSTART')).toBe('20181130T080000Z');
    expect(vevent.get('DTEND')).toBe('20181130T113000Z');
  });

  it('cancel the same entry on a cancellation', async () => {
    const cancelled = { ...seedEventBrief(3) };
    const { message, vevent, calendar } = await calendarOf(
      'cancellation-notice',
      associationIn('fr'),
      cancelled,
    );
    expect(message.calendarMethod).toBe('CANCEL');
    expect(calendar.get('METHOD')).toBe('CANCEL');
    expect(vevent.get('STATUS')).toBe('CANCELLED');
    expect(vevent.get('UID')).toBe('safi-2018-11-23@multaqa');
    expect(vevent.get('SEQUENCE')).toBe('3');
  });

  it('invite speakers too, and confirm them', async () => {
    const speaker = seedPartnersAndSpeakers().find((recipient) => recipient.kind === 'speaker');
    if (!speaker) throw new Error('no seed speaker');
    const invited = await calendarOf('speaker-invitation', speaker);
    const confirmed = await calendarOf('speaker-confirmation', speaker);
    expect(invited.vevent.param('ATTENDEE', 'PARTSTAT')).toBe('NEEDS-ACTION');
    expect(confirmed.vevent.param('ATTENDEE', 'PARTSTAT')).toBe('ACCEPTED');
  });

  it('are not attached to reminders and notices that change nothing in a calendar', async () => {
    for (const purpose of ['rsvp-reminder', 'waitlist-notice', 'thank-you-survey'] as const) {
      const message = await renderMessage(
        { purpose, event: seedEventBrief(), recipient: associationIn('fr'), revision: 0 },
        options,
      );
      expect(message.ics).toBeUndefined();
    }
  });

  it('fold Arabic lines at 75 octets without splitting a letter, and unfold to the same text', async () => {
    const { message, vevent } = await calendarOf('association-invitation', associationIn('ar'));
    // readCalendar refuses any line over 75 octets; the title comes back whole.
    expect(vevent.get('SUMMARY')).toBe(seedEventBrief().title.ar);
    expect(message.ics).not.toContain('\uFFFD');
    expect(Buffer.from(message.ics ?? '', 'utf8').toString('utf8')).toBe(message.ics);
  });

  it('escape commas, semicolons and line breaks in text, and quotes in names', () => {
    const ics = buildCalendarFile({
      method: 'REQUEST',
      uid: 'x@multaqa',
      sequence: 1,
      stamp: SEND_TIME,
      startsAt: '2018-11-23T14:00:00Z',
      endsAt: '2018-11-23T17:30:00Z',
      summary: 'Appui; accompagnement, suivi\r\nBEGIN:VALARM',
      description: 'ligne 1\nligne 2; fin',
      location: 'Salle A, Safi',
      organizer: { name: 'Salma "la coordinatrice" Idrissi', email: 'c@example.org' },
      attendee: { name: 'Potiers; Safi', email: 'p@example.org', partstat: 'NEEDS-ACTION' },
    });
    const vevent = calendarEvent(readCalendar(ics));
    expect(vevent.get('SUMMARY')).toBe('Appui; accompagnement, suivi BEGIN:VALARM');
    expect(vevent.get('DESCRIPTION')).toBe('ligne 1\nligne 2; fin');
    expect(vevent.components).toHaveLength(0);
    expect(vevent.param('ORGANIZER', 'CN')).toBe("Salma 'la coordinatrice' Idrissi");
    expect(vevent.param('ATTENDEE', 'CN')).toBe('Potiers; Safi');
  });

  it('refold lines of any length on octets', () => {
    const folded = foldCalendarLines(`DESCRIPTION:${'é'.repeat(100)}\r\n`);
    for (const line of folded.split('\r\n').filter(Boolean))
      expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    expect(folded.replace(/\r\n /g, '')).toBe(`DESCRIPTION:${'é'.repeat(100)}\r\n`);
  });
});

import { renderMessage } from '../../mail/render-message';
import { verifyLinkToken } from '../../mail/signed-links';
import type { EventBrief } from '../../domain/event-brief';
import type { MessageDetails, MessagePurpose, MessageRecipient } from '../../domain/messages/mail';
import { calendarEvent, readCalendar } from './mail-ics-reader';
import {
  SEND_TIME,
  TEST_BASE_URL,
  TEST_SECRET,
  associationIn,
  seedEventBrief,
  seedPartnersAndSpeakers,
} from './mail-fixtures';

// Issue 9, points 1 and 3: invitations state the day's seat allowance; reschedule and
// cancellation notices fit each recipient and carry the coordinator's reason.

const options = { linkSecret: TEST_SECRET, baseUrl: TEST_BASE_URL, now: SEND_TIME };

/** The seed day moved a week later (30 November, 09:00–12:30 Casablanca), revision 2, with a reason. */
function moved(): EventBrief {
  return {
    ...seedEventBrief(2),
    startsAt: '2018-11-30T08:00:00Z',
    endsAt: '2018-11-30T11:30:00Z',
    rsvpDeadlineAt: '2018-11-27T22:59:59Z',
    changeReason: 'La salle est réservée pour une autre réunion',
  };
}

function render(
  purpose: MessagePurpose,
  recipient: MessageRecipient,
  event: EventBrief,
  details?: MessageDetails,
) {
  return renderMessage({ purpose, event, recipient, revision: event.revision, details }, options);
}

function calendarOf(ics: string | undefined) {
  if (!ics) throw new Error('no calendar file');
  const calendar = readCalendar(ics);
  return { calendar, vevent: calendarEvent(calendar) };
}

describe('the invitation states the day’s seat allowance', () => {
  it.each([
    ['fr', 3, "jusqu'à 3 participants"],
    ['en', 3, 'up to 3 participants'],
    ['ar', 3, 'تسجيل 3 مشاركين على الأكثر'],
    ['fr', 2, "jusqu'à 2 participants"],
    ['ar', 2, 'مشاركَين اثنين'],
    ['ar', 11, '11 مشاركاً'],
  ] as const)('in %s, a day of %i seats per association says so', async (language, seats, said) => {
    const event = { ...seedEventBrief(), seatsPerAssociation: seats };
    const message = await render('association-invitation', associationIn(language), event);
    expect(message.text).toContain(said);
    expect(message.html).toContain(said.replace(/'/g, '&#39;'));
    expect(message.text).not.toMatch(/up to 1 participant\b|jusqu'à 1 participant\b|مشارك واحد/);
  });

  it('a confirmation without a seat count claims none instead of one', async () => {
    const message = await render('rsvp-confirmation', associationIn('fr'), seedEventBrief());
    expect(message.text).toContain('est confirmée.');
    expect(message.text).not.toContain('1 participant');
  });
});

describe('a reschedule notice fits where each association stands', () => {
  it('keeps a seated association’s answer: calendar update ACCEPTED, new check-in code for the new date', async () => {
    const message = await render('reschedule-notice', associationIn('fr'), moved(), {
      standing: 'accepted',
      seats: 2,
    });
    const { calendar, vevent } = calendarOf(message.ics);
    expect(calendar.get('METHOD')).toBe('REQUEST');
    expect(vevent.get('SEQUENCE')).toBe('2');
    expect(vevent.get('DTSTART')).toBe('20181130T080000Z');
    expect(vevent.param('ATTENDEE', 'PARTSTAT')).toBe('ACCEPTED');
    expect(message.text).toContain('pour 2 participants reste valable');

    const checkIn = message.links['check-in'];
    if (!checkIn) throw new Error('no check-in link');
    // Valid through the new date (Casablanca's end of day), not the old one (23 November).
    expect(checkIn.expiresAt.toISOString()).toBe('2018-11-30T22:59:59.999Z');
    const onTheNewDay = new Date('2018-11-30T09:00:00Z');
    expect(verifyLinkToken(checkIn.token, TEST_SECRET, onTheNewDay, 'check-in')).toMatchObject({
      eventId: 'safi-2018-11-23',
      associationId: associationIn('fr').id,
    });
    expect(message.inlineImages.map((image) => image.cid)).toEqual(['check-in-qr@multaqa']);
    expect(message.html).toContain(`href="${checkIn.url}"`);
  });

  it('sends no calendar REQUEST to an association that declined, only the news and a way back', async () => {
    const message = await render('reschedule-notice', associationIn('ar'), moved(), {
      standing: 'declined',
      seats: 0,
    });
    expect(message.ics).toBeUndefined();
    expect(message.links['check-in']).toBeUndefined();
    expect(message.text).toContain('لم يتغير جوابكم');
    expect(message.html).toContain(`href="${message.links.rsvp?.url}?answer=accept"`);
  });

  it('gives an association that has not answered the new date, the new deadline and the answer buttons', async () => {
    const message = await render('reschedule-notice', associationIn('en'), moved(), {
      standing: 'pending',
      seats: 0,
    });
    const { vevent } = calendarOf(message.ics);
    expect(vevent.param('ATTENDEE', 'PARTSTAT')).toBe('NEEDS-ACTION');
    expect(message.text).toContain('Friday, 30 November 2018');
    expect(message.text).toContain('Please reply by Tuesday, 27 November 2018');
    expect(message.html).toContain('?answer=accept');
    expect(message.html).toContain('?answer=decline');
    expect(message.links['check-in']).toBeUndefined();
  });

  it('keeps a waiting association waiting, its place said, its calendar entry tentative', async () => {
    const message = await render('reschedule-notice', associationIn('fr'), moved(), {
      standing: 'waitlisted',
      seats: 2,
      waitlistPosition: 4,
    });
    expect(calendarOf(message.ics).vevent.param('ATTENDEE', 'PARTSTAT')).toBe('TENTATIVE');
    expect(message.text).toContain("reste sur la liste d'attente, en position");
    expect(message.links['check-in']).toBeUndefined();
  });
});

describe('a reschedule notice to a confirmed speaker', () => {
  it('keeps their yes in the calendar and speaks to them, not to an association', async () => {
    const speaker = seedPartnersAndSpeakers().find((recipient) => recipient.kind === 'speaker')!;
    const message = await render('reschedule-notice', { ...speaker, language: 'fr' }, moved(), {
      standing: 'accepted',
    });
    expect(calendarOf(message.ics).vevent.param('ATTENDEE', 'PARTSTAT')).toBe('ACCEPTED');
    expect(message.text).not.toMatch(/votre association|inscription/i);
    expect(message.links).toEqual({});
  });
});

describe('the coordinator’s reason is in every change notice', () => {
  const everyone = [
    associationIn('ar'),
    associationIn('fr'),
    associationIn('en'),
    ...seedPartnersAndSpeakers(),
  ];
  it.each(
    (['reschedule-notice', 'cancellation-notice'] as const).flatMap((purpose) =>
      everyone.map(
        (recipient) => [purpose, recipient.kind, recipient.language, recipient] as const,
      ),
    ),
  )('%s to a %s in %s quotes it', async (purpose, _kind, _language, recipient) => {
    const message = await render(purpose, recipient, moved(), { standing: 'accepted', seats: 1 });
    expect(message.text).toContain('La salle est réservée pour une autre réunion');
    expect(message.html).toContain('La salle est réservée pour une autre réunion');
  });

  it('tells the coordinator why a speaker must be replaced in words, not a code', async () => {
    for (const [reason, said] of [
      ['no-answer', "L'intervenant n'a pas répondu dans le délai."],
      ['declined', "L'intervenant a décliné l'invitation."],
    ] as const) {
      const message = await render(
        'speaker-replacement-needed',
        {
          id: 'coordinator',
          kind: 'coordinator',
          name: 'Salma Idrissi',
          email: 'coordination@ccis-safi.example.org',
          language: 'fr',
        },
        seedEventBrief(),
        { reason, agendaItemId: 'talk-ads-strategy', speakerName: 'Mme Leila Bennani' },
      );
      expect(message.text).toContain(said);
      expect(message.text).not.toContain(reason);
    }
  });

  it('tells a replaced speaker their talk is withdrawn, in their words, not a code', async () => {
    const speaker = seedPartnersAndSpeakers().find((recipient) => recipient.kind === 'speaker')!;
    for (const language of ['ar', 'fr', 'en'] as const) {
      const message = await render(
        'cancellation-notice',
        { ...speaker, language },
        seedEventBrief(),
        { reason: 'replaced' },
      );
      expect(message.text).not.toMatch(/\breplaced\b/);
      expect(message.text).not.toMatch(/annulée|has been cancelled|بإلغاء اليوم/);
    }
  });
});

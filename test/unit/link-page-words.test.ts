import { LINK_PAGE_TEXT } from '../../client/http/link-pages/link-page-text';
import { checkInPage, rsvpPage, surveyPage } from '../../client/http/link-pages/link-pages';
import {
  refusalOf,
  unavailableNow,
  type LinkPageDay,
} from '../../client/http/link-pages/link-refusals';
import { ValidationError } from '../../client/validation';
import { ErrorCodes, MultaqaError } from '../../domain/errors';

// Issue 9, point 6: the words on link pages are the reader's, never the developer's.

const event = {
  title: 'Journée de formation',
  startsAt: '2026-12-18T14:00:00Z',
  endsAt: '2026-12-18T17:30:00Z',
  timeZone: 'Africa/Casablanca',
  place: 'Annexe de la CCIS à Safi, Safi',
  associationName: 'Association des artisans potiers de Safi',
};
const day: LinkPageDay = {
  phase: 'invitations-open',
  startsAt: event.startsAt,
  endsAt: event.endsAt,
  rsvpDeadlineAt: '2026-12-15T22:59:59Z',
  timeZone: event.timeZone,
};
const before = Date.parse('2026-12-10T10:00:00Z');
/** Developer words, raw statuses and UTC instants that must never reach a reader. */
const NOT_FOR_READERS = /accepted \(|waitlisted|\d{4}-\d\d-\d\dT|Z\b|place\(s\)|مقعد\(مقاعد\)/;

describe('the RSVP page', () => {
  it('says the answer as it stands with plural rules, and keeps the seats chosen', () => {
    const fr = rsvpPage('fr', event, {
      action: '/links/rsvp/t',
      maxSeats: 3,
      current: { status: 'accepted', seats: 2 },
    });
    expect(fr).toContain('Votre association est inscrite pour <bdi>2 participants</bdi>.');
    expect(fr).toContain('value="2" required');
    expect(fr).not.toMatch(NOT_FOR_READERS);

    const ar = rsvpPage('ar', event, {
      action: '/links/rsvp/t',
      maxSeats: 3,
      current: { status: 'waitlisted', seats: 2, waitlistPosition: 4 },
    });
    expect(ar).toContain('مشاركَين اثنين');
    expect(ar).toContain('<bdi>4</bdi>');
    expect(ar).toContain('value="2" required');
    expect(ar).not.toMatch(NOT_FOR_READERS);
  });

  it('shows place and time zone', () => {
    const ar = rsvpPage('ar', event, { action: '/links/rsvp/t', maxSeats: 3 });
    expect(ar).toContain('<bdi>Annexe de la CCIS à Safi, Safi</bdi>');
    expect(ar).toContain('<bdi>15:00–18:30</bdi> (<bdi>غرينتش+1</bdi>)');
    expect(ar).toContain('value="1" required');
  });

  it('after the deadline says when answers closed, in local words, instead of the form', () => {
    const after = Date.parse('2026-12-16T10:00:00Z');
    const closed = unavailableNow('fr', 'rsvp', day, after);
    expect(closed).toContain('mardi 15 décembre 2026');
    const html = rsvpPage('fr', event, {
      action: '/links/rsvp/t',
      maxSeats: 3,
      unavailable: closed,
    });
    expect(html).not.toContain('<form');
    expect(html).not.toMatch(NOT_FOR_READERS);
    expect(unavailableNow('fr', 'rsvp', day, before)).toBeUndefined();
  });
});

describe('check-in and survey pages', () => {
  it('offer no check-in form before it opens, and say when, in local time', () => {
    for (const [language, said] of [
      ['fr', 'le <bdi>vendredi 18 décembre 2026</bdi> à <bdi>14:00</bdi> (<bdi>UTC+1</bdi>)'],
      ['en', 'on <bdi>Friday, 18 December 2026</bdi> at <bdi>14:00</bdi> (<bdi>GMT+1</bdi>)'],
      ['ar', 'على الساعة <bdi>14:00</bdi>'],
    ] as const) {
      const unavailable = unavailableNow(language, 'check-in', day, before);
      const html = checkInPage(language, event, {
        action: '/links/check-in/t',
        unavailable,
        maxAttendees: 2,
      });
      expect(html).not.toContain('<form');
      expect(html).toContain(said);
      expect(html).not.toMatch(NOT_FOR_READERS);
    }
    // An hour before the day, or once the coordinator starts it, the form is there.
    expect(unavailableNow('fr', 'check-in', day, Date.parse('2026-12-18T13:05:00Z'))).toBe(
      undefined,
    );
    expect(unavailableNow('fr', 'check-in', { ...day, phase: 'in-progress' }, before)).toBe(
      undefined,
    );
  });

  it('offer the survey only once the day is over, saying when it opens', () => {
    const unavailable = unavailableNow('ar', 'survey', day, before);
    expect(unavailable).toContain('<bdi>18:30</bdi>');
    expect(surveyPage('ar', event, { action: '/links/survey/t', unavailable })).not.toContain(
      '<form',
    );
    expect(unavailableNow('ar', 'survey', { ...day, phase: 'closed' }, before)).toBeUndefined();
  });

  it('say a cancelled day is cancelled, whatever the link', () => {
    for (const purpose of ['rsvp', 'check-in', 'survey'] as const)
      expect(unavailableNow('fr', purpose, { ...day, phase: 'cancelled' }, before)).toBe(
        LINK_PAGE_TEXT.cancelled.fr,
      );
  });
});

describe('refusals of a form post', () => {
  it('are said in the reader’s words, never the developer’s message or a UTC time', () => {
    const cases: Array<[unknown, 'rsvp' | 'check-in' | 'survey', number]> = [
      [
        new MultaqaError(ErrorCodes.deadlinePassed, 'answers closed on 2026-12-15T22:59:59Z'),
        'rsvp',
        409,
      ],
      [
        new MultaqaError(ErrorCodes.wrongPhase, 'check-in opens at 2026-12-18T13:00:00.000Z'),
        'check-in',
        409,
      ],
      [new MultaqaError(ErrorCodes.wrongPhase, 'the survey opens after the day'), 'survey', 409],
      [
        new MultaqaError(ErrorCodes.notFound, 'association "x" is not invited', 'associationId'),
        'rsvp',
        404,
      ],
      [
        new MultaqaError(ErrorCodes.alreadyAnswered, 'this association already answered'),
        'survey',
        409,
      ],
      [
        new MultaqaError(ErrorCodes.invalidInput, 'at most 3 seats per association', 'seats'),
        'rsvp',
        400,
      ],
      [new ValidationError([{ field: 'rating', message: 'must be 1 to 5' }]), 'survey', 400],
    ];
    for (const language of ['ar', 'fr'] as const)
      for (const [error, purpose, status] of cases) {
        const refusal = refusalOf(language, purpose, error, day, 3);
        expect(refusal?.status).toBe(status);
        expect(refusal?.message).not.toContain((error as Error).message);
        expect(refusal?.message).not.toMatch(NOT_FOR_READERS);
        if (language === 'ar') expect(refusal?.message).toMatch(/[\u0600-\u06ff]{3}/);
      }
    expect(
      refusalOf('fr', 'rsvp', new MultaqaError(ErrorCodes.invalidInput, 'x', 'seats'), day, 3)
        ?.message,
    ).toBe('Le nombre de participants doit être compris entre 1 et <bdi>3</bdi>.');
  });
});

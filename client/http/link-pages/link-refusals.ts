import type { Language } from '../../../domain/common';
import { CHECK_IN_OPENS_MINUTES_BEFORE } from '../../../domain/attendance';
import { ErrorCodes, httpStatusOf, MultaqaError } from '../../../domain/errors';
import type { TrainingDayPhase } from '../../../domain/training-day';
import { phaseRank } from '../../../domain/training-day-phases';
import { ValidationError } from '../../validation';
import type { LinkPurpose } from '../../../mail/signed-links';
import type { LinkPageTextKey } from './link-page-text';
import { localMoment, textHtml } from './link-pages';

/** What a link page needs to know of the day to say whether its form can be used now. */
export interface LinkPageDay {
  phase: TrainingDayPhase;
  startsAt: string;
  endsAt: string;
  rsvpDeadlineAt: string;
  timeZone: string;
}

const MINUTE_MS = 60_000;

function at(language: Language, key: LinkPageTextKey, instant: string, timeZone: string): string {
  return textHtml(language, key, localMoment(language, instant, timeZone));
}

/**
 * Why the page's form cannot be used now, in the reader's language with the day's local times
 * (HTML), or undefined when it can: answers close at the deadline and when the day starts;
 * check-in opens an hour before the day (or when the coordinator starts it) and closes with it;
 * the survey opens when the day ends. The workflows decide; this only spares the reader a form
 * that would be refused.
 */
export function unavailableNow(
  language: Language,
  purpose: LinkPurpose,
  day: LinkPageDay,
  now: number,
): string | undefined {
  if (day.phase === 'cancelled') return textHtml(language, 'cancelled');
  const rank = phaseRank(day.phase);
  const over = rank >= phaseRank('closed') || now >= Date.parse(day.endsAt);
  switch (purpose) {
    case 'rsvp':
      if (rank >= phaseRank('in-progress') || now >= Date.parse(day.startsAt))
        return textHtml(language, 'rsvpStarted');
      if (day.phase === 'registration-closed' || now > Date.parse(day.rsvpDeadlineAt))
        return textHtml(language, 'rsvpClosed', {
          date: localMoment(language, day.rsvpDeadlineAt, day.timeZone).date,
        });
      return undefined;
    case 'check-in': {
      if (over) return textHtml(language, 'checkInOver');
      const opensAt = Date.parse(day.startsAt) - CHECK_IN_OPENS_MINUTES_BEFORE * MINUTE_MS;
      if (day.phase !== 'in-progress' && now < opensAt)
        return at(language, 'checkInNotYet', new Date(opensAt).toISOString(), day.timeZone);
      return undefined;
    }
    case 'survey':
      return over ? undefined : at(language, 'surveyNotYet', day.endsAt, day.timeZone);
  }
}

const FIELD_TEXT: Record<string, LinkPageTextKey> = {
  seats: 'fieldSeats',
  attendees: 'fieldAttendees',
  rating: 'fieldRating',
  comments: 'fieldComments',
};

function fieldProblem(language: Language, field: string | undefined, maxSeats: number): string {
  return textHtml(language, (field && FIELD_TEXT[field]) || 'fieldOther', { max: maxSeats });
}

/**
 * A refusal from a form post, said in the reader's words (HTML) with its HTTP status: never the
 * developer's message, a raw status or a UTC time. Undefined for errors that are not refusals.
 */
export function refusalOf(
  language: Language,
  purpose: LinkPurpose,
  error: unknown,
  day: LinkPageDay | undefined,
  maxSeats: number,
): { status: number; message: string } | undefined {
  if (error instanceof ValidationError)
    return {
      status: httpStatusOf(ErrorCodes.invalidInput),
      message: fieldProblem(language, error.problems[0]?.field, maxSeats),
    };
  if (!(error instanceof MultaqaError)) return undefined;
  const now = Date.now();
  const why = () =>
    (day && unavailableNow(language, purpose, day, now)) ?? textHtml(language, 'notPossible');
  switch (error.code) {
    case ErrorCodes.invalidInput:
      return {
        status: httpStatusOf(error.code),
        message: fieldProblem(language, error.field, maxSeats),
      };
    case ErrorCodes.notFound:
      return {
        status: httpStatusOf(error.code),
        message: textHtml(language, purpose === 'survey' ? 'notAttended' : 'notInvited'),
      };
    case ErrorCodes.alreadyAnswered:
      return { status: httpStatusOf(error.code), message: textHtml(language, 'alreadyAnswered') };
    case ErrorCodes.wrongPhase:
    case ErrorCodes.deadlinePassed:
      return { status: httpStatusOf(error.code), message: why() };
    default:
      return undefined;
  }
}

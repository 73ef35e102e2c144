import { z } from 'zod';
import { SurveyRatingSchema, SurveyResponseCommandSchema } from '../../domain/lifecycle-commands';
import {
  CheckInSchema,
  type CheckedInBy,
  type CheckIn,
  type CheckInOutcome,
} from '../../domain/attendance';
import { ErrorCodes, MultaqaError } from '../../domain/errors';
import type { InviteeView } from '../../domain/messages/registration';
import {
  checkIn,
  listCheckIns,
  submitSurveyResponse,
  type SurveyResponse,
  type SurveyResults,
} from '../../domain/messages/attendance';
import { workflowIds } from '../../domain/workflow-ids';
import { checkInsCounter } from '../../observability/product-metrics';
import type { Connections } from '../connections';
import { checkTaxonomyValue } from '../taxonomy-checks';
import { taxonomyOf } from '../taxonomy-file';
import { findInvitee } from './registrations';
import { parseOrThrow } from '../validation';
import { withWorkflowErrors } from '../workflow-errors';

/** The survey command, with the rating as a form sends it (text). */
export const SurveyResponseSchema = SurveyResponseCommandSchema.extend({
  rating: z.coerce.number().pipe(SurveyRatingSchema),
});

function attendance(connections: Connections, eventId: string) {
  return connections.temporal.workflow.getHandle(workflowIds.attendance(eventId));
}

/** Why a booking keeps a check-in out; pages say it in the visitor's language. */
export type CheckInRefusal = 'declined' | 'no-seat' | 'too-many';

/** A check-in beyond what the association booked (`MultaqaError`: 409, or 400 on `attendees`). */
export class CheckInRefusedError extends MultaqaError {
  constructor(
    readonly reason: CheckInRefusal,
    readonly seatsHeld: number,
    message: string,
  ) {
    super(
      reason === 'too-many' ? ErrorCodes.invalidInput : ErrorCodes.wrongPhase,
      message,
      reason === 'too-many' ? 'attendees' : undefined,
    );
    this.name = 'CheckInRefusedError';
  }
}

/**
 * The seats a check-in may bring in, given the association's booking (`undefined` when no
 * booking applies: a day that sent no invitations, an association not invited, a walk-in).
 * A link brings at most the seats held, and nothing once the association declined or while it
 * holds none; door staff may let more in only by saying so (`admitExtra`). Returns the seats
 * held, to be kept on the record; throws `CheckInRefusedError` otherwise.
 */
export function seatsForCheckIn(
  entry: Pick<CheckIn, 'method' | 'attendees' | 'admitExtra'>,
  booking: Pick<InviteeView, 'status' | 'seats'> | undefined,
): number | undefined {
  if (entry.method === 'walk-in') return undefined;
  if (!booking) {
    if (entry.method === 'token')
      throw new MultaqaError(ErrorCodes.notFound, 'no invitation is known for this link');
    return undefined;
  }
  const seatsHeld = booking.status === 'accepted' ? booking.seats : 0;
  if (entry.attendees <= seatsHeld) return seatsHeld;
  if (entry.method === 'coordinator' && entry.admitExtra) return seatsHeld;
  const hint =
    entry.method === 'coordinator'
      ? '; door staff may admit them as extra walk-ins (admitExtra, --admit-extra)'
      : '';
  if (booking.status === 'declined' || booking.status === 'cancelled')
    throw new CheckInRefusedError(
      'declined',
      0,
      `the association ${booking.status === 'declined' ? 'declined the invitation' : 'no longer holds its seats'}: no seat is held for it${hint}`,
    );
  if (seatsHeld === 0)
    throw new CheckInRefusedError(
      'no-seat',
      0,
      `no seat is held for the association (its invitation is ${booking.status})${hint}`,
    );
  throw new CheckInRefusedError(
    'too-many',
    seatsHeld,
    `at most ${seatsHeld}: the seats booked${hint}`,
  );
}

/** The association's booking, or undefined when no invitation of it is known. */
async function bookingOf(
  connections: Connections,
  eventId: string,
  associationId: string,
  shard: number | undefined,
): Promise<InviteeView | undefined> {
  try {
    return await findInvitee(connections, eventId, associationId, { shard });
  } catch (error) {
    // Not invited, or the day sent no invitations (a day recorded after it was held).
    if (
      error instanceof MultaqaError &&
      (error.code === ErrorCodes.notFound || error.code === ErrorCodes.wrongPhase)
    )
      return undefined;
    throw error;
  }
}

/**
 * Checks an association (or a walk-in) in at the door, within what it booked (see
 * `seatsForCheckIn`); a second check-in is not counted. `by` says through what and by whom,
 * set by the edge: only the link's channel checks in by token, and only door staff admit extra
 * people. `shard` spares the lookup when the link names it.
 */
export async function recordCheckIn(
  connections: Connections,
  eventId: string,
  input: unknown,
  by: CheckedInBy,
  options: { shard?: number } = {},
): Promise<CheckInOutcome> {
  const parsed = parseOrThrow(CheckInSchema, input);
  if (parsed.walkIn) {
    const taxonomy = taxonomyOf(connections.config);
    parsed.walkIn = {
      ...parsed.walkIn,
      province: checkTaxonomyValue(taxonomy, 'province', parsed.walkIn.province, 'walkIn.province'),
      sector: checkTaxonomyValue(taxonomy, 'sector', parsed.walkIn.sector, 'walkIn.sector'),
    };
  }
  if ((by.channel === 'link') !== (parsed.method === 'token'))
    throw new MultaqaError(
      ErrorCodes.invalidInput,
      by.channel === 'link'
        ? 'a link checks in by token only'
        : 'must be coordinator or walk-in: token check-ins come from the association’s own link',
      'method',
    );
  if (by.channel === 'link' && parsed.admitExtra)
    throw new MultaqaError(
      ErrorCodes.forbidden,
      'only door staff admit extra people',
      'admitExtra',
    );
  const booking =
    parsed.method === 'walk-in'
      ? undefined
      : await bookingOf(connections, eventId, parsed.associationId, options.shard);
  const seatsHeld = seatsForCheckIn(parsed, booking);
  const entry: CheckIn = {
    ...parsed,
    checkedInBy: by,
    ...(seatsHeld === undefined ? {} : { seatsHeld }),
  };
  const outcome = await withWorkflowErrors(`attendance of training day "${eventId}"`, () =>
    attendance(connections, eventId).executeUpdate(checkIn, { args: [entry] }),
  );
  checkInsCounter.inc({ channel: by.channel, outcome: outcome.counted ? 'counted' : 'already-in' });
  return outcome;
}

/** Who checked in, how many, through what and by whom (door list, newest last). */
export async function listCheckInsOf(connections: Connections, eventId: string) {
  return withWorkflowErrors(`attendance of training day "${eventId}"`, () =>
    attendance(connections, eventId).query(listCheckIns),
  );
}

/** Records an attendee's survey answer (from the thank-you message's signed link). */
export async function recordSurveyResponse(
  connections: Connections,
  eventId: string,
  input: unknown,
): Promise<SurveyResults> {
  const response: SurveyResponse = parseOrThrow(SurveyResponseSchema, input);
  return withWorkflowErrors(`attendance of training day "${eventId}"`, () =>
    attendance(connections, eventId).executeUpdate(submitSurveyResponse, { args: [response] }),
  );
}

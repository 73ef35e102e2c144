import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  ensureLinkOfDay,
  LinkExpiredError,
  LinkInvalidError,
  LinkOfCancelledDayError,
  LinkOfEarlierDayError,
  verifyLinkToken,
  type LinkClaims,
  type LinkPurpose,
} from '../../../activities/mail/signed-links';
import { FreeTextSchema, LANGUAGES, pickText, type Language } from '../../../domain/common';
import { ErrorCodes, MultaqaError } from '../../../domain/errors';
import type { InviteeView } from '../../../domain/messages/registration';
import {
  CheckInRefusedError,
  recordCheckIn,
  recordSurveyResponse,
  seatsForCheckIn,
} from '../../attendance';
import { findInvitee, recordRsvp } from '../../registrations';
import { StartedPlanCache } from '../../started-plan';
import { readStatus } from '../../training-days';
import { parseOrThrow, ValidationError } from '../../validation';
import type { HttpContext } from '../http-context';
import { text } from '../link-pages/link-page-text';
import {
  checkInPage,
  noticePage,
  rsvpPage,
  surveyPage,
  type LinkPageEvent,
} from '../link-pages/link-pages';

const TokenParams = z.object({ token: z.string().min(1).max(1024) }).strict();
/** `?answer=` from the email's accept/decline buttons: a hint that orders the page, never an act. */
const LinkPageQuery = z.object({
  answer: z.enum(['accept', 'decline']).optional().catch(undefined),
});

const RsvpFormSchema = z.discriminatedUnion('response', [
  z.object({ response: z.literal('accept'), seats: z.coerce.number().int().min(1).max(50) }),
  z.object({ response: z.literal('decline'), seats: z.unknown().optional() }),
]);
const CheckInFormSchema = z.object({
  attendees: z.coerce.number().int().min(1).max(50).default(1),
});
const SurveyFormSchema = z.object({
  rating: z.coerce.number().int().min(1, 'must be 1 to 5').max(5, 'must be 1 to 5'),
  comments: z
    .string()
    .optional()
    .transform((value) => value?.trim() || undefined)
    .pipe(FreeTextSchema.max(2000).optional()),
});

const TITLE_KEY = { rsvp: 'rsvpTitle', 'check-in': 'checkInTitle', survey: 'surveyTitle' } as const;
const CHECK_IN_REFUSAL_KEY = {
  declined: 'checkInDeclined',
  'no-seat': 'checkInNoSeat',
  'too-many': 'checkInTooMany',
} as const;

/** The language a visitor's browser prefers among ours (for pages shown before we know them). */
function browserLanguage(request: FastifyRequest): Language {
  const header = request.headers['accept-language'] ?? '';
  for (const part of header.split(',')) {
    const code = part.trim().slice(0, 2).toLowerCase();
    if ((LANGUAGES as readonly string[]).includes(code)) return code as Language;
  }
  return 'fr';
}

function sendPage(reply: FastifyReply, status: number, html: string) {
  return reply
    .code(status)
    .type('text/html; charset=utf-8')
    .header('cache-control', 'no-store')
    .header('referrer-policy', 'no-referrer')
    .header('x-robots-tag', 'noindex')
    .header(
      'content-security-policy',
      "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
    )
    .send(html);
}

/**
 * The pages behind the signed links of messages: RSVP, check-in, survey. GET only shows a
 * page (mail scanners open links); its button POSTs, and only POST acts. Every page speaks the
 * recipient's language (Arabic right to left). Rate-limited per IP.
 */
export function registerPublicLinkRoutes(
  { routes, connections }: HttpContext,
  rateLimit: { max: number; timeWindowMs: number },
): void {
  const { config } = connections;
  const plans = new StartedPlanCache(connections);

  const verify = (token: string, purpose: LinkPurpose): LinkClaims => {
    if (!config.LINK_SECRET)
      throw new MultaqaError(ErrorCodes.invalidLink, 'links are not enabled (no LINK_SECRET)');
    return verifyLinkToken(token, config.LINK_SECRET, new Date(), purpose);
  };

  /** The day and the invitee a link is for, in the invitee's language. */
  const context = async (
    claims: LinkClaims,
    fallback: Language,
  ): Promise<{
    language: Language;
    event: LinkPageEvent;
    answer?: string;
    maxSeats: number;
    invitee?: InviteeView;
  }> => {
    const [{ status }, plan] = await Promise.all([
      readStatus(connections, claims.eventId),
      plans.get(claims.eventId),
    ]);
    // Before anything is shown or done: the link must come from this day, still held.
    ensureLinkOfDay(claims, {
      generation: plan.generation,
      cancelled: status.phase === 'cancelled',
    });
    const invitee = await findInvitee(connections, claims.eventId, claims.associationId, {
      shard: claims.shard,
    }).catch(() => undefined);
    const language = invitee?.language ?? fallback;
    return {
      language,
      invitee,
      maxSeats: plan.definition.seatsPerAssociation,
      event: {
        title: pickText(status.title, language),
        startsAt: status.startsAt,
        endsAt: status.endsAt,
        timeZone: status.timeZone,
        associationName: invitee?.name,
      },
      answer:
        invitee && invitee.status !== 'invited' && invitee.status !== 'pending'
          ? `${invitee.status}${invitee.seats ? ` (${invitee.seats})` : ''}`
          : undefined,
    };
  };

  const failurePage = (
    reply: FastifyReply,
    error: unknown,
    language: Language,
    purpose: LinkPurpose,
  ) => {
    const title = text(language, TITLE_KEY[purpose]);
    if (error instanceof LinkOfEarlierDayError || error instanceof LinkOfCancelledDayError)
      return sendPage(
        reply,
        410,
        noticePage(
          language,
          title,
          text(language, error instanceof LinkOfEarlierDayError ? 'earlierDay' : 'cancelledDay'),
          { error: true },
        ),
      );
    if (error instanceof CheckInRefusedError)
      return sendPage(
        reply,
        error.reason === 'too-many' ? 400 : 409,
        noticePage(
          language,
          title,
          text(language, CHECK_IN_REFUSAL_KEY[error.reason], {
            seats: error.seatsHeld,
          }),
          { error: true },
        ),
      );
    if (error instanceof LinkExpiredError)
      return sendPage(
        reply,
        410,
        noticePage(language, title, text(language, 'expiredLink'), { error: true }),
      );
    if (
      error instanceof LinkInvalidError ||
      (error instanceof MultaqaError && error.code === ErrorCodes.invalidLink)
    )
      return sendPage(
        reply,
        404,
        noticePage(language, title, text(language, 'invalidLink'), { error: true }),
      );
    if (error instanceof ValidationError)
      return sendPage(
        reply,
        400,
        noticePage(language, title, text(language, 'problem', { reason: error.message }), {
          error: true,
        }),
      );
    if (error instanceof MultaqaError) {
      const status =
        error.code === ErrorCodes.notFound
          ? 404
          : error.code === ErrorCodes.invalidInput
            ? 400
            : 409;
      const key = status === 409 ? 'closed' : 'problem';
      return sendPage(
        reply,
        status,
        noticePage(language, title, text(language, key, { reason: error.message }), {
          error: true,
        }),
      );
    }
    reply.request.log.error({ err: error }, 'link page failed');
    return sendPage(
      reply,
      503,
      noticePage(language, title, text(language, 'unavailable'), { error: true }),
    );
  };

  const limits = { rateLimit: { max: rateLimit.max, timeWindow: rateLimit.timeWindowMs } };

  for (const purpose of ['rsvp', 'check-in', 'survey'] as const) {
    const url = `/links/${purpose}/:token`;
    routes.add(
      {
        method: 'GET',
        url,
        summary: `Public ${purpose} page behind a signed link: shows a form, never acts`,
        tag: 'public links',
        access: 'public',
        params: TokenParams,
        query: LinkPageQuery,
        config: limits,
        responses: {
          200: { description: 'HTML page in the recipient language', mediaType: 'text/html' },
          404: { description: 'invalid link (HTML)', mediaType: 'text/html' },
          409: {
            description: 'check-in: the association declined or holds no seat (HTML)',
            mediaType: 'text/html',
          },
          410: {
            description: 'expired link, or a link of a cancelled or earlier day (HTML)',
            mediaType: 'text/html',
          },
          429: { description: 'too many requests from this address' },
        },
      },
      async ({ params, query, request, reply }) => {
        let language = browserLanguage(request);
        try {
          const claims = verify(params.token, purpose);
          const found = await context(claims, language);
          language = found.language;
          const action = `/links/${purpose}/${encodeURIComponent(params.token)}`;
          const html =
            purpose === 'rsvp'
              ? rsvpPage(language, found.event, {
                  action,
                  maxSeats: found.maxSeats,
                  currentAnswer: found.answer,
                  suggested: query.answer,
                })
              : purpose === 'check-in'
                ? checkInPage(language, found.event, {
                    action,
                    // Refused at once (declined, no seat) rather than after the form.
                    maxAttendees:
                      seatsForCheckIn({ method: 'token', attendees: 1 }, found.invitee) ?? 1,
                  })
                : surveyPage(language, found.event, { action });
          return sendPage(reply, 200, html);
        } catch (error) {
          return failurePage(reply, error, language, purpose);
        }
      },
    );

    routes.add(
      {
        method: 'POST',
        url,
        summary: `Act on a signed ${purpose} link (form post from its page)`,
        tag: 'public links',
        access: 'public',
        params: TokenParams,
        bodyMediaType: 'application/x-www-form-urlencoded',
        config: limits,
        responses: {
          200: { description: 'HTML notice of what was recorded', mediaType: 'text/html' },
          400: { description: 'invalid form (HTML)', mediaType: 'text/html' },
          404: { description: 'invalid link (HTML)', mediaType: 'text/html' },
          409: { description: 'closed: deadline passed, day over (HTML)', mediaType: 'text/html' },
          410: {
            description: 'expired link, or a link of a cancelled or earlier day (HTML)',
            mediaType: 'text/html',
          },
          429: { description: 'too many requests from this address' },
        },
      },
      async ({ params, request, reply }) => {
        let language = browserLanguage(request);
        try {
          const claims = verify(params.token, purpose);
          const found = await context(claims, language);
          language = found.language;
          const title = text(language, TITLE_KEY[purpose]);
          const form = request.body ?? {};
          let message: string;
          if (purpose === 'rsvp') {
            const answer = parseOrThrow(RsvpFormSchema, form);
            const outcome = await recordRsvp(
              connections,
              claims.eventId,
              answer.response === 'accept'
                ? {
                    response: 'accept',
                    associationId: claims.associationId,
                    seats: answer.seats,
                    channel: 'link',
                  }
                : { response: 'decline', associationId: claims.associationId, channel: 'link' },
              { shard: claims.shard },
            );
            message =
              outcome.status === 'accepted'
                ? text(language, 'accepted', { seats: outcome.seats })
                : outcome.status === 'waitlisted'
                  ? text(language, 'waitlisted', { position: outcome.waitlistPosition ?? '?' })
                  : text(language, 'declined');
          } else if (purpose === 'check-in') {
            const { attendees } = parseOrThrow(CheckInFormSchema, form);
            const outcome = await recordCheckIn(
              connections,
              claims.eventId,
              { associationId: claims.associationId, attendees, method: 'token' },
              { channel: 'link', actor: 'link holder' },
              { shard: claims.shard },
            );
            message = text(language, outcome.counted ? 'checkedIn' : 'alreadyCheckedIn');
          } else {
            const survey = parseOrThrow(SurveyFormSchema, form);
            await recordSurveyResponse(connections, claims.eventId, {
              associationId: claims.associationId,
              rating: survey.rating,
              comments: survey.comments,
            });
            message = text(language, 'thanks');
          }
          return sendPage(reply, 200, noticePage(language, title, message));
        } catch (error) {
          return failurePage(reply, error, language, purpose);
        }
      },
    );
  }
}

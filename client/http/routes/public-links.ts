import type { FastifyReply } from 'fastify';
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
} from '../../../mail/signed-links';
import { languageFallback, placeLine, seatsText } from '../../../mail/message-language';
import { FreeTextSchema, pickText, type Language } from '../../../domain/common';
import { ErrorCodes, MultaqaError } from '../../../domain/errors';
import type { InviteeView } from '../../../domain/messages/registration';
import {
  CheckInRefusedError,
  recordCheckIn,
  recordSurveyResponse,
  seatsForCheckIn,
} from '../../use-cases/attendance';
import { AssociationDirectory } from '../../../stores/association-directory';
import { findInvitee, recordRsvp } from '../../use-cases/registrations';
import { StartedPlanCache } from '../../started-plan';
import { readStatus } from '../../use-cases/training-days';
import { parseOrThrow } from '../../validation';
import type { HttpContext } from '../http-context';
import { text } from '../link-pages/link-page-text';
import {
  checkInPage,
  noticePage,
  rsvpPage,
  surveyPage,
  textHtml,
  type CurrentAnswer,
  type LinkPageEvent,
} from '../link-pages/link-pages';
import { refusalOf, unavailableNow, type LinkPageDay } from '../link-pages/link-refusals';
import { registerUnsubscribeRoutes } from './unsubscribe-links';
import { browserLanguage, sendPage, TokenParams } from '../link-pages/link-page-reply';

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

type DayLinkPurpose = Exclude<LinkPurpose, 'unsubscribe'>;
const TITLE_KEY: Record<DayLinkPurpose, 'rsvpTitle' | 'checkInTitle' | 'surveyTitle'> = {
  rsvp: 'rsvpTitle',
  'check-in': 'checkInTitle',
  survey: 'surveyTitle',
};
const CHECK_IN_REFUSAL_KEY = {
  declined: 'checkInDeclined',
  'no-seat': 'checkInNoSeat',
  'too-many': 'checkInTooMany',
} as const;

/**
 * The pages behind the signed links of messages: RSVP, check-in, survey. GET only shows a
 * page (mail scanners open links); its button POSTs, and only POST acts. Every page speaks the
 * recipient's language (Arabic right to left). Rate-limited per IP.
 */
export function registerPublicLinkRoutes(
  context_: HttpContext,
  rateLimit: { max: number; timeWindowMs: number },
): void {
  const { app, routes, connections } = context_;
  const { config } = connections;
  const plans = new StartedPlanCache(connections);
  const directory = new AssociationDirectory(connections.redis, config.REDIS_PREFIX);

  const verify = (token: string, purpose: DayLinkPurpose): LinkClaims => {
    if (!config.LINK_SECRET)
      throw new MultaqaError(ErrorCodes.invalidLink, 'links are not enabled (no LINK_SECRET)');
    return verifyLinkToken(token, config.LINK_SECRET, new Date(), purpose);
  };

  /**
   * The day and the invitee a link is for, in the invitee's language. `fromShard: false` reads
   * only the language, from the directory: an answer does not query the shard it is about to
   * update (a query reaching a shard the worker has just evicted can run new events outside
   * any workflow task, which its history cannot replay: docs/reliability.md).
   */
  const context = async (
    claims: LinkClaims,
    fallback: Language,
    { fromShard = true }: { fromShard?: boolean } = {},
  ): Promise<{
    language: Language;
    event: LinkPageEvent;
    day: LinkPageDay;
    current?: CurrentAnswer;
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
    const invitee = fromShard
      ? await findInvitee(connections, claims.eventId, claims.associationId, {
          shard: claims.shard,
        }).catch(() => undefined)
      : undefined;
    const language =
      invitee?.language ??
      (fromShard
        ? undefined
        : (await directory.get(claims.associationId).catch(() => undefined))?.preferredLanguage) ??
      fallback;
    const answered =
      invitee?.status === 'accepted' ||
      invitee?.status === 'waitlisted' ||
      invitee?.status === 'declined';
    return {
      language,
      invitee,
      maxSeats: plan.definition.seatsPerAssociation,
      event: {
        title: pickText(status.title, language),
        startsAt: status.startsAt,
        endsAt: status.endsAt,
        timeZone: status.timeZone,
        place: plan
          ? placeLine(plan.definition.venue, languageFallback(language, status.languages))
          : undefined,
        associationName: invitee?.name,
      },
      day: status,
      current:
        invitee && answered
          ? {
              status: invitee.status as CurrentAnswer['status'],
              seats: invitee.seats,
              waitlistPosition: invitee.waitlistPosition,
            }
          : undefined,
    };
  };

  const failurePage = (
    reply: FastifyReply,
    error: unknown,
    language: Language,
    purpose: DayLinkPurpose,
    found?: { day: LinkPageDay; maxSeats: number },
  ) => {
    const title = text(language, TITLE_KEY[purpose]);
    const notice = (status: number, message: string) =>
      sendPage(reply, status, noticePage(language, title, message, { error: true }));
    if (error instanceof LinkOfEarlierDayError || error instanceof LinkOfCancelledDayError)
      return notice(
        410,
        textHtml(language, error instanceof LinkOfEarlierDayError ? 'earlierDay' : 'cancelledDay'),
      );
    if (error instanceof CheckInRefusedError)
      return notice(
        error.reason === 'too-many' ? 400 : 409,
        textHtml(language, CHECK_IN_REFUSAL_KEY[error.reason], {
          seats: seatsText(language, error.seatsHeld),
        }),
      );
    if (error instanceof LinkExpiredError) return notice(410, textHtml(language, 'expiredLink'));
    if (
      error instanceof LinkInvalidError ||
      (error instanceof MultaqaError && error.code === ErrorCodes.invalidLink)
    )
      return notice(404, textHtml(language, 'invalidLink'));
    const refusal = refusalOf(language, purpose, error, found?.day, found?.maxSeats ?? 50);
    if (refusal) return notice(refusal.status, refusal.message);
    reply.request.log.error({ err: error }, 'link page failed');
    return notice(503, textHtml(language, 'unavailable'));
  };

  // One budget per address across every link page and method: a limiter of its own, since a
  // route's `config.rateLimit` counts each route apart.
  const limited = {
    onRequest: app.rateLimit({ max: rateLimit.max, timeWindow: rateLimit.timeWindowMs }),
  };

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
        ...limited,
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
        let found: Awaited<ReturnType<typeof context>> | undefined;
        try {
          const claims = verify(params.token, purpose);
          found = await context(claims, language);
          language = found.language;
          const action = `/links/${purpose}/${encodeURIComponent(params.token)}`;
          const unavailable = unavailableNow(language, purpose, found.day, Date.now());
          const html =
            purpose === 'rsvp'
              ? rsvpPage(language, found.event, {
                  action,
                  maxSeats: found.maxSeats,
                  current: found.current,
                  suggested: query.answer,
                  unavailable,
                })
              : purpose === 'check-in'
                ? checkInPage(language, found.event, {
                    action,
                    unavailable,
                    // Refused at once (declined, no seat) rather than after the form.
                    maxAttendees:
                      seatsForCheckIn({ method: 'token', attendees: 1 }, found.invitee) ?? 1,
                  })
                : surveyPage(language, found.event, { action, unavailable });
          return sendPage(reply, 200, html);
        } catch (error) {
          return failurePage(reply, error, language, purpose, found);
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
        ...limited,
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
        let found: Awaited<ReturnType<typeof context>> | undefined;
        try {
          const claims = verify(params.token, purpose);
          found = await context(claims, language, { fromShard: purpose !== 'rsvp' });
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
                ? textHtml(language, 'accepted', { seats: seatsText(language, outcome.seats) })
                : outcome.status === 'waitlisted'
                  ? textHtml(language, 'waitlisted', { position: outcome.waitlistPosition ?? '' })
                  : textHtml(language, 'declined');
          } else if (purpose === 'check-in') {
            const { attendees } = parseOrThrow(CheckInFormSchema, form);
            const outcome = await recordCheckIn(
              connections,
              claims.eventId,
              { associationId: claims.associationId, attendees, method: 'token' },
              { channel: 'link', actor: 'link holder' },
              { shard: claims.shard },
            );
            message = textHtml(language, outcome.counted ? 'checkedIn' : 'alreadyCheckedIn');
          } else {
            const survey = parseOrThrow(SurveyFormSchema, form);
            await recordSurveyResponse(connections, claims.eventId, {
              associationId: claims.associationId,
              rating: survey.rating,
              comments: survey.comments,
            });
            message = textHtml(language, 'thanks');
          }
          return sendPage(reply, 200, noticePage(language, title, message));
        } catch (error) {
          return failurePage(reply, error, language, purpose, found);
        }
      },
    );
  }

  registerUnsubscribeRoutes(context_, limited);
}

import type { onRequestHookHandler } from 'fastify';
import { z } from 'zod';
import type { Language } from '../../../domain/common';
import { ErrorCodes, MultaqaError } from '../../../domain/errors';
import { LinkExpiredError, LinkInvalidError, verifyLinkToken } from '../../../mail/signed-links';
import { AssociationDirectory } from '../../../stores/association-directory';
import type { HttpContext } from '../http-context';
import { text } from '../link-pages/link-page-text';
import { noticePage, textHtml } from '../link-pages/link-pages';
import { unsubscribePage } from '../link-pages/unsubscribe-page';
import { browserLanguage, sendPage, TokenParams } from '../link-pages/link-page-reply';

/**
 * The page's buttons send `action`; a mail client's one-click button (RFC 8058) sends
 * `List-Unsubscribe=One-Click`, which unsubscribes.
 */
const UnsubscribeFormSchema = z
  .object({
    action: z.enum(['unsubscribe', 'resubscribe']).optional(),
    'List-Unsubscribe': z.literal('One-Click').optional(),
  })
  .transform((form) => form.action ?? 'unsubscribe');

/**
 * `GET|POST /links/unsubscribe/:token`: the opt-out link of campaign mail (invitations and
 * their reminders), also in their `List-Unsubscribe` header. Unlike the other links it acts on
 * the directory, not on its day, so it keeps working after that day is cancelled or over
 * (a year from the message). The directory leaves opted-out associations out of every later
 * audience; messages an association asked for (its confirmation, changes to its day) still go.
 */
export function registerUnsubscribeRoutes(
  { routes, connections }: HttpContext,
  limited: { onRequest: onRequestHookHandler },
): void {
  const { config } = connections;
  const directory = new AssociationDirectory(connections.redis, config.REDIS_PREFIX);
  const url = '/links/unsubscribe/:token';

  /** The association a link is for, in its language. */
  const holder = async (token: string, fallback: Language) => {
    if (!config.LINK_SECRET)
      throw new MultaqaError(ErrorCodes.invalidLink, 'links are not enabled (no LINK_SECRET)');
    const claims = verifyLinkToken(token, config.LINK_SECRET, new Date(), 'unsubscribe');
    const association = await directory.get(claims.associationId);
    if (!association) throw new LinkInvalidError('association no longer in the directory');
    const [optOut] = await directory.optOutsOf([association.id]);
    const language: Language = association.preferredLanguage ?? fallback;
    return { claims, association, language, optedOut: optOut !== undefined };
  };

  const failure = (language: Language, error: unknown): { status: number; html: string } => {
    const title = text(language, 'unsubscribeTitle');
    const notice = (status: number, key: 'expiredLink' | 'invalidLink' | 'unavailable') => ({
      status,
      html: noticePage(language, title, textHtml(language, key), { error: true }),
    });
    if (error instanceof LinkExpiredError) return notice(410, 'expiredLink');
    if (
      error instanceof LinkInvalidError ||
      (error instanceof MultaqaError && error.code === ErrorCodes.invalidLink)
    )
      return notice(404, 'invalidLink');
    return notice(503, 'unavailable');
  };

  const responses = {
    200: { description: 'HTML page in the association language', mediaType: 'text/html' },
    404: { description: 'invalid link (HTML)', mediaType: 'text/html' },
    410: { description: 'expired link (HTML)', mediaType: 'text/html' },
    429: { description: 'too many requests from this address' },
  };

  routes.add(
    {
      method: 'GET',
      url,
      summary: 'Opt-out page of campaign mail: shows a button, never acts',
      tag: 'public links',
      access: 'public',
      params: TokenParams,
      ...limited,
      responses,
    },
    async ({ params, request, reply }) => {
      const language = browserLanguage(request);
      try {
        const found = await holder(params.token, language);
        return sendPage(
          reply,
          200,
          unsubscribePage(found.language, {
            action: `/links/unsubscribe/${encodeURIComponent(params.token)}`,
            email: found.association.email,
            optedOut: found.optedOut,
          }),
        );
      } catch (error) {
        const { status, html } = failure(language, error);
        if (status === 503) request.log.error({ err: error }, 'unsubscribe page failed');
        return sendPage(reply, status, html);
      }
    },
  );

  routes.add(
    {
      method: 'POST',
      url,
      summary: 'Opt out of invitations (the page button, or RFC 8058 one-click), or back in',
      tag: 'public links',
      access: 'public',
      params: TokenParams,
      bodyMediaType: 'application/x-www-form-urlencoded',
      ...limited,
      responses: {
        ...responses,
        400: { description: 'invalid form (HTML)', mediaType: 'text/html' },
      },
    },
    async ({ params, request, reply }) => {
      let language = browserLanguage(request);
      try {
        const found = await holder(params.token, language);
        language = found.language;
        const parsed = UnsubscribeFormSchema.safeParse(request.body ?? {});
        if (!parsed.success)
          return sendPage(
            reply,
            400,
            noticePage(
              language,
              text(language, 'unsubscribeTitle'),
              textHtml(language, 'invalidLink'),
              {
                error: true,
              },
            ),
          );
        const id = found.association.id;
        if (parsed.data === 'resubscribe') await directory.optIn(id);
        else await directory.optOut(id, { eventId: found.claims.eventId, at: new Date() });
        request.log.info(
          { associationId: id, eventId: found.claims.eventId, action: parsed.data },
          parsed.data === 'resubscribe' ? 'association opted in again' : 'association opted out',
        );
        return sendPage(
          reply,
          200,
          noticePage(
            language,
            text(language, 'unsubscribeTitle'),
            textHtml(language, parsed.data === 'resubscribe' ? 'resubscribed' : 'unsubscribed'),
          ),
        );
      } catch (error) {
        const { status, html } = failure(language, error);
        if (status === 503) request.log.error({ err: error }, 'unsubscribe failed');
        return sendPage(reply, status, html);
      }
    },
  );
}

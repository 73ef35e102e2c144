import {
  BounceReportSchema,
  readDeliveryProblems,
  recordBounces,
} from '../../use-cases/deliveries';
import type { HttpContext } from '../http-context';
import { localTime } from '../local-times';
import { EventParams } from './events';

/** Delivery problems of a training day: refused addresses and possible duplicates. */
export function registerDeliveryRoutes({ routes, connections }: HttpContext): void {
  routes.add(
    {
      method: 'GET',
      url: '/api/events/:eventId/deliveries',
      summary: 'Addresses refused for good and messages that may have arrived twice, newest first',
      tag: 'registration',
      access: 'viewer',
      params: EventParams,
      responses: {
        200: {
          description:
            '{ eventId, timeZone, undeliverable: [{ recipientKind, recipientId, recipientName, email, purpose, revision, reason, at, local }], possibleDuplicates: [{ recipientKind, recipientId, recipientName, email, purpose, revision, messageId, at, local }] }; `local` is `at` as wall-clock time in the event zone',
        },
        404: { description: 'no such training day' },
      },
    },
    async ({ params }) => {
      const problems = await readDeliveryProblems(connections, params.eventId);
      const withLocal = <Entry extends { at: string }>(entries: Entry[]) =>
        entries.map((entry) => ({ ...entry, local: localTime(entry.at, problems.timeZone) }));
      return {
        ...problems,
        undeliverable: withLocal(problems.undeliverable),
        possibleDuplicates: withLocal(problems.possibleDuplicates),
      };
    },
  );

  routes.add(
    {
      method: 'POST',
      url: '/api/bounces',
      summary:
        'Bounces that came back after sending (from the relay or a bounce mailbox): their addresses are listed as refused',
      tag: 'registration',
      access: 'coordinator',
      body: BounceReportSchema,
      responses: {
        200: {
          description:
            '{ recorded, temporary, unknown: [address] }: permanent bounces recorded against their message, temporary ones counted, addresses naming no known message listed',
        },
        400: { description: 'invalid report (names the field)' },
      },
    },
    async ({ body, request }) => {
      const outcome = await recordBounces(connections, body);
      request.log.info(outcome, 'bounces recorded');
      return outcome;
    },
  );
}

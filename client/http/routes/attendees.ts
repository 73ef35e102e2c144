import { CheckInSchema } from '../../../domain/attendance';
import { RecommendationSchema } from '../../../domain/follow-up';
import { RsvpSchema } from '../../../domain/registration';
import { listCheckInsOf, recordCheckIn } from '../../use-cases/attendance';
import { recordRsvp } from '../../use-cases/registrations';
import { recommend } from '../../use-cases/training-day-changes';
import type { HttpContext } from '../http-context';
import { EventParams } from './events';

/** RSVPs taken by a coordinator, check-ins at the door, and recommendations. */
export function registerAttendeeRoutes({ routes, connections }: HttpContext): void {
  routes.add(
    {
      method: 'POST',
      url: '/api/events/:eventId/rsvps',
      summary: 'Record an answer to an invitation (e.g. taken by phone: channel "phone")',
      tag: 'registration',
      access: 'coordinator',
      params: EventParams,
      body: RsvpSchema,
      responses: {
        200: {
          description: 'RsvpOutcome: accepted with seats, waitlisted with position, declined',
        },
        404: { description: 'association not invited' },
        409: { description: 'invitations not open, or registration closed' },
      },
    },
    async ({ params, request }) => recordRsvp(connections, params.eventId, request.body),
  );

  routes.add(
    {
      method: 'POST',
      url: '/api/events/:eventId/check-ins',
      summary:
        'Check an association (or a walk-in) in at the door, within the seats it booked (admitExtra: door staff let more in)',
      tag: 'attendance',
      access: 'coordinator',
      params: EventParams,
      body: CheckInSchema,
      responses: {
        200: { description: 'CheckInOutcome (counted false when already in)' },
        400: { description: 'more people than the seats booked, without admitExtra' },
        409: {
          description: 'no seat held (declined, waiting list) without admitExtra; door closed',
        },
      },
    },
    async ({ params, request }) =>
      recordCheckIn(connections, params.eventId, request.body, {
        channel: 'api',
        actor: 'coordinator key',
      }),
  );

  routes.add(
    {
      method: 'GET',
      url: '/api/events/:eventId/check-ins',
      summary: 'Who checked in: people, seats held, and through what and by whom',
      tag: 'attendance',
      access: 'viewer',
      params: EventParams,
      responses: { 200: { description: 'CheckInOutcome with province, sector and method, each' } },
    },
    async ({ params }) => listCheckInsOf(connections, params.eventId),
  );

  routes.add(
    {
      method: 'POST',
      url: '/api/events/:eventId/recommendations',
      summary: 'Add a recommendation; it becomes a tracked follow-up',
      tag: 'follow-up',
      access: 'coordinator',
      params: EventParams,
      body: RecommendationSchema,
      responses: { 200: { description: 'the Recommendation as stored' } },
    },
    async ({ params, request }) => recommend(connections, params.eventId, request.body),
  );
}

import { z } from 'zod';
import { SlugSchema } from '../../../domain/common';
import { TrainingDayDefinitionSchema, TrainingDayPhaseSchema } from '../../../domain/training-day';
import {
  listInvitedAssociations,
  InviteeQuerySchema,
  readWaitingList,
} from '../../use-cases/registrations';
import {
  AdvanceRequestSchema,
  CancelRequestSchema,
  RescheduleRequestSchema,
  advanceDay,
  cancelDay,
  rescheduleDay,
} from '../../use-cases/training-day-changes';
import { createTrainingDay, readStatus } from '../../use-cases/training-days';
import { listTrainingDays } from '../../use-cases/list-training-days';
import { taxonomyOf } from '../../taxonomy-file';
import type { HttpContext } from '../http-context';
import { summaryWithLocalTime, withLocalTimes } from '../local-times';
import { workflowLinks } from '../temporal-ui-links';

export const EventParams = z.object({ eventId: SlugSchema }).strict();
const booleanQuery = z
  .enum(['true', 'false', '1', '0'])
  .optional()
  .transform((value) => value === 'true' || value === '1');

/** Training days: create, list, status, invitees, waiting list, reschedule, cancel, advance. */
export function registerEventRoutes({ routes, connections }: HttpContext): void {
  routes.add(
    {
      method: 'GET',
      url: '/api/events',
      summary: 'List training days by date, optionally of one phase (read model)',
      tag: 'events',
      access: 'viewer',
      query: z.object({ phase: TrainingDayPhaseSchema.optional() }).strict(),
      responses: { 200: { description: 'summaries of training days' } },
    },
    async ({ query }) => ({
      events: (await listTrainingDays(connections, query)).map(summaryWithLocalTime),
    }),
  );

  routes.add(
    {
      method: 'POST',
      url: '/api/events',
      summary: 'Create a training day from an event definition and start its workflow',
      tag: 'events',
      access: 'coordinator',
      body: TrainingDayDefinitionSchema,
      responses: { 201: { description: 'created: { eventId, workflowId }' } },
    },
    async ({ request, reply }) => {
      const created = await createTrainingDay(connections, request.body, {
        taxonomy: taxonomyOf(connections.config),
      });
      reply.code(201);
      return { eventId: created.eventId, workflowId: created.workflowId };
    },
  );

  routes.add(
    {
      method: 'GET',
      url: '/api/events/:eventId',
      summary: "A training day's status (read model; live=true asks the workflow)",
      tag: 'events',
      access: 'viewer',
      params: EventParams,
      query: z.object({ live: booleanQuery }).strict(),
      responses: {
        200: {
          description:
            'TrainingDayStatus, with `local` wall-clock times; header x-multaqa-source tells where it came from',
        },
        404: { description: 'no such training day' },
      },
    },
    async ({ params, query, reply }) => {
      const reading = await readStatus(connections, params.eventId, { live: query.live });
      reply.header('x-multaqa-source', reading.source);
      return withLocalTimes(reading.status);
    },
  );

  routes.add(
    {
      method: 'GET',
      url: '/api/events/:eventId/workflows',
      summary: "The training day's workflows, with links to the Temporal Web UI",
      tag: 'events',
      access: 'viewer',
      params: EventParams,
      responses: { 200: { description: '{ workflows: [{ kind, label, workflowId, url }] }' } },
    },
    async ({ params }) => {
      const { status } = await readStatus(connections, params.eventId);
      return { workflows: workflowLinks(connections.config, status) };
    },
  );

  routes.add(
    {
      method: 'GET',
      url: '/api/events/:eventId/invitees',
      summary: 'Invited associations and where each stands (queried from the invitation shards)',
      tag: 'registration',
      access: 'viewer',
      params: EventParams,
      query: InviteeQuerySchema,
      responses: { 200: { description: '{ invitees: InviteeView[] }' } },
    },
    async ({ params, query }) => ({
      invitees: await listInvitedAssociations(connections, params.eventId, query),
    }),
  );

  routes.add(
    {
      method: 'GET',
      url: '/api/events/:eventId/waitlist',
      summary: 'Seats taken and the waiting list in order (queried from the seat ledger)',
      tag: 'registration',
      access: 'viewer',
      params: EventParams,
      responses: { 200: { description: '{ capacity, seatsTaken, holders, waitlist }' } },
    },
    async ({ params }) => readWaitingList(connections, params.eventId),
  );

  routes.add(
    {
      method: 'POST',
      url: '/api/events/:eventId/reschedule',
      summary: 'Move a training day (wall-clock date and hours in its time zone)',
      tag: 'events',
      access: 'coordinator',
      params: EventParams,
      body: RescheduleRequestSchema,
      responses: { 200: { description: '{ revision, startsAt, endsAt }' } },
    },
    async ({ params, request }) => {
      const result = await rescheduleDay(connections, params.eventId, request.body);
      return {
        eventId: params.eventId,
        revision: result.revision,
        startsAt: result.command.startsAt,
        endsAt: result.command.endsAt,
      };
    },
  );

  routes.add(
    {
      method: 'POST',
      url: '/api/events/:eventId/cancel',
      summary: 'Cancel a training day; everyone involved is told',
      tag: 'events',
      access: 'coordinator',
      params: EventParams,
      body: CancelRequestSchema,
      responses: { 200: { description: '{ phase }' } },
    },
    async ({ params, request }) => ({
      eventId: params.eventId,
      ...(await cancelDay(connections, params.eventId, request.body)),
    }),
  );

  routes.add(
    {
      method: 'POST',
      url: '/api/events/:eventId/advance',
      summary: 'Move a training day on to a later phase without waiting',
      tag: 'events',
      access: 'coordinator',
      params: EventParams,
      body: AdvanceRequestSchema,
      responses: { 200: { description: '{ phase }' } },
    },
    async ({ params, request }) => ({
      eventId: params.eventId,
      ...(await advanceDay(connections, params.eventId, request.body)),
    }),
  );
}

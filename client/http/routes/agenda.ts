import { AgendaEditSchema } from '../../../domain/agenda-edits';
import { editAgenda, showAgenda } from '../../use-cases/agenda-changes';
import type { HttpContext } from '../http-context';
import { EventParams } from './events';

/** A training day's agenda: read it with each slot's speaker, edit it one change at a time. */
export function registerAgendaRoutes({ routes, connections }: HttpContext): void {
  routes.add(
    {
      method: 'GET',
      url: '/api/events/:eventId/agenda',
      summary: "A training day's agenda with the speaker of each slot now (asks the workflow)",
      tag: 'events',
      access: 'viewer',
      params: EventParams,
      responses: {
        200: { description: 'AgendaView: { date, start, end, agendaRevision, items }' },
        404: { description: 'no such training day' },
      },
    },
    async ({ params }) => showAgenda(connections, params.eventId),
  );

  routes.add(
    {
      method: 'POST',
      url: '/api/events/:eventId/agenda',
      summary:
        'Edit the agenda: { action: replace | move | edit | add | remove, ... }, checked as the event file is',
      tag: 'events',
      access: 'coordinator',
      params: EventParams,
      body: AgendaEditSchema,
      responses: {
        200: { description: 'AgendaView after the edit' },
        400: { description: 'bad edit, naming the field' },
        409: { description: 'the day is under way or over, or the agenda changed meanwhile' },
      },
    },
    async ({ params, body }) => editAgenda(connections, params.eventId, body),
  );
}

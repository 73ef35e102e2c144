import { rebuildProjections } from '../../use-cases/rebuild-projections';
import type { HttpContext } from '../http-context';

/** The read model's maintenance. */
export function registerProjectionRoutes({ routes, connections }: HttpContext): void {
  routes.add(
    {
      method: 'POST',
      url: '/api/projections/rebuild',
      summary: "Restore every training day's projection from its workflow",
      tag: 'read model',
      access: 'coordinator',
      responses: { 200: { description: '{ rebuilt: eventId[], failed: [{ eventId, error }] }' } },
    },
    async () => rebuildProjections(connections),
  );
}

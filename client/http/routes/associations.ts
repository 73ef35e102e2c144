import type { Readable } from 'node:stream';
import { z } from 'zod';
import { AssociationDirectory } from '../../../activities/directory/association-directory';
import { importAssociations } from '../../associations/import-associations';
import { taxonomyOf } from '../../taxonomy-file';
import type { HttpContext } from '../http-context';

const booleanQuery = z
  .enum(['true', 'false', '1', '0'])
  .optional()
  .transform((value) => value === 'true' || value === '1');

/** The directory of associations: CSV import (streamed) and listing. */
export function registerAssociationRoutes({ app, routes, connections }: HttpContext): void {
  // The CSV body is handed over as a stream: a large file is never held whole in memory.
  app.addContentTypeParser(['text/csv', 'application/csv'], (_request, payload, done) => {
    done(null, payload);
  });

  routes.add(
    {
      method: 'POST',
      url: '/api/associations/import',
      summary:
        'Import associations from CSV (text/csv). Every row is checked; with any problem nothing is stored unless skipInvalid=true',
      tag: 'associations',
      access: 'coordinator',
      query: z.object({ skipInvalid: booleanQuery }).strict(),
      bodyMediaType: 'text/csv',
      responses: {
        200: { description: 'ImportReport: rows, imported, skipped, stored, problems' },
        400: { description: 'ImportReport with problems; nothing stored' },
      },
    },
    async ({ query, request, reply }) => {
      const body = request.body as Readable | string | undefined;
      const report = await importAssociations(
        connections.redis,
        connections.config.REDIS_PREFIX,
        body ?? '',
        { skipInvalid: query.skipInvalid, taxonomy: taxonomyOf(connections.config) },
      );
      if (!report.stored && report.problems.length > 0) reply.code(400);
      return report;
    },
  );

  routes.add(
    {
      method: 'GET',
      url: '/api/associations',
      summary: 'List associations in the directory (by id)',
      tag: 'associations',
      access: 'viewer',
      query: z.object({ limit: z.coerce.number().int().min(1).max(10_000).default(500) }).strict(),
      responses: { 200: { description: '{ total, associations }' } },
    },
    async ({ query }) => {
      const directory = new AssociationDirectory(
        connections.redis,
        connections.config.REDIS_PREFIX,
      );
      const found = [];
      for await (const page of directory.all()) found.push(...page);
      found.sort((a, b) => a.id.localeCompare(b.id));
      return { total: found.length, associations: found.slice(0, query.limit) };
    },
  );

  routes.add(
    {
      method: 'GET',
      url: '/api/taxonomy',
      summary: "This deployment's sectors and provinces, with their labels in ar/fr/en",
      tag: 'associations',
      access: 'viewer',
      responses: {
        200: { description: 'Taxonomy: { sectors, provinces }, each [{ id, labels }]' },
      },
    },
    async () => taxonomyOf(connections.config),
  );
}

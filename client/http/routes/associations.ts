import { Transform, type Readable } from 'node:stream';
import { z } from 'zod';
import { ErrorCodes, MultaqaError } from '../../../domain/errors';
import { AssociationDirectory } from '../../../stores/association-directory';
import { importAssociations } from '../../use-cases/import-associations';
import { taxonomyOf } from '../../taxonomy-file';
import type { HttpContext } from '../http-context';

function tooLarge(maxBytes: number): MultaqaError {
  return new MultaqaError(
    ErrorCodes.tooLarge,
    `the CSV is larger than ${Math.round(maxBytes / 1024 / 1024)} MB: split it`,
    'body',
  );
}

/**
 * Passes a request body on, failing it (and so the import) past `maxBytes`. The rest of the
 * body is then read and dropped so the client sees the 413, up to as much again: a client that
 * keeps sending after that loses its connection.
 */
function limitBytes(body: Readable, maxBytes: number): Readable {
  let seen = 0;
  const limited = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      seen += chunk.length;
      if (seen <= maxBytes) {
        done(null, chunk);
        return;
      }
      body.unpipe(limited);
      body.on('data', (rest: Buffer) => {
        seen += rest.length;
        if (seen > 2 * maxBytes) body.destroy();
      });
      body.resume();
      done(tooLarge(maxBytes));
    },
  });
  body.on('error', (error) => limited.destroy(error));
  return body.pipe(limited);
}

const booleanQuery = z
  .enum(['true', 'false', '1', '0'])
  .optional()
  .transform((value) => value === 'true' || value === '1');

/** The directory of associations: CSV import (streamed) and listing. */
export function registerAssociationRoutes({ app, routes, connections }: HttpContext): void {
  const { IMPORT_MAX_MB, IMPORT_MAX_ROWS } = connections.config;
  const maxBytes = IMPORT_MAX_MB * 1024 * 1024;
  // The CSV body is handed over as a stream, never held whole in memory, and cut at the limit
  // (Fastify's bodyLimit does not apply to a body it does not read itself).
  app.addContentTypeParser(['text/csv', 'application/csv'], (request, payload, done) => {
    const declared = Number(request.headers['content-length'] ?? 0);
    if (declared > maxBytes) {
      payload.resume();
      done(tooLarge(maxBytes), undefined);
      return;
    }
    done(null, limitBytes(payload, maxBytes));
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
        200: {
          description:
            'ImportReport: rows, imported, skipped, stored, problems (the first 200), problemCount',
        },
        400: { description: 'ImportReport with problems; nothing stored' },
        413: { description: 'larger than IMPORT_MAX_MB; nothing stored' },
      },
    },
    async ({ query, request, reply }) => {
      const body = request.body as Readable | string | undefined;
      const report = await importAssociations(connections, body ?? '', {
        skipInvalid: query.skipInvalid,
        maxRows: IMPORT_MAX_ROWS,
        taxonomy: taxonomyOf(connections.config),
      });
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

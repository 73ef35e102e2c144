import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { z } from 'zod';
import { SlugSchema } from '../../../domain/common';
import { ErrorCodes, MultaqaError } from '../../../domain/errors';
import type { HttpContext } from '../http-context';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
};

/** The dashboard's static files, from the sources (they are not compiled). */
export function dashboardDir(): string {
  const candidates = [
    resolve(__dirname, '..', '..', 'dashboard', 'public'),
    resolve(__dirname, '..', '..', '..', '..', 'client', 'dashboard', 'public'),
  ];
  const found = candidates.find((candidate) => existsSync(join(candidate, 'index.html')));
  if (!found) throw new Error(`dashboard files not found (looked in ${candidates.join(', ')})`);
  return found;
}

/** The dashboard: pages and assets served by the API's own server. */
export function registerDashboardRoutes({ app, routes }: HttpContext): void {
  const dir = dashboardDir();
  const files = new Map<string, { body: Buffer; type: string }>();
  for (const name of readdirSync(dir)) {
    const type = CONTENT_TYPES[extname(name)];
    if (type) files.set(name, { body: readFileSync(join(dir, name)), type });
  }
  const page = (name: string) => {
    const file = files.get(name);
    if (!file) throw new MultaqaError(ErrorCodes.notFound, `no page ${name}`);
    return file;
  };
  const sendPage = (
    name: string,
    reply: Parameters<Parameters<typeof routes.add>[1]>[0]['reply'],
  ) => {
    const file = page(name);
    return reply.type(file.type).header('cache-control', 'no-cache').send(file.body);
  };

  app.get('/', async (_request, reply) => reply.redirect('/dashboard'));

  const hidden = { tag: 'dashboard', access: 'public' as const, hidden: true };
  routes.add(
    {
      ...hidden,
      method: 'GET',
      url: '/dashboard',
      summary: 'Dashboard',
      responses: { 200: { description: 'page' } },
    },
    async ({ reply }) => sendPage('index.html', reply),
  );
  routes.add(
    {
      ...hidden,
      method: 'GET',
      url: '/dashboard/events/:eventId',
      summary: 'Dashboard page of a training day',
      params: z.object({ eventId: SlugSchema }).strict(),
      responses: { 200: { description: 'page' } },
    },
    async ({ reply }) => sendPage('event.html', reply),
  );
  routes.add(
    {
      ...hidden,
      method: 'GET',
      url: '/dashboard/outbox',
      summary: 'Outbox',
      responses: { 200: { description: 'page' } },
    },
    async ({ reply }) => sendPage('outbox.html', reply),
  );
  routes.add(
    {
      ...hidden,
      method: 'GET',
      url: '/dashboard/assets/:file',
      summary: 'Dashboard asset',
      params: z.object({ file: z.string().regex(/^[a-z0-9-]+\.(js|css|svg)$/) }).strict(),
      responses: { 200: { description: 'asset' } },
    },
    async ({ params, reply }) => {
      const file = page(params.file);
      return reply.type(file.type).header('cache-control', 'no-cache').send(file.body);
    },
  );
}

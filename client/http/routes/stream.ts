import { z } from 'zod';
import { SlugSchema } from '../../../domain/common';
import { summarise } from '../../../stores/read-model';
import type { HttpContext } from '../http-context';
import { summaryWithLocalTime, withLocalTimes } from '../local-times';

/** How often an idle stream sends a comment, so proxies keep it open. */
const KEEP_ALIVE_MS = 15_000;

/**
 * `GET /api/stream`: server-sent events of read-model changes, fed by Redis pub/sub. With
 * `eventId`, only that training day's changes, each with its whole status (`status` events, the first one
 * right after `ready`);
 * without, a summary of every changed training day (`summary` events).
 */
export function registerStreamRoutes({ routes, feed }: HttpContext): void {
  routes.add(
    {
      method: 'GET',
      url: '/api/stream',
      summary: 'Server-sent events: training days as they change (live dashboard)',
      tag: 'read model',
      access: 'viewer',
      query: z.object({ eventId: SlugSchema.optional() }).strict(),
      responses: { 200: { description: 'text/event-stream', mediaType: 'text/event-stream' } },
    },
    async ({ query, request, reply }) => {
      const raw = reply.raw;
      let open = false;
      const send = (event: string, data: unknown) => {
        if (open) raw.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
      };
      // Subscribed before answering, so a Redis failure is still an ordinary error answer.
      const stop = await feed.listen((change, projection) => {
        if (query.eventId && change.eventId !== query.eventId) return;
        if (query.eventId) send('status', withLocalTimes(projection.status));
        else send('summary', summaryWithLocalTime(summarise(projection)));
      });
      reply.hijack();
      raw.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-store',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      });
      open = true;
      send('ready', { eventId: query.eventId ?? null });
      // The page read the status before it subscribed (and a reconnect misses changes): the
      // status as it is once subscribed closes that gap.
      if (query.eventId) {
        const projection = await feed.current(query.eventId).catch(() => undefined);
        if (projection) send('status', withLocalTimes(projection.status));
      }
      const keepAlive = setInterval(() => raw.write(': keep-alive\n\n'), KEEP_ALIVE_MS);
      request.raw.on('close', () => {
        clearInterval(keepAlive);
        stop();
      });
    },
  );
}

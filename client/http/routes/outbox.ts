import { z } from 'zod';
import { ErrorCodes, MultaqaError } from '../../../domain/errors';
import type { HttpContext } from '../http-context';
import { OutboxReader } from '../outbox-reader';

/** The messages the embedded SMTP server kept (only when it is in use). */
export function registerOutboxRoutes({ routes, outboxDir }: HttpContext): void {
  const reader = outboxDir ? new OutboxReader(outboxDir) : undefined;
  const requireReader = () => {
    if (!reader)
      throw new MultaqaError(
        ErrorCodes.notFound,
        'no outbox: messages go to an external SMTP server, not the embedded one',
      );
    return reader;
  };

  routes.add(
    {
      method: 'GET',
      url: '/api/outbox',
      summary: 'Messages sent through the embedded SMTP server, newest first',
      tag: 'outbox',
      access: 'viewer',
      query: z.object({ limit: z.coerce.number().int().min(1).max(2000).default(200) }).strict(),
      responses: {
        200: { description: '{ enabled, total, messages: [{ file, subject, from, to, date }] }' },
      },
    },
    async ({ query }) =>
      reader
        ? { enabled: true, ...(await reader.list(query.limit)) }
        : { enabled: false, total: 0, messages: [] },
  );

  routes.add(
    {
      method: 'GET',
      url: '/api/outbox/:file',
      summary: 'One sent message: headers, text and HTML',
      tag: 'outbox',
      access: 'viewer',
      params: z
        .object({ file: z.string().regex(/^[A-Za-z0-9._-]+\.eml$/, 'must be an .eml file name') })
        .strict(),
      responses: { 200: { description: 'OutboxMessage' }, 404: { description: 'no such message' } },
    },
    async ({ params }) => {
      const message = await requireReader().read(params.file);
      if (!message)
        throw new MultaqaError(ErrorCodes.notFound, `no message ${params.file}`, 'file');
      return message;
    },
  );
}

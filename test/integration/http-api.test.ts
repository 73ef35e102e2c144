import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { storeTrainingDayProjection } from '../../stores/read-model';
import type { TrainingDayStatus } from '../../domain/messages/training-day';
import { startHttpServer } from '../../client/http/server';
import { freePort } from '../../scripts/stack/ports';
import { startTestStack, type TestStack } from '../support/stack';
import { uniqueId } from '../support/temporal';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers are read field by field
type Json = any;

const COORDINATOR_KEY = 'coordinator-key-0123456789abcdef';
const VIEWER_KEY = 'viewer-key-0123456789abcdef012345';
const SEED = JSON.parse(
  readFileSync(resolve(__dirname, '..', '..', 'examples', 'safi-2018-11-23.json'), 'utf8'),
) as Record<string, unknown>;
const ASSOCIATIONS_CSV = readFileSync(
  resolve(__dirname, '..', '..', 'examples', 'associations.csv'),
  'utf8',
);

function statusOf(eventId: string, overrides: Partial<TrainingDayStatus> = {}): TrainingDayStatus {
  return {
    eventId,
    title: { fr: `Journée ${eventId}`, en: `Day ${eventId}` },
    phase: 'invitations-open',
    phaseHistory: [{ phase: 'invitations-open', at: '2030-01-01T09:00:00Z' }],
    revision: 0,
    timeZone: 'Africa/Casablanca',
    startsAt: '2030-02-01T14:00:00Z',
    endsAt: '2030-02-01T17:30:00Z',
    rsvpDeadlineAt: '2030-01-29T22:59:00Z',
    languages: ['ar', 'fr'],
    agenda: [],
    partners: [],
    speakers: [],
    registration: {
      invited: 40,
      pending: 30,
      accepted: 7,
      declined: 3,
      waitlisted: 0,
      undeliverable: 0,
      seatsTaken: 14,
      capacity: 120,
      shards: 1,
      byProvince: { Safi: 5, Youssoufia: 2 },
      bySector: { trade: 4, crafts: 3 },
    },
    attendance: { checkedIn: 0, attendees: 0, walkIns: 0, byProvince: {}, bySector: {} },
    recommendations: [],
    followUps: [],
    nextEventIds: [],
    ...overrides,
  };
}

describe('the HTTP API over real HTTP', () => {
  let stack: TestStack;
  let server: { url: string; close(): Promise<void> };
  let outboxDir: string;

  const call = async (
    path: string,
    options: {
      method?: string;
      key?: string;
      body?: unknown;
      headers?: Record<string, string>;
    } = {},
  ) => {
    const headers: Record<string, string> = { ...options.headers };
    if (options.key) headers.authorization = `Bearer ${options.key}`;
    let body: string | undefined;
    if (options.body !== undefined) {
      body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
      headers['content-type'] ??= 'application/json';
    }
    const response = await fetch(`${server.url}${path}`, {
      method: options.method ?? 'GET',
      headers,
      body,
    });
    const text = await response.text();
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    return { status: response.status, headers: response.headers, text, json: json as Json };
  };

  beforeAll(async () => {
    stack = await startTestStack('http-api', {
      API_KEYS: `coordinator:${COORDINATOR_KEY},viewer:${VIEWER_KEY}`,
    });
    outboxDir = mkdtempSync(join(tmpdir(), 'multaqa-outbox-'));
    server = await startHttpServer({
      config: stack.config,
      temporal: stack.temporal.client,
      redis: stack.redis.redis,
      smtpUrl: stack.smtp.url,
      outboxDir,
      host: '127.0.0.1',
      port: 0,
    });
  });
  afterAll(async () => {
    await server?.close();
    await stack?.stop();
    rmSync(outboxDir, { recursive: true, force: true });
  });

  describe('health', () => {
    it('reports every dependency up with 200 when Temporal, Redis, SMTP and the worker answer', async () => {
      const health = await call('/healthz');
      expect(health.status).toBe(200);
      expect(health.json.status).toBe('ok');
      for (const name of ['temporal', 'redis', 'smtp', 'worker'])
        expect(health.json.checks[name]).toMatchObject({ status: 'up' });
    });

    it('answers 503 and names the dependency that is down', async () => {
      const deadPort = await freePort();
      const degraded = await startHttpServer({
        config: stack.config,
        temporal: stack.temporal.client,
        redis: stack.redis.redis,
        smtpUrl: `smtp://127.0.0.1:${deadPort}`,
        host: '127.0.0.1',
        port: 0,
      });
      try {
        const response = await fetch(`${degraded.url}/healthz`);
        const body = (await response.json()) as Json;
        expect(response.status).toBe(503);
        expect(body.status).toBe('degraded');
        expect(body.checks.smtp.status).toBe('down');
        expect(body.checks.redis.status).toBe('up');
      } finally {
        await degraded.close();
      }
    });
  });

  describe('API keys and roles', () => {
    it('refuses a request without a key, or with an unknown key, with 401', async () => {
      expect((await call('/api/events')).status).toBe(401);
      const unknown = await call('/api/events', { key: 'not-a-key-0123456789abcdef' });
      expect(unknown.status).toBe(401);
      expect(unknown.json.error).toBe('Unauthorized');
    });

    it('lets a viewer read but not act (403), and accepts the x-api-key header', async () => {
      expect((await call('/api/events', { key: VIEWER_KEY })).status).toBe(200);
      const viaHeader = await call('/api/events', { headers: { 'x-api-key': VIEWER_KEY } });
      expect(viaHeader.status).toBe(200);
      const act = await call('/api/events', { method: 'POST', key: VIEWER_KEY, body: SEED });
      expect(act.status).toBe(403);
      expect(act.json.error).toBe('Forbidden');
    });

    it('signs the dashboard in with an HttpOnly cookie that authorises reads but never changes', async () => {
      const session = await call('/api/session', {
        method: 'POST',
        body: { key: COORDINATOR_KEY },
      });
      expect(session.status).toBe(200);
      const cookie = session.headers.get('set-cookie') ?? '';
      expect(cookie).toMatch(/HttpOnly/);
      expect(cookie).toMatch(/SameSite=Strict/);
      const pair = cookie.split(';')[0]!;
      expect((await call('/api/events', { headers: { cookie: pair } })).status).toBe(200);
      const change = await call('/api/events', {
        method: 'POST',
        headers: { cookie: pair },
        body: SEED,
      });
      expect(change.status).toBe(401);
      expect((await call('/api/session', { method: 'POST', body: { key: 'wrong' } })).status).toBe(
        401,
      );
    });
  });

  describe('validation at the edge', () => {
    it('answers 400 naming each bad field of an event definition, and starts nothing', async () => {
      const bad = {
        ...SEED,
        id: uniqueId('bad-day'),
        capacity: -3,
        agenda: [{ ...(SEED.agenda as object[])[0], start: '25:00' }],
      };
      const response = await call('/api/events', {
        method: 'POST',
        key: COORDINATOR_KEY,
        body: bad,
      });
      expect(response.status).toBe(400);
      expect(response.json.error).toBe('InvalidInput');
      const fields = (response.json.problems as Array<{ field: string }>).map(
        (problem) => problem.field,
      );
      expect(fields).toEqual(expect.arrayContaining(['capacity', 'agenda.0.start']));
      await expect(
        stack.temporal.client.workflow.getHandle(`training-day/${bad.id}`).describe(),
      ).rejects.toThrow(/not found/i);
    });

    it('answers 400 naming the field of a bad RSVP, a bad phase filter and a bad event id', async () => {
      const rsvp = await call('/api/events/some-day/rsvps', {
        method: 'POST',
        key: COORDINATOR_KEY,
        body: { response: 'accept', associationId: 'potiers-safi', seats: 0 },
      });
      expect(rsvp.status).toBe(400);
      expect(rsvp.json.problems).toEqual([expect.objectContaining({ field: 'seats' })]);
      const phase = await call('/api/events?phase=someday', { key: VIEWER_KEY });
      expect(phase.status).toBe(400);
      expect(phase.json.problems[0].field).toBe('phase');
      const id = await call('/api/events/Not_A_Slug', { key: VIEWER_KEY });
      expect(id.status).toBe(400);
      expect(id.json.problems[0].field).toBe('eventId');
    });

    it('answers 400 for malformed JSON, and 404 for a training day that does not exist', async () => {
      const malformed = await call('/api/events', {
        method: 'POST',
        key: COORDINATOR_KEY,
        body: '{"title":',
      });
      expect(malformed.status).toBe(400);
      const missing = await call(`/api/events/${uniqueId('no-such-day')}`, { key: VIEWER_KEY });
      expect(missing.status).toBe(404);
      expect(missing.json.error).toBe('NotFound');
    });
  });

  describe('training days', () => {
    it('creates a training day (201) and reads its status back', async () => {
      const eventId = uniqueId('api-day');
      const created = await call('/api/events', {
        method: 'POST',
        key: COORDINATOR_KEY,
        body: { ...SEED, id: eventId },
      });
      expect(created.status).toBe(201);
      expect(created.json).toEqual({ eventId, workflowId: `training-day/${eventId}` });
      const again = await call('/api/events', {
        method: 'POST',
        key: COORDINATOR_KEY,
        body: { ...SEED, id: eventId },
      });
      expect(again.status).toBe(400);
      expect(again.json.problems[0].field).toBe('id');
      const status = await call(`/api/events/${eventId}?live=true`, { key: VIEWER_KEY });
      expect(status.status).toBe(200);
      expect(status.headers.get('x-multaqa-source')).toBe('workflow');
      expect(status.json).toMatchObject({ eventId, startsAt: '2018-11-23T14:00:00Z' });
      expect(typeof status.json.phase).toBe('string');
    });

    it('lists training days from the read model, filtered by phase, and links their workflows', async () => {
      const open = uniqueId('open-day');
      const closed = uniqueId('closed-day');
      await storeTrainingDayProjection(
        stack.redis.redis,
        stack.config.REDIS_PREFIX,
        statusOf(open),
        { version: 1 },
      );
      await storeTrainingDayProjection(
        stack.redis.redis,
        stack.config.REDIS_PREFIX,
        statusOf(closed, { phase: 'closed', startsAt: '2029-05-01T09:00:00Z' }),
        { version: 1 },
      );
      const all = await call('/api/events', { key: VIEWER_KEY });
      const ids = (all.json.events as Array<{ eventId: string }>).map((day) => day.eventId);
      expect(ids.indexOf(closed)).toBeLessThan(ids.indexOf(open));
      const onlyOpen = await call('/api/events?phase=invitations-open', { key: VIEWER_KEY });
      expect(onlyOpen.json.events).toEqual([
        expect.objectContaining({
          eventId: open,
          phase: 'invitations-open',
          accepted: 7,
          invited: 40,
        }),
      ]);
      const status = await call(`/api/events/${open}`, { key: VIEWER_KEY });
      expect(status.headers.get('x-multaqa-source')).toBe('read-model');
      expect(status.json.registration.accepted).toBe(7);
      const links = await call(`/api/events/${open}/workflows`, { key: VIEWER_KEY });
      expect(links.json.workflows).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            kind: 'training-day',
            url: `http://127.0.0.1:8233/namespaces/default/workflows/${encodeURIComponent(`training-day/${open}`)}`,
          }),
          expect.objectContaining({
            kind: 'invitations',
            workflowId: `training-day/${open}/invitations/0`,
          }),
        ]),
      );
    });

    it('streams changes of the read model as server-sent events', async () => {
      const eventId = uniqueId('live-day');
      const controller = new AbortController();
      const response = await fetch(`${server.url}/api/stream?eventId=${eventId}`, {
        headers: { authorization: `Bearer ${VIEWER_KEY}` },
        signal: controller.signal,
      });
      expect(response.headers.get('content-type')).toMatch(/text\/event-stream/);
      const reader = response.body!.getReader();
      const decoder = new TextDecoder();
      let received = '';
      const readUntil = async (pattern: RegExp) => {
        while (!pattern.test(received)) {
          const { value, done } = await reader.read();
          if (done) throw new Error(`stream ended before ${pattern}`);
          received += decoder.decode(value);
        }
      };
      await readUntil(/event: ready/);
      await storeTrainingDayProjection(
        stack.redis.redis,
        stack.config.REDIS_PREFIX,
        statusOf(eventId, { registration: { ...statusOf(eventId).registration, accepted: 11 } }),
        { version: 5 },
      );
      await readUntil(/event: status\ndata: .*"accepted":11/);
      controller.abort();
    });

    it("sends the current status right after subscribing, so no change falls between the page's read and its subscription", async () => {
      const eventId = uniqueId('late-subscriber');
      await storeTrainingDayProjection(
        stack.redis.redis,
        stack.config.REDIS_PREFIX,
        statusOf(eventId, { registration: { ...statusOf(eventId).registration, accepted: 7 } }),
        { version: 3 },
      );
      const controller = new AbortController();
      const response = await fetch(`${server.url}/api/stream?eventId=${eventId}`, {
        headers: { authorization: `Bearer ${VIEWER_KEY}` },
        signal: controller.signal,
      });
      const reader = response.body!.getReader();
      const decoder = new TextDecoder();
      let received = '';
      while (!/event: status\ndata: /.test(received)) {
        const { value, done } = await reader.read();
        if (done) throw new Error('stream ended before the first status');
        received += decoder.decode(value);
      }
      expect(received.indexOf('event: ready')).toBeLessThan(received.indexOf('event: status'));
      expect(received).toMatch(/"accepted":7/);
      controller.abort();
    });

    it('serves every live stream from one Redis subscription', async () => {
      const controllers = [new AbortController(), new AbortController(), new AbortController()];
      const readers = await Promise.all(
        controllers.map(async (controller, index) => {
          const response = await fetch(
            `${server.url}/api/stream${index === 0 ? '' : `?eventId=day-${index}`}`,
            { headers: { authorization: `Bearer ${VIEWER_KEY}` }, signal: controller.signal },
          );
          const reader = response.body!.getReader();
          await reader.read();
          return reader;
        }),
      );
      const channel = `${stack.config.REDIS_PREFIX}read-model:changes`;
      const [, subscribers] = (await stack.redis.redis.pubsub('NUMSUB', channel)) as [
        string,
        number,
      ];
      expect(subscribers).toBe(1);
      controllers.forEach((controller) => controller.abort());
      expect(readers).toHaveLength(3);
    });

    it('keeps a newer projection when an older publication arrives late', async () => {
      const eventId = uniqueId('ordered-day');
      const prefix = stack.config.REDIS_PREFIX;
      const redis = stack.redis.redis;
      expect(
        await storeTrainingDayProjection(
          redis,
          prefix,
          statusOf(eventId, { phase: 'registration-closed' }),
          { version: 20 },
        ),
      ).toBe(true);
      expect(
        await storeTrainingDayProjection(redis, prefix, statusOf(eventId), { version: 10 }),
      ).toBe(false);
      const status = await call(`/api/events/${eventId}`, { key: VIEWER_KEY });
      expect(status.json.phase).toBe('registration-closed');
      const open = await call('/api/events?phase=invitations-open', { key: VIEWER_KEY });
      expect(
        (open.json.events as Array<{ eventId: string }>).map((day) => day.eventId),
      ).not.toContain(eventId);
    });
  });

  describe('associations', () => {
    it('imports the example CSV and lists the associations', async () => {
      const response = await call('/api/associations/import', {
        method: 'POST',
        key: COORDINATOR_KEY,
        body: ASSOCIATIONS_CSV,
        headers: { 'content-type': 'text/csv' },
      });
      expect(response.status).toBe(200);
      expect(response.json).toMatchObject({ rows: 40, imported: 40, stored: true, problems: [] });
      const list = await call('/api/associations?limit=5', { key: VIEWER_KEY });
      expect(list.json.total).toBeGreaterThanOrEqual(40);
      expect(list.json.associations).toHaveLength(5);
    });

    it('stores nothing from a CSV with a bad row, and reports the row and field', async () => {
      const csv = `${ASSOCIATIONS_CSV.split(/\r?\n/)[0]}\nnew-one,New,trade,Safi,new@example.org,fr,,yes\nbad-one,Bad,farming,Safi,bad@example.org,fr,,yes\n`;
      const response = await call('/api/associations/import', {
        method: 'POST',
        key: COORDINATOR_KEY,
        body: csv,
        headers: { 'content-type': 'text/csv' },
      });
      expect(response.status).toBe(400);
      expect(response.json).toMatchObject({ stored: false, imported: 0 });
      expect(response.json.problems).toEqual([
        expect.objectContaining({ row: 3, field: 'sector' }),
      ]);
      expect(
        await stack.redis.redis.hexists(`${stack.config.REDIS_PREFIX}associations`, 'new-one'),
      ).toBe(0);
    });
  });

  describe('documents and pages', () => {
    it('serves an OpenAPI 3.1 document with the paths, written from the zod schemas', async () => {
      const response = await call('/openapi.json');
      expect(response.status).toBe(200);
      const document = response.json;
      expect(document.openapi).toBe('3.1.0');
      for (const path of [
        '/api/events',
        '/api/events/{eventId}',
        '/api/events/{eventId}/rsvps',
        '/api/events/{eventId}/check-ins',
        '/api/events/{eventId}/partners/{partnerId}/answer',
        '/api/events/{eventId}/speakers/{agendaItemId}/replace',
        '/api/associations/import',
        '/links/rsvp/{token}',
        '/healthz',
      ])
        expect(Object.keys(document.paths)).toContain(path);
      const create = document.paths['/api/events'].post;
      const schema = create.requestBody.content['application/json'].schema;
      expect(schema.properties).toHaveProperty('agenda');
      expect(schema.required).toEqual(expect.arrayContaining(['title', 'capacity', 'agenda']));
      expect(create.responses).toHaveProperty('403');
      const rsvp = document.paths['/api/events/{eventId}/rsvps'].post;
      expect(rsvp.parameters).toEqual([
        expect.objectContaining({ name: 'eventId', in: 'path', required: true }),
      ]);
      expect(Object.keys(document.paths)).not.toContain('/dashboard');
    });

    it('serves the dashboard pages with a content security policy, and redirects / to them', async () => {
      const root = await fetch(`${server.url}/`, { redirect: 'manual' });
      expect(root.status).toBe(302);
      expect(root.headers.get('location')).toBe('/dashboard');
      const page = await call('/dashboard');
      expect(page.status).toBe(200);
      expect(page.headers.get('content-security-policy')).toMatch(/script-src 'self'/);
      expect(page.text).toContain('/dashboard/assets/index.js');
      const script = await call('/dashboard/assets/event.js');
      expect(script.status).toBe(200);
      expect(script.headers.get('content-type')).toMatch(/javascript/);
      expect((await call('/dashboard/assets/..%2Fsecret.js')).status).toBe(400);
    });

    it("lists the messages of the embedded SMTP server's outbox", async () => {
      writeFileSync(
        join(outboxDir, '2030-01-01T00-00-00-000Z-1-1.eml'),
        [
          'From: multaqa <no-reply@multaqa.example.org>',
          'To: potiers-safi@example.org',
          'Subject: Invitation : journée de formation',
          'Date: Tue, 01 Jan 2030 00:00:00 +0000',
          'X-Multaqa-Purpose: association-invitation',
          'Content-Type: text/plain; charset=utf-8',
          '',
          'Bonjour',
        ].join('\r\n'),
      );
      const list = await call('/api/outbox', { key: VIEWER_KEY });
      expect(list.json).toMatchObject({ enabled: true, total: 1 });
      expect(list.json.messages[0]).toMatchObject({
        subject: 'Invitation : journée de formation',
        to: 'potiers-safi@example.org',
        purpose: 'association-invitation',
      });
      const message = await call(`/api/outbox/${list.json.messages[0].file}`, { key: VIEWER_KEY });
      expect(message.json.text).toContain('Bonjour');
      expect((await call('/api/outbox/..%2F..%2Fetc%2Fpasswd', { key: VIEWER_KEY })).status).toBe(
        400,
      );
    });
  });
});

import { Readable } from 'node:stream';
import { AssociationDirectory } from '../../stores/association-directory';
import { parseConfig } from '../../domain/config';
import { startHttpServer } from '../../client/http/server';
import { connectTestRedis } from '../support/redis';
import { TEST_LINK_SECRET } from '../support/stack';
import { connectToDevServer, type DevServerClients } from '../support/temporal';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers are read field by field
type Json = any;

const COORDINATOR_KEY = 'coordinator-key-hardening-0123456789';
const HEADER = 'id,name,sector,province,email,preferred_language';

function row(index: number, email = `a${index}@example.org`): string {
  return `assoc-${index},Association ${index},trade,Safi,${email},fr`;
}

/**
 * The HTTP server's limits and headers, over real HTTP against the real Redis and Temporal:
 * security headers on every answer, one per-address budget for all link pages, the proxy
 * setting, sign-in attempts, CSV import size, rows and report, and the schemes of stored links.
 */
describe('the HTTP server under hostile or careless use', () => {
  let temporal: DevServerClients;
  let redis: Awaited<ReturnType<typeof connectTestRedis>>;
  const servers: Array<{ close(): Promise<void> }> = [];
  let servedCount = 0;

  async function serve(env: Record<string, string> = {}, publicRateLimit?: { max: number }) {
    servedCount += 1;
    const config = parseConfig({
      ...process.env,
      // Each server its own keys: rate-limit budgets of one test never reach another.
      REDIS_PREFIX: `${redis.prefix}${servedCount}:`,
      LINK_SECRET: TEST_LINK_SECRET,
      API_KEYS: `coordinator:${COORDINATOR_KEY}`,
      MULTAQA_EMBEDDED: 'false',
      ...env,
    });
    const server = await startHttpServer({
      config,
      temporal: temporal.client,
      redis: redis.redis,
      publicRateLimit,
      host: '127.0.0.1',
      port: 0,
    });
    servers.push(server);
    return {
      config,
      call: async (
        path: string,
        init: RequestInit & { key?: string; duplex?: 'half' } = {},
      ): Promise<{ status: number; headers: Headers; json: Json; text: string }> => {
        const headers = new Headers(init.headers);
        if (init.key) headers.set('authorization', `Bearer ${init.key}`);
        const response = await fetch(`${server.url}${path}`, { ...init, headers });
        const text = await response.text();
        let json: Json;
        try {
          json = JSON.parse(text);
        } catch {
          json = undefined;
        }
        return { status: response.status, headers: response.headers, json, text };
      },
    };
  }

  beforeAll(async () => {
    temporal = await connectToDevServer();
    redis = await connectTestRedis('http-hardening');
  });
  afterAll(async () => {
    for (const server of servers) await server.close();
    await redis?.cleanup();
    await temporal?.close();
  });

  it('sends nosniff, a content security policy and frame-ancestors on every HTML page, JSON and 404', async () => {
    const { call } = await serve();
    for (const path of [
      '/dashboard',
      '/dashboard/outbox',
      '/dashboard/events/some-day',
      '/links/rsvp/not-a-token',
      '/links/check-in/not-a-token',
      '/links/survey/not-a-token',
      '/api/events',
      '/no/such/route',
    ]) {
      const answer = await call(path);
      expect([path, answer.headers.get('x-content-type-options')]).toEqual([path, 'nosniff']);
      expect([path, answer.headers.get('content-security-policy')]).toEqual([
        path,
        expect.stringContaining("frame-ancestors 'none'"),
      ]);
      expect([path, answer.headers.get('x-frame-options')]).toEqual([path, 'DENY']);
    }
    const page = await call('/dashboard');
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
  });

  it('counts every link page and method against one budget per address', async () => {
    const { call } = await serve({}, { max: 5 });
    const statuses: number[] = [];
    for (const purpose of ['rsvp', 'check-in', 'survey', 'rsvp', 'check-in', 'survey'])
      statuses.push((await call(`/links/${purpose}/forged-token`)).status);
    expect(statuses.slice(0, 5)).toEqual([404, 404, 404, 404, 404]);
    expect(statuses[5]).toBe(429);
    const post = await call('/links/rsvp/forged-token', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'response=decline',
    });
    expect(post.status).toBe(429);
  });

  it('believes X-Forwarded-For only from a trusted proxy, so users behind it keep their own budgets', async () => {
    const direct = await serve({}, { max: 2 });
    const behindProxy = await serve({ TRUST_PROXY: '127.0.0.1' }, { max: 2 });
    const hits = async (server: typeof direct, address: string) => {
      const statuses: number[] = [];
      for (let index = 0; index < 2; index += 1)
        statuses.push(
          (await server.call('/links/rsvp/forged', { headers: { 'x-forwarded-for': address } }))
            .status,
        );
      return statuses;
    };
    // Without a trusted proxy the header is ignored: both "users" share the loopback's budget.
    expect(await hits(direct, '203.0.113.1')).toEqual([404, 404]);
    expect(await hits(direct, '203.0.113.2')).toEqual([429, 429]);
    // Behind the trusted proxy each forwarded address has its own budget.
    expect(await hits(behindProxy, '203.0.113.3')).toEqual([404, 404]);
    expect(await hits(behindProxy, '203.0.113.4')).toEqual([404, 404]);
    expect(await hits(behindProxy, '203.0.113.3')).toEqual([429, 429]);
  });

  it('refuses a bad TRUST_PROXY value at start-up, naming it', () => {
    expect(() => parseConfig({ TRUST_PROXY: 'everyone' })).toThrow(/TRUST_PROXY/);
  });

  it('limits dashboard sign-in attempts from one address', async () => {
    const { call } = await serve({ SIGN_IN_RATE_PER_MINUTE: '3' });
    const attempt = (key: string) =>
      call('/api/session', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ key }),
      });
    const statuses = [];
    for (let index = 0; index < 3; index += 1)
      statuses.push((await attempt(`guess-${index}-0123456789abcdef`)).status);
    expect(statuses).toEqual([401, 401, 401]);
    const blocked = await attempt(COORDINATOR_KEY);
    expect(blocked.status).toBe(429);
    expect(blocked.json.error).toBe('RateLimited');
  });

  describe('the CSV import', () => {
    const importCsv = (
      server: Awaited<ReturnType<typeof serve>>,
      body: string | ReadableStream<Uint8Array>,
    ) =>
      server.call('/api/associations/import', {
        method: 'POST',
        key: COORDINATOR_KEY,
        headers: { 'content-type': 'text/csv' },
        body,
        ...(typeof body === 'string' ? {} : { duplex: 'half' as const }),
      });
    const directorySize = (server: Awaited<ReturnType<typeof serve>>) =>
      new AssociationDirectory(redis.redis, server.config.REDIS_PREFIX).count();

    it('refuses a body over IMPORT_MAX_MB with 413, declared or streamed, and stores nothing', async () => {
      const server = await serve({ IMPORT_MAX_MB: '0.05' });
      const before = await directorySize(server);
      const rows = Array.from({ length: 1500 }, (_, index) => row(index));
      const csv = [HEADER, ...rows].join('\n');
      expect(Buffer.byteLength(csv)).toBeGreaterThan(0.05 * 1024 * 1024);

      const declared = await importCsv(server, csv);
      expect(declared.status).toBe(413);
      expect(declared.json).toMatchObject({
        error: 'TooLarge',
        problems: [{ field: 'body', message: expect.stringMatching(/larger than/) }],
      });

      // Sent in chunks without a Content-Length: cut while streaming.
      const streamed = await importCsv(
        server,
        Readable.toWeb(
          Readable.from(
            [HEADER, ...rows].map((line) => Buffer.from(`${line}\n`)),
            { objectMode: false },
          ),
        ) as ReadableStream<Uint8Array>,
      );
      expect(streamed.status).toBe(413);
      expect(await directorySize(server)).toBe(before);
    });

    it('refuses a file over IMPORT_MAX_ROWS as a whole and stores nothing, even with skipInvalid', async () => {
      const server = await serve({ IMPORT_MAX_ROWS: '10' });
      const before = await directorySize(server);
      const csv = [HEADER, ...Array.from({ length: 11 }, (_, index) => row(100 + index))].join(
        '\n',
      );
      const answer = await server.call('/api/associations/import?skipInvalid=true', {
        method: 'POST',
        key: COORDINATOR_KEY,
        headers: { 'content-type': 'text/csv' },
        body: csv,
      });
      expect(answer.status).toBe(400);
      expect(answer.json.stored).toBe(false);
      expect(answer.json.problems).toContainEqual(
        expect.objectContaining({
          field: '(file)',
          message: expect.stringMatching(/more than 10/),
        }),
      );
      expect(await directorySize(server)).toBe(before);
    });

    it('lists the first 200 problems of a file full of them and counts them all', async () => {
      const server = await serve();
      const csv = [
        HEADER,
        ...Array.from({ length: 1000 }, (_, index) => row(200 + index, 'not-an-email')),
      ].join('\n');
      const answer = await importCsv(server, csv);
      expect(answer.status).toBe(400);
      expect(answer.json.problems).toHaveLength(200);
      expect(answer.json.problemCount).toBe(1000);
      expect(answer.json.problems[0]).toMatchObject({ row: 2, field: 'email' });
      expect(answer.text.length).toBeLessThan(64 * 1024);
    });
  });

  it('refuses javascript: and data: links in coordination news, naming the field', async () => {
    const { call } = await serve();
    for (const link of ['javascript:alert(1)', 'data:text/html,<script>x</script>']) {
      const answer = await call('/api/events/some-day/follow-ups/networking-visits/news', {
        method: 'POST',
        key: COORDINATOR_KEY,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ title: 'Call for projects', body: 'Details inside', link }),
      });
      expect(answer.status).toBe(400);
      expect(answer.json.problems).toContainEqual(expect.objectContaining({ field: 'link' }));
    }
  });
});

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { importAssociations } from '../../client/use-cases/import-associations';
import { recordRsvp } from '../../client/use-cases/registrations';
import { advanceDay } from '../../client/use-cases/training-day-changes';
import { createTrainingDay } from '../../client/use-cases/training-days';
import { eventually } from '../support/workflow-harness';
import { startTestHttpServer, startTestStack, type TestStack } from '../support/stack';
import { uniqueId } from '../support/temporal';

const ROOT = resolve(__dirname, '..', '..');
const SEED = JSON.parse(readFileSync(resolve(ROOT, 'examples', 'safi-2018-11-23.json'), 'utf8'));
const CSV = readFileSync(resolve(ROOT, 'examples', 'associations.csv'), 'utf8');
const VIEWER_KEY = 'metrics-viewer-key-0123456789abcdef';
const COORDINATOR_KEY = 'metrics-coordinator-key-0123456789';

/** The value of one sample (`name{labels} value`) in Prometheus' text format, or undefined. */
function sample(text: string, name: string, labels: Record<string, string>): number | undefined {
  for (const line of text.split('\n')) {
    if (!line.startsWith(`${name}{`)) continue;
    const matches = Object.entries(labels).every(([key, value]) =>
      line.includes(`${key}="${value}"`),
    );
    if (matches) return Number(line.slice(line.lastIndexOf(' ') + 1));
  }
  return undefined;
}

jest.setTimeout(120_000);

describe('/metrics in Prometheus format', () => {
  let stack: TestStack;
  let server: Awaited<ReturnType<typeof startTestHttpServer>>;
  const scrape = async (key = VIEWER_KEY) => {
    const response = await fetch(`${server.url}/metrics`, {
      headers: { authorization: `Bearer ${key}` },
    });
    return {
      status: response.status,
      type: response.headers.get('content-type'),
      text: await response.text(),
    };
  };

  beforeAll(async () => {
    stack = await startTestStack('metrics', {
      API_KEYS: `coordinator:${COORDINATOR_KEY},viewer:${VIEWER_KEY}`,
    });
    server = await startTestHttpServer(stack);
  });
  afterAll(async () => {
    await server?.close();
    await stack?.stop();
  });

  it('needs a key, like every route that is not a public link', async () => {
    expect((await fetch(`${server.url}/metrics`)).status).toBe(401);
  });

  it('counts the messages, RSVPs and requests of a running campaign, and shows it by day and phase', async () => {
    const connections = {
      config: stack.config,
      temporal: stack.temporal.client,
      redis: stack.redis.redis,
    };
    await importAssociations(connections, CSV);
    const eventId = uniqueId('metrics-day');
    const date = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    await createTrainingDay(connections, { ...SEED, id: eventId }, { date });
    const before = await scrape();
    const acceptedBefore =
      sample(before.text, 'multaqa_rsvps_total', { status: 'accepted', channel: 'phone' }) ?? 0;
    const sentBefore =
      sample(before.text, 'multaqa_messages_total', {
        purpose: 'association-invitation',
        outcome: 'sent',
      }) ?? 0;

    await advanceDay(connections, eventId, { to: 'invitations-open', reason: 'metrics test' });
    await stack.smtp.waitFor(
      (messages) => messages.some((message) => message.to.includes('potiers-safi@example.org')),
      30_000,
    );
    await recordRsvp(connections, eventId, {
      response: 'accept',
      associationId: 'potiers-safi',
      seats: 2,
      channel: 'phone',
    });

    const after = await eventually(
      async () => (await scrape()).text,
      (text) =>
        sample(text, 'multaqa_campaign_invitees', { event_id: eventId, state: 'accepted' }) === 1,
      'the accepted answer in the campaign gauge',
      30_000,
    );
    expect(sample(after, 'multaqa_rsvps_total', { status: 'accepted', channel: 'phone' })).toBe(
      acceptedBefore + 1,
    );
    expect(
      sample(after, 'multaqa_messages_total', {
        purpose: 'association-invitation',
        outcome: 'sent',
      }),
    ).toBeGreaterThan(sentBefore);
    expect(
      sample(after, 'multaqa_campaign_invitees', { event_id: eventId, state: 'invited' }),
    ).toBeGreaterThan(1);
    expect(
      sample(after, 'multaqa_training_days', { phase: 'invitations-open' }),
    ).toBeGreaterThanOrEqual(1);
    // Route patterns, never raw paths (a signed token must not become a label).
    expect(
      sample(after, 'multaqa_http_request_duration_seconds_count', {
        method: 'GET',
        route: '/metrics',
        status_code: '200',
      }),
    ).toBeGreaterThanOrEqual(1);
    expect(after).toMatch(/^multaqa_process_resident_memory_bytes \d+/m);
    expect(after).toMatch(/^multaqa_read_model_lag_seconds_count \d+/m);
    const scraped = await scrape();
    expect(scraped.status).toBe(200);
    expect(scraped.type).toMatch(/^text\/plain; version=0\.0\.4/);
  });
});

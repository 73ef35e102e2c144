import { defaultPayloadConverter, type Payload } from '@temporalio/common';
import { bundleWorkflowCode } from '@temporalio/worker';
import type { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { BatchProgress } from '../../activities/mail/send-batch';
import { listPossibleDuplicates } from '../../stores/possible-duplicates';
import { SendLedger } from '../../stores/send-ledger';
import type { MessageRecipient } from '../../domain/messages/mail';
import { connectTestRedis } from '../support/redis';
import { SmtpSink, type CapturedMessage } from '../support/smtp-sink';
import { TEST_LINK_SECRET } from '../support/stack';
import {
  connectToDevServer,
  uniqueId,
  uniqueTaskQueue,
  type DevServerClients,
} from '../support/temporal';
import { mailCampaignWorkflow, type MailCampaignInput } from '../support/workflows/mail-campaign';
import { seedEventBrief } from '../unit/mail-fixtures';
import { SmtpRelay } from './mail-smtp-proxy';
import { startWorkerProcess, stopWorkerProcess } from '../support/worker-processes';

const ROOT = resolve(__dirname, '..', '..');
const WORKER_SCRIPT = join(ROOT, 'test', 'support', 'worker-process.ts');
const LEASE_MS = 1500;

let temporal: DevServerClients;
let redis: Awaited<ReturnType<typeof connectTestRedis>>;
let sink: SmtpSink;
let relay: SmtpRelay;
let bundleFile: string;
const taskQueue = uniqueTaskQueue('mail-crash');
const workers = new Set<ChildProcess>();

/** Starts a mail worker in its own process and waits until it polls. */
async function startMailWorker(): Promise<ChildProcess> {
  const child = await startWorkerProcess(WORKER_SCRIPT, {
    TEMPORAL_TASK_QUEUE: taskQueue,
    REDIS_PREFIX: redis.prefix,
    SMTP_URL: relay.url,
    SMTP_RATE_PER_SECOND: '100',
    LINK_SECRET: TEST_LINK_SECRET,
    MULTAQA_EMBEDDED: 'false',
    MULTAQA_WORKER_BUNDLE: bundleFile,
    MULTAQA_MAIL_LEASE_MS: String(LEASE_MS),
  });
  workers.add(child);
  return child;
}

async function kill(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  await stopWorkerProcess(child, signal);
  workers.delete(child);
}

beforeAll(async () => {
  const varDir = join(ROOT, 'var', 'test');
  mkdirSync(varDir, { recursive: true });
  bundleFile = join(varDir, `mail-campaign-bundle-${randomUUID().slice(0, 8)}.js`);
  const [bundle, clients, testRedis, testSink] = await Promise.all([
    bundleWorkflowCode({
      workflowsPath: require.resolve('../support/workflows'),
      logger: {
        log: () => undefined,
        trace: () => undefined,
        debug: () => undefined,
        info: () => undefined,
        warn: () => undefined,
        error: (message: string) => console.error(message),
      },
    }),
    connectToDevServer(),
    connectTestRedis('mail-crash'),
    new SmtpSink().start(),
  ]);
  writeFileSync(bundleFile, bundle.code);
  temporal = clients;
  redis = testRedis;
  sink = testSink;
  relay = await new SmtpRelay(sink.port).start();
}, 60_000);

afterAll(async () => {
  for (const child of [...workers]) await kill(child, 'SIGTERM');
  await relay?.stop();
  await sink?.stop();
  await redis?.cleanup();
  await temporal?.close();
  if (bundleFile) rmSync(bundleFile, { force: true });
});

function campaignRecipients(count: number, prefix: string): MessageRecipient[] {
  return Array.from({ length: count }, (_unused, index) => ({
    id: `${prefix}-${index}`,
    kind: 'association' as const,
    name: `Association ${index}`,
    email: `${prefix}-${index}@example.org`,
    language: (['ar', 'fr', 'en'] as const)[index % 3] ?? 'fr',
    shard: index % 8,
  }));
}

/** The batch progress a pending activity last heartbeated, if any. */
function progressOf(
  details: { payloads?: unknown[] | null } | null | undefined,
): BatchProgress | undefined {
  const [payload] = details?.payloads ?? [];
  return payload
    ? defaultPayloadConverter.fromPayload<BatchProgress>(payload as Payload)
    : undefined;
}

function messagesFor(eventId: string): CapturedMessage[] {
  return sink.messages.filter(
    (message) => message.parsed.headers.get('x-multaqa-event') === eventId,
  );
}

async function sentInLedger(eventId: string): Promise<number> {
  const ledger = new SendLedger(redis.redis, redis.prefix, {
    leaseMs: LEASE_MS,
    retentionSeconds: 60,
  });
  return [...(await ledger.entries({ eventId })).values()].filter((entry) => entry.state === 'sent')
    .length;
}

/** Polls until `condition` has held for 300 ms in a row. */
async function until(
  condition: () => Promise<boolean> | boolean,
  timeoutMs = 20_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let since: number | undefined;
  for (;;) {
    if (await condition()) {
      since ??= Date.now();
      if (Date.now() - since >= 300) return;
    } else since = undefined;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((settle) => setTimeout(settle, 50));
  }
}

function expectEachOnce(eventId: string, recipients: MessageRecipient[]): void {
  const delivered = messagesFor(eventId);
  expect(delivered).toHaveLength(recipients.length);
  expect(new Set(delivered.map((message) => message.parsed.messageId)).size).toBe(
    recipients.length,
  );
  const perRecipient = new Map<string, number>();
  for (const message of delivered)
    for (const address of message.to)
      perRecipient.set(address, (perRecipient.get(address) ?? 0) + 1);
  for (const recipient of recipients)
    expect([recipient.email, perRecipient.get(recipient.email)]).toEqual([recipient.email, 1]);
}

describe('a mail campaign on a real worker process', () => {
  it('retries while the mail server is down and completes, each message once, when it returns', async () => {
    await startMailWorker();
    const event = { ...seedEventBrief(), eventId: uniqueId('down') };
    const recipients = campaignRecipients(20, event.eventId);
    relay.refuse(true);
    const handle = await temporal.client.workflow.start(mailCampaignWorkflow, {
      taskQueue,
      workflowId: uniqueId('mail-campaign-down'),
      args: [
        {
          purpose: 'rsvp-reminder',
          event,
          recipients,
          revision: 0,
          batchSize: 10,
          parallelBatches: 2,
        } satisfies MailCampaignInput,
      ],
    });
    await until(async () => {
      const description = await handle.describe();
      return (description.raw.pendingActivities ?? []).some(
        (activity) => (activity.attempt ?? 0) >= 2,
      );
    });
    expect(messagesFor(event.eventId)).toHaveLength(0);
    relay.refuse(false);
    const result = await handle.result();
    // An attempt may send a few messages before another of its sends fails; its retry finds
    // them in the ledger (already sent) rather than sending them again.
    expect(result.sent + result.alreadySent).toBe(recipients.length);
    await sink.waitFor(() => messagesFor(event.eventId).length >= recipients.length);
    expectEachOnce(event.eventId, recipients);
  });

  it('delivers every message exactly once when the worker is killed mid-campaign and another takes over', async () => {
    const [running] = [...workers];
    const first = running ?? (await startMailWorker());
    const event = { ...seedEventBrief(), eventId: uniqueId('crash') };
    const recipients = campaignRecipients(300, event.eventId);
    const handle = await temporal.client.workflow.start(mailCampaignWorkflow, {
      taskQueue,
      workflowId: uniqueId('mail-campaign-crash'),
      args: [
        {
          purpose: 'association-invitation',
          event,
          recipients,
          revision: 0,
          details: { seats: 3 },
          batchSize: 150,
          parallelBatches: 2,
        } satisfies MailCampaignInput,
      ],
    });
    // Mid-campaign: messages out, and the server holding a heartbeat with progress to resume from.
    await sink.waitFor(() => messagesFor(event.eventId).length >= 60, 30_000);
    for (const deadline = Date.now() + 20_000; ;) {
      const description = await handle.describe();
      const pending = description.raw.pendingActivities ?? [];
      if (pending.some((activity) => (progressOf(activity.heartbeatDetails)?.next ?? 0) > 0)) break;
      if (Date.now() > deadline) throw new Error('no heartbeat with progress');
      await new Promise((settle) => setTimeout(settle, 50));
    }

    // Freeze sends on the wire, let every answered message reach the ledger, then SIGKILL:
    // the worker dies with sends in flight and claims held, outside the documented window
    // between the server's acceptance and the ledger's record.
    relay.hold();
    await until(
      async () => (await sentInLedger(event.eventId)) === messagesFor(event.eventId).length,
    );
    const deliveredAtKill = messagesFor(event.eventId).length;
    const ledger = new SendLedger(redis.redis, redis.prefix, {
      leaseMs: LEASE_MS,
      retentionSeconds: 60,
    });
    const claimedAtKill = [...(await ledger.entries(event)).values()].filter(
      (entry) => entry.state === 'claimed' || entry.state === 'on-wire',
    ).length;
    await kill(first, 'SIGKILL');
    relay.cut();
    relay.release();
    expect(deliveredAtKill).toBeLessThan(recipients.length);
    // The worker died holding claims: the new one must wait out their leases, then send.
    expect(claimedAtKill).toBeGreaterThan(0);

    await startMailWorker();
    const result = await handle.result();
    await sink.waitFor(() => messagesFor(event.eventId).length >= recipients.length, 30_000);
    await new Promise((settle) => setTimeout(settle, 300));

    expectEachOnce(event.eventId, recipients);
    expect(result.undeliverable).toEqual([]);
    expect(result.sent + result.alreadySent).toBe(recipients.length);
    // The new worker resumed the killed batches from their heartbeats, not from the start.
    expect(result.resumedFrom.length).toBeGreaterThan(0);
    expect(Math.max(...result.resumedFrom)).toBeGreaterThan(0);
    expect(await sentInLedger(event.eventId)).toBe(recipients.length);
  });

  it('loses no message under SIGKILLs at random moments, and flags every second copy it sends', async () => {
    let worker = [...workers][0] ?? (await startMailWorker());
    const event = { ...seedEventBrief(), eventId: uniqueId('random-kill') };
    const recipients = campaignRecipients(400, event.eventId);
    const handle = await temporal.client.workflow.start(mailCampaignWorkflow, {
      taskQueue,
      workflowId: uniqueId('mail-campaign-random-kill'),
      args: [
        {
          purpose: 'rsvp-reminder',
          event,
          recipients,
          revision: 0,
          batchSize: 100,
          parallelBatches: 2,
        } satisfies MailCampaignInput,
      ],
    });
    const finished = handle.result();
    for (let kills = 0; kills < 2; kills += 1) {
      await sink.waitFor(() => messagesFor(event.eventId).length >= 60 + kills * 120, 30_000);
      await new Promise((settle) => setTimeout(settle, Math.random() * 300));
      await kill(worker, 'SIGKILL');
      worker = await startMailWorker();
    }
    await finished;
    await sink.waitFor(() => messagesFor(event.eventId).length >= recipients.length, 30_000);
    await new Promise((settle) => setTimeout(settle, 300));

    const copies = new Map<string, number>();
    for (const message of messagesFor(event.eventId))
      for (const address of message.to) copies.set(address, (copies.get(address) ?? 0) + 1);
    expect(recipients.filter((recipient) => !copies.has(recipient.email))).toEqual([]);
    const flagged = new Set(
      (await listPossibleDuplicates(redis.redis, redis.prefix, event.eventId)).map(
        (entry) => entry.email,
      ),
    );
    const twice = recipients.filter((recipient) => (copies.get(recipient.email) ?? 0) > 1);
    expect(twice.filter((recipient) => !flagged.has(recipient.email))).toEqual([]);
    expect(await sentInLedger(event.eventId)).toBe(recipients.length);
  });
});

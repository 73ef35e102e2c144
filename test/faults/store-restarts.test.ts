import { Client, Connection } from '@temporalio/client';
import type { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Redis } from 'ioredis';
import { DateTime } from 'luxon';
import { projectionKeys } from '../../stores/read-model';
import { AssociationDirectory } from '../../stores/association-directory';
import { startHttpServer } from '../../client/http/server';
import { TrainingDayReadModel } from '../../stores/read-model';
import { rebuildProjections } from '../../client/use-cases/rebuild-projections';
import { createTrainingDay, readTrainingDayStatus } from '../../client/use-cases/training-days';
import { parseConfig, type Config } from '../../domain/config';
import { workflowIds } from '../../domain/workflow-ids';
import { startLocalRedis } from '../../scripts/stack/local-redis';
import { freePort } from '../../scripts/stack/ports';
import {
  startTemporalDevServer,
  type RunningDevServer,
} from '../../scripts/stack/temporal-dev-server';
import { eventually, messagesOf } from '../support/workflow-harness';
import { registrationOnly, seedDefinition, syntheticAssociations } from '../support/training-days';
import { SmtpSink } from '../support/smtp-sink';
import { TEST_LINK_SECRET } from '../support/stack';
import { quietTemporalRuntime, uniqueId, uniqueTaskQueue } from '../support/temporal';
import { startWorkerProcess, stopWorkerProcess } from '../support/worker-processes';
import { copiesOfInvitations, invitationsOf, invitedCount } from './campaign-copies';

const ROOT = resolve(__dirname, '..', '..');
const WORKER_SCRIPT = resolve(__dirname, '..', 'support', 'multaqa-worker-process.ts');
const CAMPAIGN = 300;
/** Slow enough that a campaign is still under way when the fault strikes. */
const SMTP_RATE = '30';
/** How long a store stays away on purpose (the fault itself, not a wait for a condition). */
const OUTAGE_MS = 4_000;
const outage = () => new Promise((done) => setTimeout(done, OUTAGE_MS));

/**
 * Campaigns while the stores themselves fail: a Temporal server and a Redis server of this
 * test's own (so stopping them disturbs no other test), persisted to disk, with the whole
 * multaqa worker in its own process that is never restarted: it has to reconnect.
 */
describe('campaigns through a Temporal restart, a Redis restart and a Redis flush', () => {
  const taskQueue = uniqueTaskQueue('faults-stores');
  const dataDir = mkdtempSync(join(tmpdir(), 'multaqa-faults-redis-'));
  const dbFile = join(ROOT, 'var', 'test', `faults-temporal-${randomUUID().slice(0, 8)}.db`);
  let temporalPort: number;
  let redisPort: number;
  let temporalServer: RunningDevServer;
  let redisServer: { process: ChildProcess; stop(): Promise<void> };
  let connection: Connection;
  let temporal: Client;
  let redis: Redis;
  let sink: SmtpSink;
  let worker: ChildProcess;
  let config: Config;
  let server: { url: string; close(): Promise<void> };
  const prefix = `multaqa-faults-stores:${randomUUID().slice(0, 8)}:`;

  const startTemporal = () =>
    startTemporalDevServer({ port: temporalPort, dbFile, logFile: `${dbFile}.log` });

  beforeAll(async () => {
    quietTemporalRuntime();
    temporalPort = await freePort();
    redisPort = await freePort();
    temporalServer = await startTemporal();
    redisServer = await startLocalRedis(redisPort, dataDir);
    const redisUrl = `redis://127.0.0.1:${redisPort}`;
    redis = new Redis(redisUrl, { maxRetriesPerRequest: 2 });
    connection = await Connection.connect({ address: temporalServer.address });
    temporal = new Client({ connection, namespace: 'default' });
    sink = await new SmtpSink().start();
    const env = {
      TEMPORAL_TASK_QUEUE: taskQueue,
      REDIS_URL: redisUrl,
      REDIS_PREFIX: prefix,
      LINK_SECRET: TEST_LINK_SECRET,
    };
    config = parseConfig({ ...process.env, ...env, TEMPORAL_ADDRESS: temporalServer.address });
    worker = await startWorkerProcess(WORKER_SCRIPT, {
      ...env,
      MULTAQA_TEST_TEMPORAL_ADDRESS: temporalServer.address,
      SMTP_URL: sink.url,
      SMTP_RATE_PER_SECOND: SMTP_RATE,
      MULTAQA_EMBEDDED: 'false',
    });
    server = await startHttpServer({
      config,
      temporal,
      redis,
      host: '127.0.0.1',
      port: 0,
      publicRateLimit: { max: 100_000 },
    });
  });
  afterAll(async () => {
    await server?.close();
    if (worker) await stopWorkerProcess(worker, 'SIGTERM');
    await sink?.stop();
    redis?.disconnect();
    await connection?.close();
    await temporalServer?.stop();
    await redisServer?.stop();
    rmSync(dataDir, { recursive: true, force: true });
    for (const suffix of ['', '-wal', '-shm', '.log'])
      rmSync(`${dbFile}${suffix}`, { force: true });
  });

  /** A date a month ahead, in the seed's time zone. */
  const dayDate = () =>
    DateTime.now().setZone(seedDefinition().timeZone).plus({ days: 30 }).toISODate() ?? undefined;

  /**
   * A registration-only day for `CAMPAIGN` new associations of one sector: each campaign has its
   * own sector, so a day invites its own associations only (they share one directory).
   */
  async function startCampaign(name: string, sector: 'trade' | 'crafts' | 'services') {
    const eventId = uniqueId(name);
    const associations = syntheticAssociations(CAMPAIGN, {
      prefix: eventId,
      provinces: ['Safi'],
    }).map((association) => ({ ...association, sector }));
    await new AssociationDirectory(redis, prefix).upsert(associations);
    await createTrainingDay(
      { config, temporal, redis },
      {
        ...seedDefinition(),
        ...registrationOnly(CAMPAIGN * 2, ['Safi']),
        audience: { provinces: ['Safi'], sectors: [sector] },
        seatsPerAssociation: 1,
        id: eventId,
      },
      { date: dayDate() },
    );
    // The fault strikes once a third of the campaign is out.
    await sink.waitFor(() => invitationsOf(sink, eventId).length >= CAMPAIGN / 3, 120_000);
    return { eventId, associations };
  }

  const statusOf = (eventId: string) => readTrainingDayStatus({ temporal }, eventId);
  async function describeDay(eventId: string) {
    return temporal.workflow.getHandle(workflowIds.trainingDay(eventId)).describe();
  }
  /** No workflow of this test's server has failed, terminated or timed out. */
  async function brokenWorkflows(): Promise<string[]> {
    const broken: string[] = [];
    for await (const execution of temporal.workflow.list({
      query: `ExecutionStatus IN ("Failed", "Terminated", "TimedOut")`,
    }))
      broken.push(`${execution.workflowId}: ${execution.status.name}`);
    return broken;
  }

  it(`invites ${CAMPAIGN} associations once each (or flagged) through a Temporal restart, and the day goes on`, async () => {
    const { eventId, associations } = await startCampaign('temporal-restart', 'trade');
    const before = invitationsOf(sink, eventId).length;
    await temporalServer.stop();
    await outage();
    temporalServer = await startTemporal();

    await sink.waitFor(() => invitedCount(sink, eventId) === CAMPAIGN, 240_000);
    const copies = await copiesOfInvitations(sink, redis, prefix, eventId, associations);
    expect(copies).toMatchObject({ missing: [], tooMany: [], unflaggedSeconds: [] });
    const status = await eventually(
      () => statusOf(eventId),
      (current) => current.registration.invited === CAMPAIGN,
      'the day counting its invitees after the restart',
      120_000,
    );
    expect(status.registration.undeliverable).toBe(0);
    expect((await describeDay(eventId)).status.name).toBe('RUNNING');

    // The day goes on: an association answers through its link and is told, once.
    const first = associations[0]!;
    const link = /\/links\/rsvp\/[A-Za-z0-9_.-]+/.exec(
      messagesOf(invitationsOf(sink, eventId), 'association-invitation', first.email)[0]?.parsed
        .text ?? '',
    )?.[0];
    expect(link).toBeDefined();
    const answer = await fetch(`${server.url}${link}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'response=accept&seats=1',
    });
    expect(answer.status).toBe(200);
    await eventually(
      () => statusOf(eventId),
      (current) => current.registration.accepted === 1,
      'the answer counted',
      60_000,
    );
    await sink.waitFor(
      () => messagesOf(sink.messages, 'rsvp-confirmation', first.email).length === 1,
      60_000,
    );
    expect(await brokenWorkflows()).toEqual([]);
    console.log(
      JSON.stringify({
        fault: 'temporal-restart',
        campaign: CAMPAIGN,
        sentBeforeRestart: before,
        delivered: copies.delivered,
        secondCopies: copies.secondCopies,
        flagged: copies.flagged,
      }),
    );
  });

  it(`invites ${CAMPAIGN} associations once each (or flagged) through a Redis kill and restart`, async () => {
    const { eventId, associations } = await startCampaign('redis-restart', 'crafts');
    const before = invitationsOf(sink, eventId).length;
    await stopWorkerProcess(redisServer.process, 'SIGKILL'); // no clean shutdown
    await outage();
    redisServer = await startLocalRedis(redisPort, dataDir);

    await sink.waitFor(() => invitedCount(sink, eventId) === CAMPAIGN, 240_000);
    const copies = await copiesOfInvitations(sink, redis, prefix, eventId, associations);
    expect(copies).toMatchObject({ missing: [], tooMany: [], unflaggedSeconds: [] });
    // What Redis owns came back from its append-only file: the directory and the ledger.
    expect(await new AssociationDirectory(redis, prefix).get(associations[0]!.id)).toMatchObject({
      email: associations[0]!.email,
    });
    const status = await eventually(
      () => statusOf(eventId),
      (current) => current.registration.invited === CAMPAIGN,
      'the day counting its invitees after the Redis restart',
      120_000,
    );
    expect(status.registration.undeliverable).toBe(0);
    expect((await describeDay(eventId)).status.name).toBe('RUNNING');
    expect(await brokenWorkflows()).toEqual([]);
    console.log(
      JSON.stringify({
        fault: 'redis-restart',
        campaign: CAMPAIGN,
        sentBeforeKill: before,
        delivered: copies.delivered,
        secondCopies: copies.secondCopies,
        flagged: copies.flagged,
      }),
    );
  });

  /**
   * A flush loses what only Redis holds: the association directory, the send ledger (so a
   * second copy sent after it would not be flagged) and the read model. What holds: the
   * workflows, which carry the day's invitees and counts, go on; nothing fails or sticks; the
   * day's id is still refused for a new day; `projections rebuild` restores the read model.
   */
  it(`keeps the day's workflows right through a Redis FLUSHALL mid-campaign, and rebuilds the read model`, async () => {
    const { eventId, associations } = await startCampaign('redis-flush', 'services');
    const before = invitationsOf(sink, eventId).length;
    await redis.flushall();

    await sink.waitFor(() => invitedCount(sink, eventId) === CAMPAIGN, 240_000);
    const delivered = invitationsOf(sink, eventId).length;
    const status = await eventually(
      () => statusOf(eventId),
      (current) => current.registration.invited === CAMPAIGN,
      'the day counting its invitees after the flush',
      120_000,
    );
    expect(status.registration.undeliverable).toBe(0);
    expect((await describeDay(eventId)).status.name).toBe('RUNNING');
    expect(await brokenWorkflows()).toEqual([]);

    // Lost, and said so: the directory no longer knows the day's associations.
    expect(await new AssociationDirectory(redis, prefix).get(associations[0]!.id)).toBeUndefined();

    // The day's id is still taken: Temporal remembers it even though Redis forgot.
    await expect(
      createTrainingDay(
        { config, temporal, redis },
        { ...seedDefinition(), ...registrationOnly(10, ['Safi']), id: eventId },
        { date: dayDate() },
      ),
    ).rejects.toThrow(/already used/);

    // The read model comes back from the workflows.
    await redis.del(projectionKeys(prefix).status(eventId));
    const report = await rebuildProjections({ config, temporal, redis });
    expect(report.failed).toEqual([]);
    expect(report.rebuilt).toContain(eventId);
    const projection = await new TrainingDayReadModel(redis, prefix).get(eventId);
    expect(projection?.status.registration.invited).toBe(CAMPAIGN);
    console.log(
      JSON.stringify({
        fault: 'redis-flush',
        campaign: CAMPAIGN,
        sentBeforeFlush: before,
        delivered,
        secondCopies: delivered - CAMPAIGN,
      }),
    );
  });
});

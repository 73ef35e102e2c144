import type { ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { DateTime } from 'luxon';
import { AssociationDirectory } from '../../stores/association-directory';
import { createTrainingDay, readTrainingDayStatus } from '../../client/use-cases/training-days';
import { parseConfig } from '../../domain/config';
import { workflowIds } from '../../domain/workflow-ids';
import { SmtpRelay } from '../integration/mail-smtp-proxy';
import { eventually } from '../support/workflow-harness';
import { registrationOnly, seedDefinition, syntheticAssociations } from '../support/training-days';
import { connectTestRedis } from '../support/redis';
import { SmtpSink } from '../support/smtp-sink';
import { TEST_LINK_SECRET } from '../support/stack';
import {
  connectToDevServer,
  uniqueId,
  uniqueTaskQueue,
  type DevServerClients,
} from '../support/temporal';
import { startWorkerProcess, stopWorkerProcess } from '../support/worker-processes';
import { copiesOfInvitations, invitationsOf, invitedCount } from './campaign-copies';

const WORKER_SCRIPT = resolve(__dirname, '..', 'support', 'multaqa-worker-process.ts');
const CAMPAIGN = 600;
const KILLS = 3;

/**
 * A real campaign through the real workflows while things break: the worker process is killed
 * with SIGKILL three times mid-campaign (a new one started each time), then the SMTP server goes
 * away and comes back. Every association must get its invitation exactly once, or twice with
 * the second copy flagged to the coordinator; none is lost, and the day is not stuck.
 */
describe('a campaign through worker kills and an SMTP outage', () => {
  let temporal: DevServerClients;
  let redis: Awaited<ReturnType<typeof connectTestRedis>>;
  let sink: SmtpSink;
  let relay: SmtpRelay;
  const taskQueue = uniqueTaskQueue('faults-campaign');
  const workers = new Set<ChildProcess>();

  const startWorker = async () => {
    const child = await startWorkerProcess(WORKER_SCRIPT, {
      TEMPORAL_TASK_QUEUE: taskQueue,
      REDIS_PREFIX: redis.prefix,
      SMTP_URL: relay.url,
      SMTP_RATE_PER_SECOND: '60',
      LINK_SECRET: TEST_LINK_SECRET,
      MULTAQA_EMBEDDED: 'false',
    });
    workers.add(child);
    return child;
  };
  const kill = async (child: ChildProcess, signal: NodeJS.Signals) => {
    await stopWorkerProcess(child, signal);
    workers.delete(child);
  };

  beforeAll(async () => {
    temporal = await connectToDevServer();
    redis = await connectTestRedis('faults-campaign');
    sink = await new SmtpSink().start();
    relay = await new SmtpRelay(sink.port).start();
  });
  afterAll(async () => {
    for (const child of [...workers]) await kill(child, 'SIGTERM');
    await relay?.stop();
    await sink?.stop();
    await redis?.cleanup();
    await temporal?.close();
  });

  it(`invites ${CAMPAIGN} associations once each through ${KILLS} worker kills and an SMTP outage`, async () => {
    const eventId = uniqueId('faults');
    const province = 'Safi'; // a province of the deployment; the Redis prefix is this test's own
    const associations = syntheticAssociations(CAMPAIGN, {
      prefix: eventId,
      provinces: [province],
    });
    await new AssociationDirectory(redis.redis, redis.prefix).upsert(associations);
    const seed = seedDefinition();
    const date = DateTime.now().setZone(seed.timeZone).plus({ days: 30 }).toISODate();
    const invitations = () => invitationsOf(sink, eventId);

    let worker = await startWorker();
    const config = parseConfig({
      ...process.env,
      TEMPORAL_TASK_QUEUE: taskQueue,
      REDIS_PREFIX: redis.prefix,
      LINK_SECRET: TEST_LINK_SECRET,
    });
    await createTrainingDay(
      { config, temporal: temporal.client, redis: redis.redis },
      { ...seed, ...registrationOnly(CAMPAIGN * 3, [province]), id: eventId },
      { date: date ?? undefined },
    );

    for (let round = 1; round <= KILLS; round += 1) {
      const reached = Math.round((CAMPAIGN * round) / (KILLS + 2));
      await sink.waitFor(() => invitations().length >= reached, 120_000);
      await kill(worker, 'SIGKILL');
      worker = await startWorker();
    }

    // The mail server goes away (open connections cut, new ones refused), then comes back.
    await sink.waitFor(
      () => invitations().length >= (CAMPAIGN * (KILLS + 1)) / (KILLS + 2),
      120_000,
    );
    relay.refuse(true);
    relay.cut();
    // The outage itself lasts a while on purpose (the fault, not a wait for a condition).
    await new Promise((outage) => setTimeout(outage, 5_000));
    relay.refuse(false);

    await sink.waitFor(() => invitedCount(sink, eventId) === CAMPAIGN, 240_000);
    const copies = await copiesOfInvitations(
      sink,
      redis.redis,
      redis.prefix,
      eventId,
      associations,
    );
    expect(copies).toMatchObject({ missing: [], tooMany: [], unflaggedSeconds: [] });

    // Nothing stuck: the day is running, and counts every association as invited.
    const status = await eventually(
      () => readTrainingDayStatus({ temporal: temporal.client }, eventId),
      (current) => current.registration.invited === CAMPAIGN,
      'the day counting its invitees',
      60_000,
    );
    expect(status.registration.undeliverable).toBe(0);
    const description = await temporal.client.workflow
      .getHandle(workflowIds.trainingDay(eventId))
      .describe();
    expect(description.status.name).toBe('RUNNING');
    console.log(
      JSON.stringify({
        fault: 'campaign',
        campaign: CAMPAIGN,
        kills: KILLS,
        delivered: copies.delivered,
        secondCopies: copies.secondCopies,
        flagged: copies.flagged,
      }),
    );
  });
});

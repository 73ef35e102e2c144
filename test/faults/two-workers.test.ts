import type { ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { DateTime } from 'luxon';
import { listPossibleDuplicates } from '../../stores/possible-duplicates';
import { AssociationDirectory } from '../../stores/association-directory';
import { createTrainingDay, readTrainingDayStatus } from '../../client/use-cases/training-days';
import { parseConfig } from '../../domain/config';
import { workflowIds } from '../../domain/workflow-ids';
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

/** The real entry point of `npm run worker` (built by `npm run test:faults`). */
const WORKER_MAIN = resolve(__dirname, '..', '..', 'dist', 'workers', 'main.js');
const CAMPAIGN = 300;

/**
 * Two workers (`npm run worker`, each its own process) on one task queue and one Temporal
 * server, while one of them stops mid-campaign: gracefully (SIGTERM) or not at all (SIGKILL).
 */
describe('two workers on one task queue, one of them stopped mid-campaign', () => {
  let temporal: DevServerClients;
  let redis: Awaited<ReturnType<typeof connectTestRedis>>;
  let sink: SmtpSink;
  const workers = new Set<ChildProcess>();
  const exits = new Map<ChildProcess, Promise<number | null>>();

  const startWorker = async (taskQueue: string) => {
    const child = await startWorkerProcess(
      WORKER_MAIN,
      {
        TEMPORAL_ADDRESS: temporal.connection.options.address,
        TEMPORAL_TASK_QUEUE: taskQueue,
        REDIS_PREFIX: redis.prefix,
        SMTP_URL: sink.url,
        // Slow enough that a batch of 100 takes seconds: a stop lands inside one.
        SMTP_RATE_PER_SECOND: '25',
        LINK_SECRET: TEST_LINK_SECRET,
        MULTAQA_EMBEDDED: 'false',
        LOG_LEVEL: 'info',
      },
      90_000,
      'multaqa worker polling',
    );
    exits.set(child, new Promise((done) => child.once('exit', (code) => done(code))));
    workers.add(child);
    return child;
  };

  beforeAll(async () => {
    temporal = await connectToDevServer();
    redis = await connectTestRedis('faults-two-workers');
    sink = await new SmtpSink().start();
  });
  afterAll(async () => {
    for (const child of [...workers]) await stopWorkerProcess(child, 'SIGKILL');
    await sink?.stop();
    await redis?.cleanup();
    await temporal?.close();
  });

  /**
   * Starts a campaign of CAMPAIGN associations on two fresh workers. Each test invites a
   * province of the shipped taxonomy that the other's associations are not in.
   */
  async function campaignOnTwoWorkers(name: string, province: string) {
    const taskQueue = uniqueTaskQueue(name);
    const eventId = uniqueId(name);
    const associations = syntheticAssociations(CAMPAIGN, {
      prefix: eventId,
      provinces: [province],
    });
    await new AssociationDirectory(redis.redis, redis.prefix).upsert(associations);
    const pair = [await startWorker(taskQueue), await startWorker(taskQueue)];
    const config = parseConfig({
      ...process.env,
      TEMPORAL_TASK_QUEUE: taskQueue,
      REDIS_PREFIX: redis.prefix,
      LINK_SECRET: TEST_LINK_SECRET,
    });
    const seed = seedDefinition();
    const date = DateTime.now().setZone(seed.timeZone).plus({ days: 30 }).toISODate();
    await createTrainingDay(
      { config, temporal: temporal.client, redis: redis.redis },
      { ...seed, ...registrationOnly(CAMPAIGN * 3, [province]), id: eventId },
      { date: date ?? undefined },
    );
    const invitations = () =>
      sink.messages.filter(
        (message) =>
          message.parsed.headers.get('x-multaqa-event') === eventId &&
          message.parsed.headers.get('x-multaqa-purpose') === 'association-invitation',
      );
    const shard = temporal.client.workflow.getHandle(workflowIds.invitationShard(eventId, 0));
    // The worker (of the two) running a mail batch right now, once some invitations are out.
    const busyWorker = async () => {
      await sink.waitFor(() => invitations().length >= 20, 120_000);
      const started = await eventually(
        async () =>
          ((await shard.describe()).raw.pendingActivities ?? []).find(
            (activity) =>
              activity.activityType?.name === 'sendMessageBatch' &&
              pair.some((child) => activity.lastWorkerIdentity?.startsWith(`${child.pid}@`)),
          ),
        (activity) => activity !== undefined,
        'a batch running on one of the two workers',
        60_000,
      );
      const child = pair.find((worker) =>
        started!.lastWorkerIdentity!.startsWith(`${worker.pid}@`),
      )!;
      return { child, activityId: started!.activityId! };
    };
    /** Waits until every association has an invitation and the day counts them all. */
    const finished = async () => {
      await sink.waitFor(
        () => new Set(invitations().flatMap((message) => message.to)).size === CAMPAIGN,
        240_000,
      );
      const status = await eventually(
        () => readTrainingDayStatus({ temporal: temporal.client }, eventId),
        (current) => current.registration.invited === CAMPAIGN,
        'the day counting its invitees',
        60_000,
      );
      expect(status.registration.undeliverable).toBe(0);
    };
    const copiesOf = () =>
      associations.map((association) => ({
        id: association.id,
        copies: sink.to(association.email).filter((message) => invitations().includes(message))
          .length,
      }));
    return { eventId, shard, busyWorker, finished, copiesOf };
  }

  it(`a SIGTERMed worker finishes its running batch: ${CAMPAIGN} invitations exactly once, none flagged`, async () => {
    const campaign = await campaignOnTwoWorkers('two-workers-term', 'Safi');
    const { child, activityId } = await campaign.busyWorker();
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const stoppedAt = Date.now();
    child.kill('SIGTERM');
    expect(await exits.get(child)).toBe(0);
    workers.delete(child);
    await campaign.finished();

    expect(campaign.copiesOf().filter((association) => association.copies !== 1)).toEqual([]);
    expect(await listPossibleDuplicates(redis.redis, redis.prefix, campaign.eventId)).toEqual([]);
    // The batch it was running completed on its first attempt, on that worker, after SIGTERM:
    // drained, not cancelled and handed to the other worker.
    const { events } = await campaign.shard.fetchHistory();
    const scheduled = events!.find(
      (event) => event.activityTaskScheduledEventAttributes?.activityId === activityId,
    )!;
    const started = events!.find(
      (event) =>
        event.activityTaskStartedEventAttributes?.scheduledEventId?.toString() ===
        scheduled.eventId!.toString(),
    )!;
    const completed = events!.find(
      (event) =>
        event.activityTaskCompletedEventAttributes?.scheduledEventId?.toString() ===
        scheduled.eventId!.toString(),
    );
    expect(started.activityTaskStartedEventAttributes).toMatchObject({
      attempt: 1,
      identity: expect.stringMatching(new RegExp(`^${child.pid}@`)),
    });
    expect(completed).toBeDefined();
    expect(Number(completed!.eventTime!.seconds) * 1000).toBeGreaterThanOrEqual(
      Math.floor(stoppedAt / 1000) * 1000,
    );
    expect(events!.filter((event) => event.activityTaskFailedEventAttributes)).toEqual([]);
    // Its log says so, in JSON lines naming the workflow, the activity and the event.
    const lines = output
      .split('\n')
      .filter(Boolean)
      .map((text) => JSON.parse(text) as Record<string, unknown>);
    expect(lines).toContainEqual(
      expect.objectContaining({
        msg: 'mail batch sent',
        eventId: campaign.eventId,
        workflowId: workflowIds.invitationShard(campaign.eventId, 0),
        activityType: 'sendMessageBatch',
        activityId,
      }),
    );
    expect(lines).toContainEqual(expect.objectContaining({ msg: 'worker stopped' }));
  });

  it(`a SIGKILLed worker's batch is taken over: ${CAMPAIGN} invitations once each (or flagged), the campaign finishes`, async () => {
    const campaign = await campaignOnTwoWorkers('two-workers-kill', 'Youssoufia');
    const { child } = await campaign.busyWorker();
    await stopWorkerProcess(child, 'SIGKILL');
    workers.delete(child);
    await campaign.finished();

    const flagged = new Set(
      (await listPossibleDuplicates(redis.redis, redis.prefix, campaign.eventId)).map(
        (entry) => entry.recipientId,
      ),
    );
    const copies = campaign.copiesOf();
    expect(
      copies.filter((association) => association.copies < 1 || association.copies > 2),
    ).toEqual([]);
    expect(
      copies.filter((association) => association.copies === 2 && !flagged.has(association.id)),
    ).toEqual([]);
    console.log(
      JSON.stringify({
        fault: 'two-workers-kill',
        campaign: CAMPAIGN,
        secondCopies: copies.filter((association) => association.copies === 2).length,
        flagged: flagged.size,
      }),
    );
  });
});

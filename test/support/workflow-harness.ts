import type { Client, WorkflowHandle } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { createActivities, type ActivityDependencies } from '../../activities';
import { parseConfig, type Config } from '../../domain/config';
import { submitRsvp } from '../../domain/messages/registration';
import {
  getTrainingDayStatus,
  type LifecycleTuning,
  type TrainingDayStatus,
} from '../../domain/messages/training-day';
import type { RsvpInput } from '../../domain/registration';
import { SEARCH_ATTRIBUTE_DECLARATIONS } from '../../domain/search-attributes';
import type { TrainingDayPlan } from '../../domain/training-day';
import { shardOf, workflowIds } from '../../domain/workflow-ids';
import { AssociationDirectory } from '../../stores/association-directory';
import { createMultaqaWorker } from '../../workers/create-worker';
import { createMailTransport } from '../../workers/mail-transport';
import { trainingDayWorkflow } from '../../workflows';
import { connectTestRedis } from './redis';
import { SmtpSink, type CapturedMessage } from './smtp-sink';
import { TEST_LINK_SECRET } from './stack';
import { createTimeSkippingEnvironment, uniqueTaskQueue, workflowBundle } from './temporal';
import {
  exampleAssociations,
  planFor,
  registrationOnly,
  syntheticAssociations,
} from './training-days';

const INDEXED_TYPES: Record<string, temporal.api.enums.v1.IndexedValueType> = {
  Keyword: temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD,
  Datetime: temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_DATETIME,
};

export interface WorkflowHarnessOptions {
  /**
   * Runs the worker without a workflow cache, so `restartWorker` can replace it mid-test
   * (the time-skipping server would wait for ever on the sticky queue of a stopped worker).
   */
  restartable?: boolean;
  /** Puts the 40 example associations in the directory before the worker starts. */
  exampleAssociations?: boolean;
  /** The base of the links in messages (`PUBLIC_BASE_URL`); the configuration's default if unset. */
  publicBaseUrl?: string;
  /** Runs the worker without `LINK_SECRET` (messages with links cannot be made). */
  withoutLinkSecret?: boolean;
}

/** The one harness of the workflow tests: a time-skipping server, Redis, an SMTP sink, a worker. */
export interface WorkflowHarness {
  env: TestWorkflowEnvironment;
  client: Client;
  config: Config;
  taskQueue: string;
  smtp: SmtpSink;
  redis: Awaited<ReturnType<typeof connectTestRedis>>;
  directory: AssociationDirectory;
  dependencies: ActivityDependencies;
  worker: Worker;
  /** Workflow time of the test server, in ms. */
  nowMs(): Promise<number>;
  startDay(
    plan: TrainingDayPlan,
    tuning?: LifecycleTuning,
  ): Promise<WorkflowHandle<typeof trainingDayWorkflow>>;
  status(eventId: string): Promise<TrainingDayStatus>;
  /** Polls the training day's status until `predicate` holds (real time). */
  waitForStatus(
    eventId: string,
    predicate: (status: TrainingDayStatus) => boolean,
    timeoutMs?: number,
  ): Promise<TrainingDayStatus>;
  /** Waits until a workflow with this id exists (children start a moment after their parent). */
  waitForWorkflow(workflowId: string): Promise<void>;
  /** Stops the worker and starts a fresh one on the same queue: a restart of the service. */
  restartWorker(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The real parts for workflow tests on the time-skipping server: a fresh test server (with
 * multaqa's search attributes), a real Redis under its own prefix, a real SMTP sink, and a
 * multaqa worker with the real activities (configured without `LINK_SECRET` if asked).
 */
export async function startWorkflowHarness(
  name: string,
  options: WorkflowHarnessOptions = {},
): Promise<WorkflowHarness> {
  const env = await createTimeSkippingEnvironment();
  // Training days carry search attributes: register them (the test server cannot list them).
  await env.connection.operatorService.addSearchAttributes({
    namespace: env.namespace ?? 'default',
    searchAttributes: Object.fromEntries(
      SEARCH_ATTRIBUTE_DECLARATIONS.map((declaration) => {
        const [name, type] = declaration.split('=') as [string, string];
        return [name, INDEXED_TYPES[type]!];
      }),
    ),
  });
  const redis = await connectTestRedis(name);
  const smtp = await new SmtpSink().start();
  const taskQueue = uniqueTaskQueue(name);
  const config = parseConfig({
    ...process.env,
    TEMPORAL_TASK_QUEUE: taskQueue,
    REDIS_PREFIX: redis.prefix,
    SMTP_URL: smtp.url,
    SMTP_RATE_PER_SECOND: '1000',
    LINK_SECRET: options.withoutLinkSecret ? undefined : TEST_LINK_SECRET,
    ...(options.publicBaseUrl ? { PUBLIC_BASE_URL: options.publicBaseUrl } : {}),
    MULTAQA_EMBEDDED: 'false',
  });
  const dependencies: ActivityDependencies = {
    config,
    redis: redis.redis,
    mailer: createMailTransport(smtp.url),
    temporal: env.client,
  };
  const directory = new AssociationDirectory(redis.redis, redis.prefix);
  if (options.exampleAssociations) await directory.upsert(exampleAssociations());
  const bundle = workflowBundle();
  const namespace = env.namespace ?? 'default';
  const newWorker = () =>
    options.restartable
      ? Worker.create({
          connection: env.nativeConnection,
          namespace,
          taskQueue,
          activities: createActivities(dependencies),
          workflowBundle: bundle,
          maxCachedWorkflows: 0,
        })
      : createMultaqaWorker({
          connection: env.nativeConnection,
          namespace,
          taskQueue,
          dependencies,
          workflowBundle: bundle,
        });
  let worker = await newWorker();
  let running = worker.run();
  const status = (eventId: string) =>
    env.client.workflow.getHandle(workflowIds.trainingDay(eventId)).query(getTrainingDayStatus);
  const harness: WorkflowHarness = {
    env,
    client: env.client,
    config,
    taskQueue,
    smtp,
    redis,
    directory,
    dependencies,
    worker,
    nowMs: () => env.currentTimeMs(),
    startDay: (plan, tuning) =>
      env.client.workflow.start(trainingDayWorkflow, {
        taskQueue,
        workflowId: workflowIds.trainingDay(plan.eventId),
        args: [plan, { tuning: { reportIntervalMs: 1000, publishIntervalMs: 200, ...tuning } }],
      }),
    status,
    waitForStatus: (eventId, predicate, timeoutMs) =>
      eventually(() => status(eventId), predicate, `status of ${eventId}`, timeoutMs),
    waitForWorkflow: async (workflowId) => {
      await eventually(
        () => env.client.workflow.getHandle(workflowId).describe(),
        () => true,
        `workflow ${workflowId}`,
      );
    },
    restartWorker: async () => {
      worker.shutdown();
      await running;
      worker = await newWorker();
      harness.worker = worker;
      running = worker.run();
    },
    stop: async () => {
      worker.shutdown();
      await running;
      dependencies.mailer.close();
      await smtp.stop();
      await redis.cleanup();
      await env.teardown();
    },
  };
  return harness;
}

/** Polls `read` until `predicate` holds (real time), or fails naming the last value. */
export async function eventually<T>(
  read: () => Promise<T>,
  predicate: (value: T) => boolean,
  what = 'condition',
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  let lastError: unknown;
  for (;;) {
    try {
      last = await read();
      if (predicate(last)) return last;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline)
      throw new Error(
        `${what}: not reached within ${timeoutMs} ms; last: ${JSON.stringify(last) ?? String(lastError)}`,
      );
    await new Promise((wake) => setTimeout(wake, 100));
  }
}

/** The purpose a received message was sent for (its `X-Multaqa-Purpose` header). */
export function purposeOf(message: CapturedMessage): string {
  return String(message.parsed.headers.get('x-multaqa-purpose') ?? '');
}

/** Messages of one purpose, optionally to one address. */
export function messagesOf(
  messages: readonly CapturedMessage[],
  purpose: string,
  to?: string,
): CapturedMessage[] {
  return messages.filter(
    (message) => purposeOf(message) === purpose && (to === undefined || message.to.includes(to)),
  );
}

/** Messages of `purpose` the sink received, optionally only those to `address`. */
export function messagesFor(smtp: SmtpSink, purpose: string, address?: string): CapturedMessage[] {
  return messagesOf(address ? smtp.to(address) : smtp.messages, purpose);
}

/** Messages of one training day (`X-Multaqa-Event`), optionally of one purpose and recipient. */
export function eventMessages(
  smtp: SmtpSink,
  eventId: string,
  purpose?: string,
  address?: string,
): CapturedMessage[] {
  return (address ? smtp.to(address) : smtp.messages).filter(
    (message) =>
      String(message.parsed.headers.get('x-multaqa-event')) === eventId &&
      (purpose === undefined || purposeOf(message) === purpose),
  );
}

/**
 * Starts a registration-only day for `count` made-up associations of a province of its own
 * (even indexes write in French, odd ones in Arabic), waits for their invitations, and gives
 * `rsvp`, which answers for one of them through its shard as a signed link does.
 */
export async function openRegistrationDay(
  harness: WorkflowHarness,
  eventId: string,
  count: number,
  capacity: number,
) {
  const province = `Province ${eventId}`;
  const associations = syntheticAssociations(count, { prefix: eventId, provinces: [province] });
  await harness.directory.upsert(associations);
  const plan = planFor(await harness.nowMs(), eventId, registrationOnly(capacity, [province]));
  await harness.startDay(plan);
  const status = await harness.waitForStatus(eventId, (s) => s.registration.shards > 0);
  await harness.smtp.waitFor(
    (messages) =>
      messagesOf(
        messages.filter((message) => message.parsed.headers.get('x-multaqa-event') === eventId),
        'association-invitation',
      ).length === count,
  );
  const shards = status.registration.shards;
  const rsvp = (input: RsvpInput) =>
    harness.client.workflow
      .getHandle(workflowIds.invitationShard(eventId, shardOf(input.associationId, shards)))
      .executeUpdate(submitRsvp, { args: [{ channel: 'link', ...input } as never] });
  return { associations, plan, rsvp, shards };
}

/** The public base URL the follow-up tests read in their messages' links. */
export const EXAMPLE_BASE_URL = 'http://multaqa.example.org';

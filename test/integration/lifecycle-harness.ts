import type { Client, WorkflowHandle } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Worker } from '@temporalio/worker';
import { DateTime } from 'luxon';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import type { ActivityDependencies } from '../../activities';
import { AssociationDirectory } from '../../stores/association-directory';
import { AssociationCsvRowSchema, type Association } from '../../domain/association';
import { submitRsvp } from '../../domain/messages/registration';
import type { RsvpInput } from '../../domain/registration';
import { parseConfig, type Config } from '../../domain/config';
import {
  getTrainingDayStatus,
  type LifecycleTuning,
  type TrainingDayStatus,
} from '../../domain/messages/training-day';
import { resolveSchedule } from '../../domain/schedule';
import {
  TrainingDayDefinitionSchema,
  TrainingDayPlanSchema,
  type TrainingDayDefinitionInput,
  type TrainingDayPlan,
} from '../../domain/training-day';
import { shardOf, workflowIds } from '../../domain/workflow-ids';
import { createMultaqaWorker } from '../../workers/create-worker';
import { createMailTransport } from '../../workers/mail-transport';
import { trainingDayWorkflow } from '../../workflows';
import { connectTestRedis } from '../support/redis';
import { SmtpSink, type CapturedMessage } from '../support/smtp-sink';
import { TEST_LINK_SECRET } from '../support/stack';
import {
  createTimeSkippingEnvironment,
  uniqueTaskQueue,
  workflowBundle,
} from '../support/temporal';

export const SEED_FILE = resolve(__dirname, '..', '..', 'examples', 'safi-2018-11-23.json');
export const ASSOCIATIONS_FILE = resolve(__dirname, '..', '..', 'examples', 'associations.csv');

/** The seed day's event file as written, for tests to change. */
export function seedDefinition(): TrainingDayDefinitionInput {
  return JSON.parse(readFileSync(SEED_FILE, 'utf8')) as TrainingDayDefinitionInput;
}

/** The 40 associations of the example CSV. */
export function exampleAssociations(): Association[] {
  const rows = parseCsv(readFileSync(ASSOCIATIONS_FILE, 'utf8'), {
    columns: true,
    skip_empty_lines: true,
  }) as unknown[];
  return rows.map((row) => AssociationCsvRowSchema.parse(row));
}

/**
 * A plan for a day `daysAhead` after `nowMs` (in the event's time zone), RSVP deadline
 * `deadlineDaysBefore` days before it, from the seed day changed by `changes`.
 */
export function planFor(
  nowMs: number,
  eventId: string,
  changes: Partial<TrainingDayDefinitionInput> = {},
  timing: { daysAhead?: number; deadlineDaysBefore?: number; startAsDraft?: boolean } = {},
): TrainingDayPlan {
  const base = { ...seedDefinition(), ...changes, id: eventId };
  const date = DateTime.fromMillis(nowMs, { zone: base.timeZone }).plus({
    days: timing.daysAhead ?? 30,
  });
  const definition = TrainingDayDefinitionSchema.parse({
    ...base,
    date: date.toISODate(),
    rsvpDeadline: date.minus({ days: timing.deadlineDaysBefore ?? 3 }).toISODate(),
  });
  return TrainingDayPlanSchema.parse({
    eventId,
    definition: { ...definition, id: eventId },
    schedule: resolveSchedule(definition),
    revision: 0,
    startAsDraft: timing.startAsDraft ?? false,
  });
}

/** A day with no partners and no talks: invitations open as soon as it starts. */
export function registrationOnly(capacity: number, provinces: string[]) {
  const seed = seedDefinition();
  return {
    partners: [],
    speakers: [],
    capacity,
    seatsPerAssociation: 3,
    audience: { provinces, sectors: ['trade' as const, 'crafts' as const, 'services' as const] },
    agenda: [seed.agenda[0]!, { ...seed.agenda[4]!, start: '15:20' }],
  };
}

/** The seed day without partners, and with its first two talks only. */
export function speakersOnly() {
  const seed = seedDefinition();
  return {
    partners: [],
    speakers: seed.speakers!.slice(0, 2).map((speaker) => ({ ...speaker, partnerId: undefined })),
    agenda: [
      seed.agenda[0]!,
      seed.agenda[1]!,
      seed.agenda[2]!,
      { ...seed.agenda[4]!, start: '16:40' },
    ],
  };
}

/** Messages of one purpose (header `X-Multaqa-Purpose`), optionally to one address. */
export function messagesOf(
  messages: readonly CapturedMessage[],
  purpose: string,
  to?: string,
): CapturedMessage[] {
  return messages.filter(
    (message) =>
      message.parsed.headers.get('x-multaqa-purpose') === purpose &&
      (to === undefined || message.to.includes(to)),
  );
}

/** Associations made up for a test: `count` of them, spread over provinces and sectors. */
export function syntheticAssociations(
  count: number,
  options: { prefix?: string; provinces?: string[] } = {},
): Association[] {
  const provinces = options.provinces ?? ['Safi', 'Youssoufia'];
  const sectors = ['trade', 'crafts', 'services'] as const;
  return Array.from({ length: count }, (_, index) => ({
    id: `${options.prefix ?? 'assoc'}-${index}`,
    name: `Association ${index}`,
    sector: sectors[index % sectors.length]!,
    province: provinces[index % provinces.length]!,
    email: `${options.prefix ?? 'assoc'}-${index}@example.org`,
    preferredLanguage: index % 2 === 0 ? 'fr' : 'ar',
    memberOfChamber: true,
  }));
}

export interface LifecycleHarness {
  env: TestWorkflowEnvironment;
  client: Client;
  config: Config;
  taskQueue: string;
  smtp: SmtpSink;
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
  stop(): Promise<void>;
}

/** Polls `read` until `predicate` holds or `timeoutMs` passes (real time). */
export async function eventually<T>(
  read: () => Promise<T>,
  predicate: (value: T) => boolean,
  timeoutMs = 20_000,
  what = 'condition',
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  for (;;) {
    try {
      last = await read();
      if (predicate(last)) return last;
    } catch (error) {
      if (Date.now() > deadline) throw error;
    }
    if (Date.now() > deadline)
      throw new Error(`${what} not met within ${timeoutMs} ms; last: ${JSON.stringify(last)}`);
    await new Promise((wake) => setTimeout(wake, 100));
  }
}

/**
 * The real parts for lifecycle tests on the time-skipping server: a fresh test server (with
 * multaqa's search attributes), a real Redis under its own prefix, a real SMTP sink, and a
 * multaqa worker with the real activities (configured without `LINK_SECRET` if asked).
 */
export async function startLifecycleHarness(
  name: string,
  options: { withoutLinkSecret?: boolean } = {},
): Promise<LifecycleHarness> {
  const env = await createTimeSkippingEnvironment();
  await env.connection.operatorService.addSearchAttributes({
    namespace: 'default',
    // 2 = Keyword, 6 = Datetime (temporal.api.enums.v1.IndexedValueType)
    searchAttributes: {
      MultaqaPhase: 2,
      MultaqaEventDate: 6,
      MultaqaOrganiser: 2,
      MultaqaEventId: 2,
    },
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
    MULTAQA_EMBEDDED: 'false',
  });
  const dependencies: ActivityDependencies = {
    config,
    redis: redis.redis,
    mailer: createMailTransport(smtp.url),
    temporal: env.client,
  };
  const worker = await createMultaqaWorker({
    connection: env.nativeConnection,
    namespace: 'default',
    taskQueue,
    dependencies,
    workflowBundle: workflowBundle(),
  });
  const running = worker.run();
  const status = (eventId: string) =>
    env.client.workflow.getHandle(workflowIds.trainingDay(eventId)).query(getTrainingDayStatus);
  return {
    env,
    client: env.client,
    config,
    taskQueue,
    smtp,
    directory: new AssociationDirectory(redis.redis, redis.prefix),
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
      eventually(() => status(eventId), predicate, timeoutMs, `status of ${eventId}`),
    waitForWorkflow: async (workflowId) => {
      await eventually(
        () => env.client.workflow.getHandle(workflowId).describe(),
        () => true,
        20_000,
        `workflow ${workflowId}`,
      );
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
}

/**
 * Starts a registration-only day for `count` made-up associations of a province of its own
 * (even indexes write in French, odd ones in Arabic), waits for their invitations, and gives
 * `rsvp`, which answers for one of them through its shard as a signed link does.
 */
export async function openRegistrationDay(
  harness: LifecycleHarness,
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

import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { parse } from 'csv-parse/sync';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createActivities, type ActivityDependencies } from '../../activities';
import { AssociationDirectory } from '../../stores/association-directory';
import { planTrainingDay } from '../../client/training-day-plan';
import { AssociationCsvRowSchema, type Association } from '../../domain/association';
import { parseConfig } from '../../domain/config';
import type { Recommendation } from '../../domain/follow-up';
import type { FollowUpInput } from '../../domain/messages/follow-up';
import type { TrainingDayPlan } from '../../domain/training-day';
import { createMultaqaWorker } from '../../workers/create-worker';
import { createMailTransport } from '../../workers/mail-transport';
import { briefOf } from '../../workflows/training-day-state';

/** What the training day hands its children: the workflow's own function. */
export { briefOf };
import { temporal } from '@temporalio/proto';
import { SEARCH_ATTRIBUTE_DECLARATIONS } from '../../domain/search-attributes';

const INDEXED_TYPES: Record<string, temporal.api.enums.v1.IndexedValueType> = {
  Keyword: temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD,
  Datetime: temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_DATETIME,
};
import { connectTestRedis } from '../support/redis';
import { SmtpSink, type CapturedMessage } from '../support/smtp-sink';
import { TEST_LINK_SECRET } from '../support/stack';
import {
  createTimeSkippingEnvironment,
  uniqueTaskQueue,
  workflowBundle,
} from '../support/temporal';

const EXAMPLES = resolve(__dirname, '..', '..', 'examples');

/** The seed day (Safi, 23 Nov 2018) held on another date, under another id. */
export function seedPlanOn(date: string, eventId: string): TrainingDayPlan {
  const seed = JSON.parse(readFileSync(resolve(EXAMPLES, 'safi-2018-11-23.json'), 'utf8')) as {
    rsvpDeadline?: string;
  };
  delete seed.rsvpDeadline;
  return planTrainingDay({ ...seed, id: eventId, date });
}

/** The four recommendations of the seed day (see shared/seed/README.md). */
export const SEED_RECOMMENDATIONS: Recommendation[] = [
  {
    id: 'capacity-building',
    kind: 'capacity-building',
    owner: 'ads-marrakech-safi',
    text: {
      fr: 'Renforcer les capacités des responsables et membres des associations : conception de projets et procédures de candidature aux programmes',
      ar: 'تقوية قدرات مسؤولي وأعضاء الجمعيات في إعداد المشاريع ومساطر الترشح للبرامج المتاحة',
    },
  },
  {
    id: 'coordination',
    kind: 'coordination',
    owner: 'chamber',
    text: {
      fr: 'Coordonner institutions et associations professionnelles ; informer les associations des appels à projets',
    },
  },
  {
    id: 'further-training',
    kind: 'further-training',
    owner: 'province-safi-social-action',
    text: {
      fr: 'Organiser d’autres rencontres et sessions de formation sur la stratégie gouvernementale de développement des associations',
    },
  },
  {
    id: 'networking-visits',
    kind: 'networking-visits',
    owner: 'chamber',
    text: {
      fr: "Mettre en réseau les associations professionnelles et organiser des visites d'échange d'expériences",
    },
  },
];

export function followUpInputFor(
  plan: TrainingDayPlan,
  recommendation: Recommendation,
  trainingDayWorkflowId: string,
): FollowUpInput {
  return {
    event: briefOf(plan),
    recommendation,
    trainingDayWorkflowId,
    partners: plan.definition.partners,
    definition: plan.definition,
  };
}

/** The example associations (examples/associations.csv). */
export function exampleAssociations(): Association[] {
  const rows = parse(readFileSync(resolve(EXAMPLES, 'associations.csv'), 'utf8'), {
    columns: true,
    skip_empty_lines: true,
  }) as unknown[];
  return rows.map((row) => AssociationCsvRowSchema.parse(row));
}

export interface TimeSkippingStack {
  env: TestWorkflowEnvironment;
  taskQueue: string;
  smtp: SmtpSink;
  redis: Awaited<ReturnType<typeof connectTestRedis>>;
  dependencies: ActivityDependencies;
  directory: AssociationDirectory;
  worker: Worker;
  /** Stops the worker and starts a fresh one on the same queue: a restart of the service. */
  restartWorker(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * A time-skipping Temporal server with a multaqa worker on real Redis and a real SMTP sink,
 * and the example associations in the directory. `restartable` runs the worker without a
 * workflow cache, so `restartWorker` can replace it mid-test.
 */
export async function startTimeSkippingStack(
  name: string,
  options: { restartable?: boolean } = {},
): Promise<TimeSkippingStack> {
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
    LINK_SECRET: TEST_LINK_SECRET,
    PUBLIC_BASE_URL: 'http://multaqa.example.org',
    MULTAQA_EMBEDDED: 'false',
  });
  const dependencies: ActivityDependencies = {
    config,
    redis: redis.redis,
    mailer: createMailTransport(smtp.url),
    temporal: env.client,
  };
  const directory = new AssociationDirectory(redis.redis, config.REDIS_PREFIX);
  await directory.upsert(exampleAssociations());
  const bundle = workflowBundle();
  const newWorker = () =>
    options.restartable
      ? // Without a workflow cache the worker takes no sticky queue: the time-skipping server
        // would wait for ever on the sticky queue of a worker that was stopped.
        Worker.create({
          connection: env.nativeConnection,
          namespace: env.namespace ?? 'default',
          taskQueue,
          activities: createActivities(dependencies),
          workflowBundle: bundle,
          maxCachedWorkflows: 0,
        })
      : createMultaqaWorker({
          connection: env.nativeConnection,
          namespace: env.namespace ?? 'default',
          taskQueue,
          dependencies,
          workflowBundle: bundle,
        });
  let worker = await newWorker();
  let running = worker.run();
  const stack: TimeSkippingStack = {
    env,
    taskQueue,
    smtp,
    redis,
    dependencies,
    directory,
    worker,
    restartWorker: async () => {
      worker.shutdown();
      await running;
      worker = await newWorker();
      stack.worker = worker;
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
  return stack;
}

/** The purpose a received message was sent for (its `X-Multaqa-Purpose` header). */
export function purposeOf(message: CapturedMessage): string {
  return String(message.parsed.headers.get('x-multaqa-purpose') ?? '');
}

/** Messages of `purpose` received, optionally only those to `address`. */
export function messagesFor(smtp: SmtpSink, purpose: string, address?: string): CapturedMessage[] {
  return (address ? smtp.to(address) : smtp.messages).filter(
    (message) => purposeOf(message) === purpose,
  );
}

/** Polls `read` until `predicate` holds (real time), or fails naming the last value. */
export async function eventually<T>(
  read: () => Promise<T>,
  predicate: (value: T) => boolean,
  what: string,
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

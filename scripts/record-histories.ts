/**
 * The one history recorder: records the histories of every workflow type into
 * test/histories/<workflowType>-<scenario>.json for the replay suite (test/replay), by running
 * real scenarios with the real activities (Redis, SMTP): on the time-skipping test server for
 * those that span weeks or months, on a dev server for the runs that continue as new and for
 * the coordination digest's Schedule. The training day's workflows are recorded here, the
 * follow-up workflows' in `histories/follow-up-scenarios.ts`. Also records the history in
 * test/histories/broken/, from a variant of the partner workflow, that must fail to replay.
 *
 *   npx tsx scripts/record-histories.ts [lifecycle|follow-up]
 *
 * MULTAQA_HISTORIES_DIR=<dir> writes elsewhere (a dry run that leaves the committed ones alone).
 *
 * Needs Redis at 127.0.0.1:6379 (or REDIS_URL) and the Temporal binaries (.tools/temporal).
 * Re-record only on purpose: a history recorded by older code is what proves that new code can
 * still replay the workflows already running.
 */
import { Client, Connection } from '@temporalio/client';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { DefaultLogger, NativeConnection, Runtime, bundleWorkflowCode } from '@temporalio/worker';
import { Redis } from 'ioredis';
import { DateTime } from 'luxon';
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ActivityDependencies } from '../activities';
import { AssociationDirectory } from '../stores/association-directory';
import { parseConfig } from '../domain/config';
import { checkIn, submitSurveyResponse } from '../domain/messages/attendance';
import { answerPartnerRequest } from '../domain/messages/partner';
import { submitRsvp } from '../domain/messages/registration';
import { answerSpeakerInvitation, replaceSpeaker } from '../domain/messages/speaker-slot';
import {
  addRecommendation,
  advancePhase,
  cancelTrainingDay,
  changeAgenda,
  getTrainingDayStatus,
  rescheduleTrainingDay,
  type LifecycleTuning,
  type TrainingDayStatus,
} from '../domain/messages/training-day';
import { localToInstant, resolveSchedule } from '../domain/schedule';
import type { TrainingDayPlan } from '../domain/training-day';
import { shardOf, workflowIds } from '../domain/workflow-ids';
import { createMultaqaWorker } from '../workers/create-worker';
import { createMailTransport } from '../workers/mail-transport';
import { trainingDayWorkflow } from '../workflows';
import { briefOf } from '../workflows/training-day-state';
import { recordFollowUpHistories } from './histories/follow-up-scenarios';
import { BROKEN, historyFile, quiet, save, until } from './histories/recording';
import {
  exampleAssociations,
  planFor,
  seedDefinition,
  syntheticAssociations,
} from '../test/support/training-days';
import { startEmbeddedSmtp } from './stack/embedded-smtp';
import { freePort } from './stack/ports';
import { requireTemporalBinary } from './stack/temporal-binaries';
import { startTemporalDevServer } from './stack/temporal-dev-server';

const HOUR = 3_600_000;

/** What a scenario drives the workflows with, on either server. */
interface Recorder {
  client: Client;
  directory: AssociationDirectory;
  nowMs(): Promise<number>;
  start(plan: TrainingDayPlan, tuning?: LifecycleTuning): Promise<void>;
  status(eventId: string, done: (status: TrainingDayStatus) => boolean): Promise<TrainingDayStatus>;
  exists(workflowId: string): Promise<void>;
}

function recorderFor(
  client: Client,
  taskQueue: string,
  directory: AssociationDirectory,
  nowMs: () => Promise<number>,
): Recorder {
  return {
    client,
    directory,
    nowMs,
    start: async (plan, tuning) => {
      await client.workflow.start(trainingDayWorkflow, {
        taskQueue,
        workflowId: workflowIds.trainingDay(plan.eventId),
        args: [plan, { tuning: { reportIntervalMs: 1000, publishIntervalMs: 200, ...tuning } }],
      });
    },
    status: (eventId, done) =>
      until(
        () =>
          client.workflow.getHandle(workflowIds.trainingDay(eventId)).query(getTrainingDayStatus),
        done,
        `status of ${eventId}`,
      ),
    exists: async (workflowId) => {
      await until(
        () => client.workflow.getHandle(workflowId).describe(),
        () => true,
        workflowId,
      );
    },
  };
}

/** The seed day, with most of what can happen to a day happening once (time-skipping). */
async function recordSeedDay(recorder: Recorder, env: TestWorkflowEnvironment): Promise<void> {
  const { client } = recorder;
  const eventId = `record-seed-${randomUUID().slice(0, 8)}`;
  const associations = exampleAssociations();
  const plan = planFor(await recorder.nowMs(), eventId, { capacity: 20 });
  const sleepUntil = async (instant: string, offsetMs: number) => {
    const remaining = Date.parse(instant) + offsetMs - (await env.currentTimeMs());
    if (remaining > 0) await env.sleep(remaining);
  };
  await recorder.start(plan);
  const handle = (id: string) => client.workflow.getHandle(id);

  // Partners: ADS confirms, the province never answers (two reminders, then escalation).
  await recorder.exists(workflowIds.partner(eventId, 'ads-marrakech-safi'));
  await handle(workflowIds.partner(eventId, 'ads-marrakech-safi')).executeUpdate(
    answerPartnerRequest,
    { args: [{ answer: 'confirm', contributions: ['speaker', 'outreach'] }] },
  );
  await env.sleep(3 * 72 * HOUR + HOUR);
  await recorder.status(eventId, (s) => s.phase === 'booking-speakers');

  // Speakers: the professor declines and is replaced; the others confirm.
  const slot = (item: string) => handle(workflowIds.speakerSlot(eventId, item));
  await recorder.exists(slot('talk-roles-under-new-laws').workflowId);
  await slot('talk-roles-under-new-laws').executeUpdate(answerSpeakerInvitation, {
    args: [{ answer: 'decline', note: 'abroad that week' }],
  });
  await slot('talk-roles-under-new-laws').executeUpdate(replaceSpeaker, {
    args: [
      {
        speaker: {
          id: 'stand-in-professor',
          name: 'Pr. Amina Berrada',
          email: 'stand-in@university.example.org',
          language: 'fr',
        },
      },
    ],
  });
  for (const item of ['talk-roles-under-new-laws', 'talk-ads-strategy', 'talk-indh-results']) {
    await recorder.exists(slot(item).workflowId);
    await slot(item).executeUpdate(answerSpeakerInvitation, { args: [{ answer: 'confirm' }] });
  }
  const open = await recorder.status(eventId, (s) => s.registration.shards > 0);

  // The last talk is shortened and the discussion starts earlier: its speaker hears once.
  const agenda = plan.definition.agenda.map((item) =>
    item.id === 'talk-indh-results'
      ? { ...item, end: '17:10' }
      : item.id === 'open-discussion'
        ? { ...item, start: '17:10' }
        : item,
  );
  const schedule = Object.fromEntries(
    agenda.map((item) => [
      item.id,
      {
        startsAt: localToInstant(plan.definition.date, item.start, plan.definition.timeZone),
        endsAt: localToInstant(plan.definition.date, item.end, plan.definition.timeZone),
      },
    ]),
  );
  await handle(workflowIds.trainingDay(eventId)).executeUpdate(changeAgenda, {
    args: [{ agenda, schedule }],
  });
  await env.sleep(11 * 60_000);

  // RSVPs: the twenty seats fill, two queue, one gives seats back, the first in line is promoted.
  const shards = open.registration.shards;
  const rsvp = (associationId: string, seats: number | 'decline') =>
    handle(workflowIds.invitationShard(eventId, shardOf(associationId, shards))).executeUpdate(
      submitRsvp,
      {
        args: [
          seats === 'decline'
            ? { response: 'decline', associationId, channel: 'link' }
            : { response: 'accept', associationId, seats, channel: 'link' },
        ],
      },
    );
  const ids = associations.map((association) => association.id);
  for (const id of ids.slice(0, 6)) await rsvp(id, 3);
  await rsvp(ids[6]!, 3);
  await rsvp(ids[7]!, 2);
  await rsvp(ids[8]!, 1);
  await rsvp(ids[0]!, 'decline');
  await rsvp(ids[9]!, 'decline');

  // Rescheduled two days later; then the day runs its course.
  const date = DateTime.fromISO(plan.definition.date).plus({ days: 2 }).toISODate()!;
  const rsvpDeadline = DateTime.fromISO(date).minus({ days: 3 }).toISODate()!;
  const moved = resolveSchedule({ ...plan.definition, agenda, date, rsvpDeadline });
  await handle(workflowIds.trainingDay(eventId)).executeUpdate(rescheduleTrainingDay, {
    args: [
      {
        date,
        rsvpDeadline,
        start: plan.definition.start,
        end: plan.definition.end,
        reason: 'the hall is taken',
        startsAt: moved.startsAt,
        endsAt: moved.endsAt,
        rsvpDeadlineAt: moved.rsvpDeadlineAt,
        agenda: moved.agenda,
      },
    ],
  });
  await sleepUntil(moved.startsAt, -30 * 60_000);
  const door = handle(workflowIds.attendance(eventId));
  for (const id of ids.slice(1, 6))
    await door.executeUpdate(checkIn, {
      args: [{ associationId: id, attendees: 2, method: 'token' }],
    });
  await door.executeUpdate(checkIn, {
    args: [{ associationId: ids[1]!, attendees: 2, method: 'coordinator' }],
  });
  await door.executeUpdate(checkIn, {
    args: [
      {
        associationId: 'cooperative-tisserands-safi',
        attendees: 1,
        method: 'walk-in',
        walkIn: { name: 'Coopérative des tisserands de Safi', province: 'Safi', sector: 'crafts' },
      },
    ],
  });
  await sleepUntil(moved.startsAt, 60_000);
  await handle(workflowIds.trainingDay(eventId)).executeUpdate(addRecommendation, {
    args: [
      {
        id: 'capacity-building',
        kind: 'capacity-building',
        text: { fr: 'Renforcer les capacités des associations' },
      },
    ],
  });
  await sleepUntil(moved.endsAt, 60_000);
  await recorder.status(eventId, (s) => s.phase === 'closed' && s.summary !== undefined);
  await door.executeUpdate(submitSurveyResponse, {
    args: [{ associationId: ids[1]!, rating: 5, comments: 'Très utile' }],
  });
  await handle(workflowIds.trainingDay(eventId)).executeUpdate(advancePhase, {
    args: [{ to: 'following-up' }],
  });
  await recorder.status(eventId, (s) => s.followUps.length === 1);
  await new Promise((settle) => setTimeout(settle, 1500));

  const file = historyFile;
  await save(client, workflowIds.trainingDay(eventId), file('trainingDayWorkflow-seed-day'));
  await save(
    client,
    workflowIds.partner(eventId, 'ads-marrakech-safi'),
    file('partnerCoordinationWorkflow-confirmed'),
  );
  await save(
    client,
    workflowIds.partner(eventId, 'province-safi-social-action'),
    file('partnerCoordinationWorkflow-escalated'),
  );
  await save(
    client,
    workflowIds.speakerSlot(eventId, 'talk-roles-under-new-laws'),
    file('speakerSlotWorkflow-replaced'),
  );
  await save(
    client,
    workflowIds.speakerSlot(eventId, 'talk-indh-results'),
    file('speakerSlotWorkflow-agenda-change'),
  );
  for (let shard = 0; shard < shards; shard += 1)
    await save(
      client,
      workflowIds.invitationShard(eventId, shard),
      file(`invitationShardWorkflow-seed-day-${shard}`),
    );
  await save(client, workflowIds.seatLedger(eventId), file('seatLedgerWorkflow-seed-day'));
  await save(client, workflowIds.attendance(eventId), file('attendanceWorkflow-seed-day'));
}

/** A day cancelled while its invitations are open: every workflow's cancellation path. */
async function recordCancelled(recorder: Recorder): Promise<void> {
  const { client } = recorder;
  const eventId = `record-cancel-${randomUUID().slice(0, 8)}`;
  const seed = seedDefinition();
  const associations = syntheticAssociations(3, {
    prefix: eventId,
    provinces: [`Province ${eventId}`],
  });
  await recorder.directory.upsert(associations);
  const plan = planFor(await recorder.nowMs(), eventId, {
    partners: [seed.partners![0]!, seed.partners![1]!],
    speakers: [seed.speakers![0]!],
    audience: { provinces: [`Province ${eventId}`], sectors: ['trade', 'crafts', 'services'] },
    agenda: [seed.agenda[0]!, seed.agenda[1]!, { ...seed.agenda[4]!, start: '16:00' }],
  });
  await recorder.start(plan);
  const handle = (id: string) => client.workflow.getHandle(id);
  await recorder.exists(workflowIds.partner(eventId, 'ads-marrakech-safi'));
  await handle(workflowIds.partner(eventId, 'ads-marrakech-safi')).executeUpdate(
    answerPartnerRequest,
    { args: [{ answer: 'confirm', contributions: ['speaker'] }] },
  );
  await recorder.exists(workflowIds.partner(eventId, 'province-safi-social-action'));
  await handle(workflowIds.partner(eventId, 'province-safi-social-action')).executeUpdate(
    answerPartnerRequest,
    { args: [{ answer: 'decline', note: 'no staff that week' }] },
  );
  await handle(workflowIds.trainingDay(eventId)).executeUpdate(advancePhase, {
    args: [{ to: 'invitations-open' }],
  });
  const open = await recorder.status(eventId, (s) => s.registration.shards > 0);
  const first = associations[0]!.id;
  const shard = handle(
    workflowIds.invitationShard(eventId, shardOf(first, open.registration.shards)),
  );
  await recorder.exists(shard.workflowId);
  await shard.executeUpdate(submitRsvp, {
    args: [{ response: 'accept', associationId: first, seats: 2, channel: 'link' }],
  });
  await handle(workflowIds.trainingDay(eventId)).executeUpdate(cancelTrainingDay, {
    args: [{ reason: 'venue unavailable' }],
  });
  const children = {
    'partnerCoordinationWorkflow-declined-then-cancelled': workflowIds.partner(
      eventId,
      'province-safi-social-action',
    ),
    'speakerSlotWorkflow-cancelled': workflowIds.speakerSlot(eventId, 'talk-roles-under-new-laws'),
    'invitationShardWorkflow-cancelled': shard.workflowId,
    'seatLedgerWorkflow-cancelled': workflowIds.seatLedger(eventId),
    'attendanceWorkflow-cancelled': workflowIds.attendance(eventId),
    'trainingDayWorkflow-cancelled': workflowIds.trainingDay(eventId),
  };
  for (const [name, workflowId] of Object.entries(children)) {
    await handle(workflowId).result();
    await save(client, workflowId, historyFile(name));
  }
}

/** Runs that end in continue-as-new, and the runs that carry their state on (dev server). */
async function recordContinuedAsNew(recorder: Recorder): Promise<void> {
  const { client } = recorder;
  const eventId = `record-can-${randomUUID().slice(0, 8)}`;
  const seed = seedDefinition();
  const associations = syntheticAssociations(12, {
    prefix: eventId,
    provinces: [`Province ${eventId}`],
  });
  const ids = associations.map((association) => association.id);
  await recorder.directory.upsert(associations);
  const plan = planFor(await recorder.nowMs(), eventId, {
    partners: [seed.partners![0]!],
    speakers: [seed.speakers![0]!],
    capacity: 10,
    seatsPerAssociation: 2,
    audience: { provinces: [`Province ${eventId}`], sectors: ['trade', 'crafts', 'services'] },
    agenda: [seed.agenda[0]!, seed.agenda[1]!, { ...seed.agenda[4]!, start: '16:00' }],
  });
  await recorder.start(plan, { maxHistoryEvents: 30 });
  const handle = (id: string) => client.workflow.getHandle(id);
  await recorder.exists(workflowIds.partner(eventId, 'ads-marrakech-safi'));
  await handle(workflowIds.partner(eventId, 'ads-marrakech-safi')).executeUpdate(
    answerPartnerRequest,
    { args: [{ answer: 'confirm', contributions: ['speaker'] }] },
  );
  await recorder.exists(workflowIds.speakerSlot(eventId, 'talk-roles-under-new-laws'));
  await handle(workflowIds.speakerSlot(eventId, 'talk-roles-under-new-laws')).executeUpdate(
    answerSpeakerInvitation,
    { args: [{ answer: 'confirm' }] },
  );
  const open = await recorder.status(eventId, (s) => s.registration.shards > 0);
  const shard = handle(
    workflowIds.invitationShard(eventId, shardOf(ids[0]!, open.registration.shards)),
  );
  await recorder.exists(shard.workflowId);
  for (const id of ids.slice(0, 8))
    await shard.executeUpdate(submitRsvp, {
      args: [{ response: 'accept', associationId: id, seats: 2, channel: 'link' }],
    });
  for (const id of ids.slice(0, 3))
    await shard.executeUpdate(submitRsvp, {
      args: [{ response: 'decline', associationId: id, channel: 'link' }],
    });
  await handle(workflowIds.trainingDay(eventId)).executeUpdate(advancePhase, {
    args: [{ to: 'in-progress' }],
  });
  const door = handle(workflowIds.attendance(eventId));
  for (const id of ids.slice(3, 8))
    await door.executeUpdate(checkIn, {
      args: [{ associationId: id, attendees: 1, method: 'token' }],
    });
  await handle(workflowIds.trainingDay(eventId)).executeUpdate(addRecommendation, {
    args: [{ id: 'visits', kind: 'networking-visits', text: { ar: 'تنظيم زيارات بين الجمعيات' } }],
  });
  await new Promise((settle) => setTimeout(settle, 1500));

  for (const [workflowId, type] of [
    [workflowIds.trainingDay(eventId), 'trainingDayWorkflow'],
    [shard.workflowId, 'invitationShardWorkflow'],
    [workflowIds.seatLedger(eventId), 'seatLedgerWorkflow'],
    [workflowIds.attendance(eventId), 'attendanceWorkflow'],
  ] as const) {
    const runs: string[] = [];
    let runId: string | undefined = (await handle(workflowId).describe()).runId;
    while (runId) {
      runs.unshift(runId);
      const history = await client.workflow.getHandle(workflowId, runId).fetchHistory();
      runId =
        history.events![0]!.workflowExecutionStartedEventAttributes!.continuedExecutionRunId ||
        undefined;
    }
    if (runs.length < 2) throw new Error(`${type} did not continue as new`);
    await save(client, workflowId, historyFile(`${type}-continued-as-new`), runs[0]);
    await save(client, workflowId, historyFile(`${type}-carried-state`), runs.at(-1));
  }
  await handle(workflowIds.trainingDay(eventId)).executeUpdate(cancelTrainingDay, {
    args: [{ reason: 'recorded' }],
  });
}

/** The history that must not replay: a variant of the partner workflow under the real name. */
async function recordBroken(env: TestWorkflowEnvironment, deps: ActivityDependencies) {
  const taskQueue = `record-broken-${randomUUID().slice(0, 8)}`;
  const variant = await bundleWorkflowCode({
    workflowsPath: require.resolve('./histories/partner-coordination-variant'),
    logger: quiet,
  });
  const worker = await createMultaqaWorker({
    connection: env.nativeConnection,
    namespace: 'default',
    taskQueue,
    dependencies: deps,
    workflowBundle: variant,
  });
  const plan = planFor(await env.currentTimeMs(), `record-broken-${randomUUID().slice(0, 8)}`, {});
  const workflowId = workflowIds.partner(plan.eventId, 'ads-marrakech-safi');
  await worker.runUntil(async () => {
    const handle = await env.client.workflow.start('partnerCoordinationWorkflow', {
      taskQueue,
      workflowId,
      args: [{ event: briefOf(plan), partner: plan.definition.partners[0]! }],
    });
    await handle.result();
  });
  await save(
    env.client,
    workflowId,
    historyFile('broken/partnerCoordinationWorkflow-waits-before-asking'),
  );
}

/** Records the training day's workflows' histories with `bundle`, today's workflow code. */
async function recordLifecycleHistories(bundle: { code: string }): Promise<void> {
  const prefix = `multaqa-record:${randomUUID().slice(0, 8)}:`;
  const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
  const smtp = await startEmbeddedSmtp({ port: 0 });
  const directory = new AssociationDirectory(redis, prefix);
  const dependenciesFor = (temporal: Client, taskQueue: string): ActivityDependencies => ({
    config: parseConfig({
      ...process.env,
      TEMPORAL_TASK_QUEUE: taskQueue,
      REDIS_PREFIX: prefix,
      SMTP_URL: smtp.url,
      SMTP_RATE_PER_SECOND: '1000',
      LINK_SECRET: 'record-histories-link-secret-0123456789abcdef',
      MULTAQA_EMBEDDED: 'false',
    }),
    redis,
    mailer: createMailTransport(smtp.url),
    temporal,
  });
  const dbDir = mkdtempSync(join(tmpdir(), 'multaqa-record-'));
  try {
    await directory.upsert(exampleAssociations());

    // Weeks of a day in seconds: the time-skipping server.
    const env = await TestWorkflowEnvironment.createTimeSkipping({
      server: {
        executable: { type: 'existing-path', path: requireTemporalBinary('temporal-test-server') },
      },
    });
    try {
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
      const taskQueue = `record-${randomUUID().slice(0, 8)}`;
      const deps = dependenciesFor(env.client, taskQueue);
      const worker = await createMultaqaWorker({
        connection: env.nativeConnection,
        namespace: 'default',
        taskQueue,
        dependencies: deps,
        workflowBundle: bundle,
      });
      const recorder = recorderFor(env.client, taskQueue, directory, () => env.currentTimeMs());
      await worker.runUntil(async () => {
        await recordSeedDay(recorder, env);
        await recordCancelled(recorder);
      });
      await recordBroken(env, deps);
      deps.mailer.close();
    } finally {
      await env.teardown();
    }

    // Continue-as-new: the real dev server.
    const server = await startTemporalDevServer({
      port: await freePort(),
      logFile: join(dbDir, 'server.log'),
    });
    const connection = await Connection.connect({ address: server.address });
    const nativeConnection = await NativeConnection.connect({ address: server.address });
    try {
      const client = new Client({ connection, namespace: 'default' });
      const taskQueue = `record-${randomUUID().slice(0, 8)}`;
      const deps = dependenciesFor(client, taskQueue);
      const worker = await createMultaqaWorker({
        connection: nativeConnection,
        namespace: 'default',
        taskQueue,
        dependencies: deps,
        workflowBundle: bundle,
      });
      const recorder = recorderFor(client, taskQueue, directory, async () => Date.now());
      await worker.runUntil(() => recordContinuedAsNew(recorder));
      deps.mailer.close();
    } finally {
      await connection.close();
      await nativeConnection.close();
      await server.stop();
    }
  } finally {
    await smtp.close();
    rmSync(dbDir, { recursive: true, force: true });
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length > 0) await redis.del(...keys);
    } while (cursor !== '0');
    redis.disconnect();
  }
}

async function main(): Promise<void> {
  const only = process.argv[2];
  if (only !== undefined && only !== 'lifecycle' && only !== 'follow-up')
    throw new Error(`record which histories? lifecycle or follow-up, not "${only}"`);
  Runtime.install({ logger: new DefaultLogger('WARN') });
  mkdirSync(BROKEN, { recursive: true });
  const bundle = await bundleWorkflowCode({
    workflowsPath: require.resolve('../workflows'),
    logger: quiet,
  });
  if (only !== 'follow-up') await recordLifecycleHistories(bundle);
  if (only !== 'lifecycle') await recordFollowUpHistories(bundle);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

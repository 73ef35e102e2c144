/**
 * The follow-up workflows' scenarios (follow-up, networking visit, coordination digest) of the
 * history recorder (`scripts/record-histories.ts`): a time-skipping server for the months-long
 * ones, the dev server for the Schedule.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import { AssociationDirectory } from '../../stores/association-directory';
import { checkIn } from '../../domain/messages/attendance';
import {
  addDigestNews,
  answerVisitInvitation,
  cancelVisit,
  closeFollowUp,
  createNextTrainingDay,
  getFollowUpView,
  getVisitView,
  markFollowUpInProgress,
  overrideVisitPairing,
  recordVisitReport,
  scheduleVisit,
} from '../../domain/messages/follow-up';
import { localToInstant } from '../../domain/schedule';
import type * as HarnessModule from '../../test/support/workflow-harness';
import * as fixtures from '../../test/support/training-days';
import { workflowIds } from '../../domain/workflow-ids';
import { attendanceWorkflow, followUpWorkflow } from '../../workflows';
import { freePort } from '../stack/ports';
import { startTemporalDevServer } from '../stack/temporal-dev-server';

import { historyFile, save as saveFile, until } from './recording';

const DAY = 86_400_000;

function save(
  client: Parameters<typeof saveFile>[0],
  workflowId: string,
  name: string,
  runId?: string,
) {
  return saveFile(client, workflowId, historyFile(name), runId);
}

type Fixtures = typeof fixtures;
type Stack = Awaited<ReturnType<(typeof HarnessModule)['startWorkflowHarness']>>;

/**
 * Runs one scenario on a fresh time-skipping server (one long-lived server for every scenario
 * proved fragile), with the fixtures of the integration tests: real Redis, a real SMTP sink.
 */
async function onTimeSkipping(
  bundle: { code: string },
  name: string,
  scenario: (stack: Stack, fixtures: Fixtures, yesterday: string) => Promise<void>,
): Promise<void> {
  process.env.MULTAQA_TEST_WORKFLOW_BUNDLE = writeBundle(bundle);
  const { EXAMPLE_BASE_URL, startWorkflowHarness } =
    await import('../../test/support/workflow-harness');
  const stack = await startWorkflowHarness(`record-${name}`, {
    exampleAssociations: true,
    publicBaseUrl: EXAMPLE_BASE_URL,
  });
  try {
    const now = await stack.env.currentTimeMs();
    await scenario(stack, fixtures, new Date(now - DAY).toISOString().slice(0, 10));
  } finally {
    await stack.stop();
  }
}

function recommendation(fixtures: Fixtures, kind: string) {
  return fixtures.SEED_RECOMMENDATIONS.find((item) => item.kind === kind)!;
}

/** Reminded, in progress, overdue, escalated twice, closed. */
async function escalatedAndClosed(stack: Stack, fixtures: Fixtures, yesterday: string) {
  const { client } = stack.env;
  const now = await stack.env.currentTimeMs();
  const capacity = recommendation(fixtures, 'capacity-building');
  const plan = fixtures.seedPlanOn(yesterday, 'history-escalated');
  const workflowId = workflowIds.followUp(plan.eventId, capacity.id);
  const handle = await client.workflow.start(followUpWorkflow, {
    taskQueue: stack.taskQueue,
    workflowId,
    args: [
      fixtures.followUpInputFor(
        plan,
        { ...capacity, dueAt: new Date(now + 10 * DAY).toISOString() },
        workflowIds.trainingDay(plan.eventId),
      ),
    ],
  });
  await stack.env.sleep('4 days');
  await handle.executeUpdate(markFollowUpInProgress, { args: [{ note: 'workshops planned' }] });
  await stack.env.sleep('15 days');
  await until(
    () => handle.query(getFollowUpView),
    (view) => view.escalationsSent === 2,
  );
  await handle.executeUpdate(closeFollowUp, { args: [{ status: 'done', outcome: 'held' }] });
  await handle.result();
  await save(client, workflowId, 'followUpWorkflow-escalated-and-closed');
}

/** The first run of a follow-up that continued as new. */
async function continuedAsNew(stack: Stack, fixtures: Fixtures, yesterday: string) {
  const { client } = stack.env;
  const now = await stack.env.currentTimeMs();
  const capacity = recommendation(fixtures, 'capacity-building');
  const plan = fixtures.seedPlanOn(yesterday, 'history-continued');
  const workflowId = workflowIds.followUp(plan.eventId, capacity.id);
  const handle = await client.workflow.start(followUpWorkflow, {
    taskQueue: stack.taskQueue,
    workflowId,
    args: [
      fixtures.followUpInputFor(
        plan,
        { ...capacity, dueAt: new Date(now + 3 * DAY).toISOString() },
        workflowIds.trainingDay(plan.eventId),
      ),
      { policy: { maxHistoryEvents: 20 } },
    ],
  });
  await stack.env.sleep('40 days');
  await until(
    () => handle.query(getFollowUpView),
    (view) => view.escalationsSent === 4,
  );
  await save(client, workflowId, 'followUpWorkflow-continued-as-new', handle.firstExecutionRunId);
  await handle.executeUpdate(closeFollowUp, { args: [{ status: 'dropped', outcome: 'merged' }] });
  await handle.result();
}

/** Further training: the next day started as a draft. */
async function furtherTraining(stack: Stack, fixtures: Fixtures, yesterday: string) {
  const { client } = stack.env;
  const further = recommendation(fixtures, 'further-training');
  const plan = fixtures.seedPlanOn(yesterday, 'history-further');
  const workflowId = workflowIds.followUp(plan.eventId, further.id);
  const handle = await client.workflow.start(followUpWorkflow, {
    taskQueue: stack.taskQueue,
    workflowId,
    args: [fixtures.followUpInputFor(plan, further, workflowIds.trainingDay(plan.eventId))],
  });
  const date = DateTime.fromMillis(await stack.env.currentTimeMs())
    .plus({ days: 60 })
    .toISODate()!;
  await handle.executeUpdate(createNextTrainingDay, { args: [{ date }] });
  await handle.executeUpdate(closeFollowUp, {
    args: [{ status: 'done', outcome: 'second day planned' }],
  });
  await handle.result();
  await save(client, workflowId, 'followUpWorkflow-further-training');
}

/**
 * Networking visits proposed from attendees: one visit arranged and reported, one cancelled,
 * then the follow-up closed.
 */
async function networkingVisits(stack: Stack, fixtures: Fixtures, yesterday: string) {
  const { client } = stack.env;
  const networking = recommendation(fixtures, 'networking-visits');
  const plan = fixtures.seedPlanOn(yesterday, 'history-visits');
  const attendance = await client.workflow.start(attendanceWorkflow, {
    taskQueue: stack.taskQueue,
    workflowId: workflowIds.attendance(plan.eventId),
    args: [{ event: fixtures.briefOf(plan), shardCount: 1 }],
  });
  for (const [associationId, attendees] of [
    ['potiers-safi', 3],
    ['couturiers-youssoufia', 2],
    ['tujjar-souk-safi', 2],
    ['epiciers-youssoufia', 1],
  ] as const)
    await attendance.executeUpdate(checkIn, {
      args: [{ associationId, attendees, method: 'coordinator' }],
    });
  const followUpId = workflowIds.followUp(plan.eventId, networking.id);
  const followUp = await client.workflow.start(followUpWorkflow, {
    taskQueue: stack.taskQueue,
    workflowId: followUpId,
    args: [fixtures.followUpInputFor(plan, networking, workflowIds.trainingDay(plan.eventId))],
  });
  await until(
    () => followUp.query(getFollowUpView),
    (view) => view.visits.length === 2,
  );
  const visitId = workflowIds.networkingVisit(plan.eventId, 'visit-2');
  const visit = client.workflow.getHandle(visitId);
  await visit.executeUpdate(overrideVisitPairing, {
    args: [
      { hostId: 'potiers-safi', visitorIds: ['couturiers-youssoufia', 'tisserands-youssoufia'] },
    ],
  });
  for (const [associationId, answer] of [
    ['potiers-safi', 'confirm'],
    ['couturiers-youssoufia', 'confirm'],
    ['tisserands-youssoufia', 'decline'],
  ] as const)
    await visit.executeUpdate(answerVisitInvitation, { args: [{ associationId, answer }] });
  const visitDate = DateTime.fromMillis(await stack.env.currentTimeMs(), {
    zone: 'Africa/Casablanca',
  })
    .plus({ days: 10 })
    .toISODate()!;
  await visit.executeUpdate(scheduleVisit, {
    args: [
      {
        date: visitDate,
        time: '10:00',
        startsAt: localToInstant(visitDate, '10:00', 'Africa/Casablanca'),
        place: 'Colline des potiers, Safi',
      },
    ],
  });
  await stack.env.sleep('15 days');
  await until(
    () => visit.query(getVisitView),
    (view) => view.status === 'held',
  );
  await visit.executeUpdate(recordVisitReport, {
    args: [{ summary: 'shared kiln shown', participants: 6 }],
  });
  await visit.result();
  await save(client, visitId, 'networkingVisitWorkflow-reported');
  const otherId = workflowIds.networkingVisit(plan.eventId, 'visit-1');
  await client.workflow.getHandle(otherId).executeUpdate(cancelVisit, {
    args: [{ reason: 'the traders prefer a meeting at the chamber' }],
  });
  await client.workflow.getHandle(otherId).result();
  await save(client, otherId, 'networkingVisitWorkflow-cancelled');
  await followUp.executeUpdate(closeFollowUp, {
    args: [{ status: 'done', outcome: 'one visit held' }],
  });
  await followUp.result();
  await save(client, followUpId, 'followUpWorkflow-networking-visits');
}

async function recordOnDevServer(bundle: { code: string }): Promise<void> {
  const port = await freePort();
  const dbDir = mkdtempSync(join(tmpdir(), 'multaqa-record-'));
  const server = await startTemporalDevServer({ port, logFile: join(dbDir, 'server.log') });
  process.env.MULTAQA_TEST_TEMPORAL_ADDRESS = server.address;
  process.env.MULTAQA_TEST_WORKFLOW_BUNDLE = writeBundle(bundle);
  const { startTestStack } = await import('../../test/support/stack');
  const stack = await startTestStack('record-digest');
  try {
    const client = stack.temporal.client;
    await new AssociationDirectory(stack.redis.redis, stack.config.REDIS_PREFIX).upsert(
      fixtures.exampleAssociations(),
    );
    const plan = fixtures.seedPlanOn(
      new Date(Date.now() - DAY).toISOString().slice(0, 10),
      'history-digest',
    );
    const attendance = await client.workflow.start(attendanceWorkflow, {
      taskQueue: stack.config.TEMPORAL_TASK_QUEUE,
      workflowId: workflowIds.attendance(plan.eventId),
      args: [{ event: fixtures.briefOf(plan), shardCount: 1 }],
    });
    await attendance.executeUpdate(checkIn, {
      args: [{ associationId: 'potiers-safi', attendees: 2, method: 'coordinator' }],
    });
    const coordination = fixtures.SEED_RECOMMENDATIONS[1]!;
    const followUpId = workflowIds.followUp(plan.eventId, coordination.id);
    const followUp = await client.workflow.start(followUpWorkflow, {
      taskQueue: stack.config.TEMPORAL_TASK_QUEUE,
      workflowId: followUpId,
      args: [fixtures.followUpInputFor(plan, coordination, workflowIds.trainingDay(plan.eventId))],
    });
    await until(
      () => followUp.query(getFollowUpView),
      (view) => view.digest.scheduleId !== undefined,
    );
    await followUp.executeUpdate(addDigestNews, {
      args: [{ title: 'Appel à projets', body: 'Dépôt avant le 15 mars.' }],
    });
    const scheduleId = workflowIds.coordinationDigest(plan.eventId, coordination.id);
    const schedule = client.schedule.getHandle(scheduleId);
    await schedule.trigger();
    const { info } = await until(
      () => schedule.describe(),
      (description) => description.info.recentActions.length > 0,
    );
    const run = info.recentActions[0]!.action.workflow;
    await client.workflow.getHandle(run.workflowId, run.firstExecutionRunId).result();
    await save(client, run.workflowId, 'coordinationDigestWorkflow-sent', run.firstExecutionRunId);
    await until(
      () => followUp.query(getFollowUpView),
      (view) => view.digest.digestsSent === 1,
    );
    await followUp.executeUpdate(closeFollowUp, {
      args: [{ status: 'done', outcome: 'coordination meetings agreed' }],
    });
    await followUp.result();
    await save(client, followUpId, 'followUpWorkflow-coordination');
  } finally {
    await stack.stop();
    await server.stop();
    rmSync(dbDir, { recursive: true, force: true });
  }
}

let bundleFile: string | undefined;
function writeBundle(bundle: { code: string }): string {
  if (!bundleFile) {
    const dir = mkdtempSync(join(tmpdir(), 'multaqa-bundle-'));
    bundleFile = join(dir, 'workflow-bundle.js');
    writeFileSync(bundleFile, bundle.code);
  }
  return bundleFile;
}

/** Records the follow-up workflows' histories with `bundle`, today's workflow code. */
export async function recordFollowUpHistories(bundle: { code: string }): Promise<void> {
  await onTimeSkipping(bundle, 'escalated', escalatedAndClosed);
  await onTimeSkipping(bundle, 'continued', continuedAsNew);
  await onTimeSkipping(bundle, 'further', furtherTraining);
  await onTimeSkipping(bundle, 'visits', networkingVisits);
  await recordOnDevServer(bundle);
}

import { WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import type { FollowUpSummary } from '../../domain/follow-up';
import {
  addDigestNews,
  closeFollowUp,
  getFollowUpView,
  markFollowUpInProgress,
} from '../../domain/messages/follow-up';
import { followUpReport } from '../../domain/messages/training-day';
import { workflowIds } from '../../domain/workflow-ids';
import { followUpWorkflow, trainingDayWorkflow } from '../../workflows';
import { uniqueId } from '../support/temporal';
import {
  EXAMPLE_BASE_URL,
  messagesFor,
  startWorkflowHarness,
  type WorkflowHarness,
} from '../support/workflow-harness';
import { followUpInputFor, SEED_RECOMMENDATIONS, seedPlanOn } from '../support/training-days';

const DAY = 86_400_000;
const COORDINATOR = 'coordination@ccis-safi.example.org';
const ADS = 'coordination@ads-marrakech-safi.example.org';

/** The follow-up reports the training day received, read from its history. */
async function reportsReceived(stack: WorkflowHarness, workflowId: string) {
  const history = await stack.env.client.workflow.getHandle(workflowId).fetchHistory();
  const converter = stack.env.client.options.loadedDataConverter.payloadConverter;
  return (history.events ?? [])
    .filter(
      (event) => event.workflowExecutionSignaledEventAttributes?.signalName === followUpReport.name,
    )
    .map(
      (event) =>
        converter.fromPayload(
          event.workflowExecutionSignaledEventAttributes!.input!.payloads![0]!,
        ) as FollowUpSummary,
    );
}

function eventMessages(stack: WorkflowHarness, purpose: string, eventId: string) {
  return messagesFor(stack.smtp, purpose).filter(
    (message) => String(message.parsed.headers.get('x-multaqa-event')) === eventId,
  );
}

async function startDayAndFollowUp(
  stack: WorkflowHarness,
  options: { dueInDays: number; policy?: Record<string, number> },
) {
  const now = await stack.env.currentTimeMs();
  const eventId = uniqueId('escalation');
  const plan = seedPlanOn(new Date(now - DAY).toISOString().slice(0, 10), eventId);
  const dayId = workflowIds.trainingDay(eventId);
  await stack.env.client.workflow.start(trainingDayWorkflow, {
    taskQueue: stack.taskQueue,
    workflowId: dayId,
    args: [{ ...plan, startAsDraft: true }],
  });
  const recommendation = {
    ...SEED_RECOMMENDATIONS[0]!,
    dueAt: new Date(now + options.dueInDays * DAY).toISOString(),
  };
  const handle = await stack.env.client.workflow.start(followUpWorkflow, {
    taskQueue: stack.taskQueue,
    workflowId: workflowIds.followUp(eventId, recommendation.id),
    args: [
      followUpInputFor(plan, recommendation, dayId),
      options.policy ? { policy: options.policy } : {},
    ],
  });
  return { handle, dayId, eventId };
}

describe('a follow-up nobody closes in time (time skipping: months in seconds)', () => {
  let stack: WorkflowHarness;
  beforeAll(async () => {
    stack = await startWorkflowHarness('follow-up-escalation', {
      exampleAssociations: true,
      publicBaseUrl: EXAMPLE_BASE_URL,
      restartable: true,
    });
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('reminds its partner owner, turns overdue, escalates weekly at most four times, and closes with its outcome', async () => {
    const { handle, dayId } = await startDayAndFollowUp(stack, { dueInDays: 30 });

    await stack.env.sleep('22 days');
    expect(messagesFor(stack.smtp, 'follow-up-reminder')).toHaveLength(0);
    await stack.env.sleep('2 days');
    await stack.smtp.waitFor(() => messagesFor(stack.smtp, 'follow-up-reminder', ADS).length === 1);

    const progressing = await handle.executeUpdate(markFollowUpInProgress, {
      args: [{ note: 'ADS prepares two workshops on project design' }],
    });
    expect(progressing.status).toBe('in-progress');

    await stack.env.sleep('7 days');
    await stack.smtp.waitFor(
      () => messagesFor(stack.smtp, 'follow-up-escalation', COORDINATOR).length === 1,
    );
    expect((await handle.query(getFollowUpView)).status).toBe('overdue');

    await stack.env.sleep('60 days');
    await stack.smtp.waitFor(
      () => messagesFor(stack.smtp, 'follow-up-escalation', COORDINATOR).length >= 4,
    );
    await stack.env.sleep('30 days');
    const escalations = messagesFor(stack.smtp, 'follow-up-escalation', COORDINATOR);
    expect(escalations).toHaveLength(4);
    expect(new Set(escalations.map((message) => message.parsed.messageId)).size).toBe(4);
    expect(messagesFor(stack.smtp, 'follow-up-reminder')).toHaveLength(1);
    const overdue = await handle.query(getFollowUpView);
    expect(overdue).toMatchObject({ status: 'overdue', escalationsSent: 4, remindersSent: 1 });

    const closed = await handle.executeUpdate(closeFollowUp, {
      args: [{ status: 'done', outcome: 'Two project-design workshops held with ADS in Safi' }],
    });
    expect(closed.status).toBe('done');
    const summary = await handle.result();
    expect(summary).toMatchObject({
      status: 'done',
      outcome: 'Two project-design workshops held with ADS in Safi',
    });

    const reports = await reportsReceived(stack, dayId);
    expect(reports.map((report) => report.status)).toEqual([
      'open',
      'in-progress',
      'overdue',
      'done',
    ]);
  });

  it('keeps its timers and counts across a worker restart and continue-as-new, without mailing twice', async () => {
    const { handle, eventId } = await startDayAndFollowUp(stack, {
      dueInDays: 10,
      policy: { maxHistoryEvents: 20 },
    });
    const firstRun = (await handle.describe()).runId;
    await stack.env.sleep('4 days');
    await stack.smtp.waitFor(
      () => eventMessages(stack, 'follow-up-reminder', eventId).length === 1,
    );

    await stack.restartWorker();
    await stack.env.sleep('7 days');
    await stack.restartWorker();
    await stack.env.sleep('30 days');

    const view = await handle.query(getFollowUpView);
    expect(view).toMatchObject({ status: 'overdue', escalationsSent: 4, remindersSent: 1 });
    expect((await handle.describe()).runId).not.toBe(firstRun);
    expect(eventMessages(stack, 'follow-up-escalation', eventId)).toHaveLength(4);
    expect(eventMessages(stack, 'follow-up-reminder', eventId)).toHaveLength(1);
    await handle.executeUpdate(closeFollowUp, {
      args: [{ status: 'dropped', outcome: 'Merged into the ADS Irtiqae programme' }],
    });
    expect(await handle.result()).toMatchObject({ status: 'dropped' });
  });

  it('refuses bad or out-of-place updates, naming the field, and keeps nothing of them', async () => {
    const { handle } = await startDayAndFollowUp(stack, { dueInDays: 30 });
    const failure = async (promise: Promise<unknown>) => {
      const error = await promise.then(
        () => undefined,
        (caught: unknown) => caught,
      );
      expect(error).toBeInstanceOf(WorkflowUpdateFailedError);
      const cause = (error as WorkflowUpdateFailedError).cause;
      expect(cause).toBeInstanceOf(ApplicationFailure);
      return cause as ApplicationFailure;
    };
    const missingOutcome = await failure(
      handle.executeUpdate(closeFollowUp, { args: [{ status: 'done' } as never] }),
    );
    expect(missingOutcome.type).toBe('InvalidInput');
    expect(missingOutcome.message).toMatch(/outcome/);
    const news = await failure(
      handle.executeUpdate(addDigestNews, { args: [{ title: 'Call', body: 'Apply' }] }),
    );
    expect(news.type).toBe('WrongPhase');
    expect((await handle.query(getFollowUpView)).status).toBe('open');

    await handle.executeUpdate(closeFollowUp, { args: [{ status: 'done', outcome: 'Done' }] });
    expect(await handle.result()).toMatchObject({ status: 'done', outcome: 'Done' });
    await expect(
      handle.executeUpdate(closeFollowUp, { args: [{ status: 'dropped', outcome: 'Again' }] }),
    ).rejects.toThrow();
  });
});

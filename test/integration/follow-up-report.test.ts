import { closeFollowUp } from '../../client/use-cases/follow-ups';
import {
  buildProgrammeView,
  buildTrainingDayReport,
  renderProgrammeReportHtml,
} from '../../client/use-cases/report';
import { AssociationDirectory } from '../../stores/association-directory';
import { MultaqaError } from '../../domain/errors';
import { checkIn } from '../../domain/messages/attendance';
import {
  addRecommendation,
  advancePhase,
  getTrainingDayStatus,
} from '../../domain/messages/training-day';
import { workflowIds } from '../../domain/workflow-ids';
import type { TrainingDayPlan } from '../../domain/training-day';
import { attendanceWorkflow, trainingDayWorkflow } from '../../workflows';
import { startTestStack, type TestStack } from '../support/stack';
import { uniqueId } from '../support/temporal';
import { eventually } from '../support/workflow-harness';
import {
  briefOf,
  exampleAssociations,
  SEED_RECOMMENDATIONS,
  seedPlanOn,
} from '../support/training-days';

const DAY = 86_400_000;

describe('the programme view across training days (dev server)', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack('follow-up-report');
    await new AssociationDirectory(stack.redis.redis, stack.config.REDIS_PREFIX).upsert(
      exampleAssociations(),
    );
  });
  afterAll(async () => {
    await stack?.stop();
  });

  /** A day recorded after it took place, with its sign-in sheet entered by the coordinator. */
  async function heldDay(daysAgo: number, attendees: string[]): Promise<TrainingDayPlan> {
    const client = stack.temporal.client;
    const date = new Date(Date.now() - daysAgo * DAY).toISOString().slice(0, 10);
    const plan = seedPlanOn(date, uniqueId('programme'));
    await client.workflow.start(trainingDayWorkflow, {
      taskQueue: stack.config.TEMPORAL_TASK_QUEUE,
      workflowId: workflowIds.trainingDay(plan.eventId),
      args: [plan],
    });
    const attendance = await client.workflow.start(attendanceWorkflow, {
      taskQueue: stack.config.TEMPORAL_TASK_QUEUE,
      workflowId: workflowIds.attendance(plan.eventId),
      args: [{ event: briefOf(plan), shardCount: 1 }],
    });
    for (const associationId of attendees)
      await attendance.executeUpdate(checkIn, {
        args: [{ associationId, attendees: 1, method: 'coordinator' }],
      });
    return plan;
  }

  it('counts days held and planned, associations reached once across days, and recommendations closed', async () => {
    const client = stack.temporal.client;
    const first = await heldDay(60, ['potiers-safi', 'tujjar-souk-safi', 'couturiers-youssoufia']);
    const second = await heldDay(2, ['potiers-safi', 'epiciers-youssoufia']);
    const planned = seedPlanOn(
      new Date(Date.now() + 45 * DAY).toISOString().slice(0, 10),
      uniqueId('programme-planned'),
    );
    await client.workflow.start(trainingDayWorkflow, {
      taskQueue: stack.config.TEMPORAL_TASK_QUEUE,
      workflowId: workflowIds.trainingDay(planned.eventId),
      args: [{ ...planned, startAsDraft: true }],
    });

    // The first day's two recommendations are followed up; one is closed.
    const day = client.workflow.getHandle(workflowIds.trainingDay(first.eventId));
    for (const recommendation of SEED_RECOMMENDATIONS.filter(
      (item) => item.kind === 'capacity-building' || item.kind === 'further-training',
    ))
      await day.executeUpdate(addRecommendation, { args: [recommendation] });
    await day.executeUpdate(advancePhase, { args: [{ to: 'following-up' }] });
    await eventually(
      () => day.query(getTrainingDayStatus),
      (status) => status.followUps.length === 2,
      'follow-ups started',
    );
    await closeFollowUp(
      { temporal: client },
      { eventId: first.eventId, recommendationId: 'capacity-building' },
      {
        status: 'done',
        outcome: 'Workshops held',
      },
    );
    await eventually(
      () => day.query(getTrainingDayStatus),
      (status) => status.followUps.some((followUp) => followUp.status === 'done'),
      'closing reported to the day',
    );

    const query = `WorkflowType = 'trainingDayWorkflow' AND TaskQueue = '${stack.config.TEMPORAL_TASK_QUEUE}'`;
    const programme = await eventually(
      () => buildProgrammeView({ temporal: client }, { query }),
      (view) => view.days.length === 3,
      'the three days listed',
    );
    expect(programme.days.map((entry) => entry.eventId)).toEqual([
      first.eventId,
      second.eventId,
      planned.eventId,
    ]);
    expect(programme.totals).toMatchObject({
      days: 3,
      daysHeld: 2,
      daysPlanned: 1,
      associationsReached: 4,
      attendees: expect.any(Number),
      recommendations: 2,
      recommendationsDone: 1,
      recommendationsClosed: 1,
    });
    const html = renderProgrammeReportHtml(programme, 'fr');
    expect(html).toContain('Associations touchées');
    expect(html).toContain(first.eventId);
  });

  it('names the training day it cannot find', async () => {
    const missing = buildTrainingDayReport({ temporal: stack.temporal.client }, 'no-such-day');
    await expect(missing).rejects.toThrow(MultaqaError);
    await expect(missing).rejects.toMatchObject({ code: 'NotFound' });
  });
});

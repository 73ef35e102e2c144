import { DateTime } from 'luxon';
import { EventIdRegistry } from '../../stores/event-id-registry';
import { createNextTrainingDay, readFollowUp } from '../../client/use-cases/follow-ups';
import { MultaqaError } from '../../domain/errors';
import { nextEventCreated, getTrainingDayStatus } from '../../domain/messages/training-day';
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

describe('further training: the next training day created as a draft from a recommendation (time skipping)', () => {
  let stack: WorkflowHarness;
  beforeAll(async () => {
    stack = await startWorkflowHarness('follow-up-further-training', {
      exampleAssociations: true,
      publicBaseUrl: EXAMPLE_BASE_URL,
    });
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('starts the next day as a draft linked to this one, with theme, partners and audience, and tells the day', async () => {
    const { client } = stack.env;
    const now = await stack.env.currentTimeMs();
    const eventId = uniqueId('further');
    const plan = seedPlanOn(new Date(now - DAY).toISOString().slice(0, 10), eventId);
    const dayId = workflowIds.trainingDay(eventId);
    const day = await client.workflow.start(trainingDayWorkflow, {
      taskQueue: stack.taskQueue,
      workflowId: dayId,
      args: [{ ...plan, startAsDraft: true }],
    });
    const recommendation = SEED_RECOMMENDATIONS.find((item) => item.kind === 'further-training')!;
    const ref = { eventId, recommendationId: recommendation.id };
    await client.workflow.start(followUpWorkflow, {
      taskQueue: stack.taskQueue,
      workflowId: workflowIds.followUp(eventId, recommendation.id),
      args: [followUpInputFor(plan, recommendation, dayId)],
    });

    const date = DateTime.fromMillis(now, { zone: 'Africa/Casablanca' })
      .plus({ days: 60 })
      .toISODate()!;
    const theme = {
      fr: 'La stratégie gouvernementale de développement des associations et organisations professionnelles',
      ar: 'الاستراتيجية الحكومية لتنمية الجمعيات والهيئات المهنية',
    };
    const created = await createNextTrainingDay({ temporal: client }, ref, {
      date,
      title: theme,
      theme,
    });
    expect(created).toEqual({
      eventId: `${eventId}-further-training-1`,
      workflowId: workflowIds.trainingDay(`${eventId}-further-training-1`),
    });

    const next = client.workflow.getHandle(created.workflowId);
    const description = await next.describe();
    expect(description.status.name).toBe('RUNNING');
    expect(description.type).toBe('trainingDayWorkflow');
    const nextStatus = await next.query(getTrainingDayStatus);
    expect(nextStatus).toMatchObject({
      eventId: created.eventId,
      previousEventId: eventId,
      phase: 'draft',
      title: theme,
      timeZone: 'Africa/Casablanca',
      startsAt: DateTime.fromISO(`${date}T15:00`, { zone: 'Africa/Casablanca' })
        .toUTC()
        .toISO({ suppressMilliseconds: true }),
    });

    // The day it follows from was told, and shows it.
    const history = await day.fetchHistory();
    const signals = (history.events ?? []).filter(
      (event) =>
        event.workflowExecutionSignaledEventAttributes?.signalName === nextEventCreated.name,
    );
    expect(signals).toHaveLength(1);
    expect((await day.query(getTrainingDayStatus)).nextEventIds).toContain(created.eventId);

    // A draft waits for the coordinator: a week later nobody has been asked anything for it.
    await stack.env.sleep('7 days');
    expect((await next.query(getTrainingDayStatus)).phase).toBe('draft');
    expect(
      stack.smtp.messages.filter(
        (message) => String(message.parsed.headers.get('x-multaqa-event')) === created.eventId,
      ),
    ).toHaveLength(0);

    // A second session from the same recommendation, on the default date.
    const second = await createNextTrainingDay({ temporal: client }, ref, {});
    expect(second.eventId).toBe(`${eventId}-further-training-2`);
    const secondStatus = await client.workflow
      .getHandle(second.workflowId)
      .query(getTrainingDayStatus);
    expect(Date.parse(secondStatus.startsAt)).toBeGreaterThan(now + 27 * DAY);
    expect((await readFollowUp({ temporal: client }, ref)).nextEventIds).toEqual([
      created.eventId,
      second.eventId,
    ]);
    expect(messagesFor(stack.smtp, 'partner-request')).toHaveLength(0);
  });

  it('refuses a next day from another kind of recommendation, or on a past date, naming why', async () => {
    const { client } = stack.env;
    const now = await stack.env.currentTimeMs();
    const eventId = uniqueId('further-refused');
    const plan = seedPlanOn(new Date(now - DAY).toISOString().slice(0, 10), eventId);
    const other = { ...SEED_RECOMMENDATIONS[0]!, id: 'other-thing', kind: 'other' as const };
    const training = SEED_RECOMMENDATIONS.find((item) => item.kind === 'further-training')!;
    for (const recommendation of [other, training])
      await client.workflow.start(followUpWorkflow, {
        taskQueue: stack.taskQueue,
        workflowId: workflowIds.followUp(eventId, recommendation.id),
        args: [followUpInputFor(plan, recommendation, workflowIds.trainingDay(eventId))],
      });

    await expect(
      createNextTrainingDay({ temporal: client }, { eventId, recommendationId: other.id }, {}),
    ).rejects.toThrow(/further-training or capacity-building/);
    const past = createNextTrainingDay(
      { temporal: client },
      { eventId, recommendationId: training.id },
      { date: '2018-01-01' },
    );
    await expect(past).rejects.toThrow(MultaqaError);
    await expect(past).rejects.toMatchObject({ field: 'date' });
    await expect(
      createNextTrainingDay(
        { temporal: client },
        { eventId, recommendationId: training.id },
        { date: 'soon' },
      ),
    ).rejects.toThrow(/date/);
    expect(
      (await readFollowUp({ temporal: client }, { eventId, recommendationId: training.id }))
        .nextEventIds,
    ).toEqual([]);
  });

  it('claims the next day’s id for good, and refuses one already used (issue 14)', async () => {
    const { client } = stack.env;
    const now = await stack.env.currentTimeMs();
    const eventId = uniqueId('further-ids');
    const plan = seedPlanOn(new Date(now - DAY).toISOString().slice(0, 10), eventId);
    const training = SEED_RECOMMENDATIONS.find((item) => item.kind === 'further-training')!;
    const ref = { eventId, recommendationId: training.id };
    await client.workflow.start(followUpWorkflow, {
      taskQueue: stack.taskQueue,
      workflowId: workflowIds.followUp(eventId, training.id),
      args: [followUpInputFor(plan, training, workflowIds.trainingDay(eventId))],
    });
    const registry = new EventIdRegistry(stack.redis.redis, stack.redis.prefix);
    // Another day took the id the second session would get.
    await registry.claim(`${eventId}-further-training-2`);

    const first = await createNextTrainingDay({ temporal: client }, ref, {});
    const claim = await registry.find(first.eventId);
    expect(claim?.generation).toEqual(expect.any(Number));
    const started = await client.workflow.getHandle(first.workflowId).fetchHistory();
    const startedPlan = JSON.parse(
      Buffer.from(
        started.events![0]!.workflowExecutionStartedEventAttributes!.input!.payloads![0]!.data!,
      ).toString('utf8'),
    );
    expect(startedPlan.generation).toBe(claim?.generation);

    await expect(createNextTrainingDay({ temporal: client }, ref, {})).rejects.toMatchObject({
      field: 'id',
      message: expect.stringContaining('already used'),
    });
    expect((await readFollowUp({ temporal: client }, ref)).nextEventIds).toEqual([first.eventId]);
  });
});

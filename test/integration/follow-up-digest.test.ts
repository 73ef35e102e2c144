import { ScheduleNotFoundError, type Client } from '@temporalio/client';
import { AssociationDirectory } from '../../stores/association-directory';
import {
  addCoordinationNews,
  closeFollowUp,
  readFollowUp,
} from '../../client/use-cases/follow-ups';
import { checkIn } from '../../domain/messages/attendance';
import type { CoordinationDigestResult } from '../../domain/messages/follow-up';
import { workflowIds } from '../../domain/workflow-ids';
import { attendanceWorkflow, followUpWorkflow } from '../../workflows';
import { startTestStack, type TestStack } from '../support/stack';
import { uniqueId } from '../support/temporal';
import { messagesFor } from '../support/workflow-harness';
import {
  briefOf,
  exampleAssociations,
  followUpInputFor,
  SEED_RECOMMENDATIONS,
  seedPlanOn,
} from '../support/training-days';

const DAY = 86_400_000;
const ATTENDEES = ['potiers-safi', 'tujjar-souk-safi', 'couturiers-youssoufia'];
const PARTNERS = [
  'coordination@ads-marrakech-safi.example.org',
  'action-sociale@province-safi.example.org',
];

/** Runs the Schedule's action now and waits for that digest run to finish. */
async function runDigestNow(client: Client, scheduleId: string): Promise<CoordinationDigestResult> {
  const schedule = client.schedule.getHandle(scheduleId);
  const before = (await schedule.describe()).info.numActionsTaken;
  await schedule.trigger();
  for (let tries = 0; tries < 200; tries += 1) {
    const { info } = await schedule.describe();
    if (info.numActionsTaken > before) {
      const latest = info.recentActions[info.recentActions.length - 1]!;
      return client.workflow
        .getHandle(latest.action.workflow.workflowId, latest.action.workflow.firstExecutionRunId)
        .result() as Promise<CoordinationDigestResult>;
    }
    await new Promise((wake) => setTimeout(wake, 100));
  }
  throw new Error('the schedule did not run its action');
}

describe('the coordination digest on a Temporal Schedule (dev server)', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack('follow-up-digest');
    await new AssociationDirectory(stack.redis.redis, stack.config.REDIS_PREFIX).upsert(
      exampleAssociations(),
    );
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('mails the news coordinators add to partners and attendees, once each, until the follow-up closes', async () => {
    const client = stack.temporal.client;
    const eventId = uniqueId('digest');
    const plan = seedPlanOn(new Date(Date.now() - DAY).toISOString().slice(0, 10), eventId);
    const attendance = await client.workflow.start(attendanceWorkflow, {
      taskQueue: stack.config.TEMPORAL_TASK_QUEUE,
      workflowId: workflowIds.attendance(eventId),
      args: [{ event: briefOf(plan), shardCount: 1 }],
    });
    for (const associationId of ATTENDEES)
      await attendance.executeUpdate(checkIn, {
        args: [{ associationId, attendees: 2, method: 'coordinator' }],
      });

    const recommendation = SEED_RECOMMENDATIONS.find((item) => item.kind === 'coordination')!;
    const ref = { eventId, recommendationId: recommendation.id };
    const followUp = await client.workflow.start(followUpWorkflow, {
      taskQueue: stack.config.TEMPORAL_TASK_QUEUE,
      workflowId: workflowIds.followUp(eventId, recommendation.id),
      args: [followUpInputFor(plan, recommendation, workflowIds.trainingDay(eventId))],
    });
    const scheduleId = workflowIds.coordinationDigest(eventId, recommendation.id);
    let view = await readFollowUp({ temporal: client }, ref);
    for (let tries = 0; !view.digest.scheduleId && tries < 100; tries += 1) {
      await new Promise((wake) => setTimeout(wake, 100));
      view = await readFollowUp({ temporal: client }, ref);
    }
    expect(view.digest.scheduleId).toBe(scheduleId);
    const described = await client.schedule.getHandle(scheduleId).describe();
    expect(described.action).toMatchObject({
      type: 'startWorkflow',
      workflowType: 'coordinationDigestWorkflow',
    });
    expect(described.spec.intervals?.[0]?.every).toBe(14 * DAY);

    const digests = () =>
      messagesFor(stack.smtp, 'coordination-digest').filter(
        (message) => String(message.parsed.headers.get('x-multaqa-event')) === eventId,
      );

    // No news yet: the run sends nothing.
    expect(await runDigestNow(client, scheduleId)).toMatchObject({ sent: 0 });

    await addCoordinationNews({ temporal: client }, ref, {
      title: 'Appel à projets INDH 2019',
      body: 'Dépôt des dossiers à la Province de Safi avant le 15 mars.',
      link: 'https://indh.example.org/appel-2019',
    });
    await addCoordinationNews({ temporal: client }, ref, {
      title: 'Programme Irtiqae',
      body: "L'ADS ouvre une session d'accompagnement des associations.",
    });
    expect(await runDigestNow(client, scheduleId)).toMatchObject({ sent: 5, upToSeq: 2 });
    await stack.smtp.waitFor(() => digests().length === 5);
    for (const recipient of [...PARTNERS, ...ATTENDEES.map((id) => `${id}@example.org`)])
      expect(digests().filter((message) => message.to.includes(recipient))).toHaveLength(1);
    expect(digests()[0]!.parsed.text).toContain('Appel à projets INDH 2019');
    expect(digests()[0]!.parsed.text).toContain('Programme Irtiqae');
    view = await readFollowUp({ temporal: client }, ref);
    expect(view.digest).toMatchObject({ digestsSent: 1, digestedUpTo: 2 });

    // Nothing new: nobody is mailed again.
    expect(await runDigestNow(client, scheduleId)).toMatchObject({ sent: 0, upToSeq: 2 });
    await addCoordinationNews({ temporal: client }, ref, {
      title: 'Réunion de coordination',
      body: 'Chambre, ADS et Province le 2 avril à Safi.',
    });
    expect(await runDigestNow(client, scheduleId)).toMatchObject({ sent: 5, upToSeq: 3 });
    await stack.smtp.waitFor(() => digests().length === 10);
    const second = digests().find((message) =>
      message.parsed.text?.includes('Réunion de coordination'),
    )!;
    expect(second.parsed.text).not.toContain('Programme Irtiqae');

    await closeFollowUp({ temporal: client }, ref, {
      status: 'done',
      outcome: 'Quarterly coordination meetings agreed between the chamber, ADS and the Province',
    });
    expect(await followUp.result()).toMatchObject({ status: 'done' });
    await expect(client.schedule.getHandle(scheduleId).describe()).rejects.toThrow(
      ScheduleNotFoundError,
    );
    await expect(
      addCoordinationNews({ temporal: client }, ref, { title: 'Late', body: 'Too late' }),
    ).rejects.toThrow();
  });
});

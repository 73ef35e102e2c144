import type { Client } from '@temporalio/client';
import { AssociationDirectory } from '../../stores/association-directory';
import { checkIn } from '../../domain/messages/attendance';
import { answerPartnerRequest } from '../../domain/messages/partner';
import { getSeatLedger, submitRsvp } from '../../domain/messages/registration';
import { answerSpeakerInvitation } from '../../domain/messages/speaker-slot';
import {
  addRecommendation,
  advancePhase,
  getTrainingDayStatus,
  type TrainingDayStatus,
} from '../../domain/messages/training-day';
import { shardOf, workflowIds } from '../../domain/workflow-ids';
import { trainingDayWorkflow } from '../../workflows';
import { startTestStack, type TestStack } from '../support/stack';
import { uniqueId } from '../support/temporal';
import { eventually } from '../support/workflow-harness';
import { planFor, seedDefinition, syntheticAssociations } from '../support/training-days';

/** How many runs a workflow has had: each continuation names the run it continues. */
async function runsOf(client: Client, workflowId: string): Promise<number> {
  let runs = 1;
  let runId: string | undefined = (await client.workflow.getHandle(workflowId).describe()).runId;
  for (;;) {
    const history = await client.workflow.getHandle(workflowId, runId).fetchHistory();
    const previous: string | null | undefined =
      history.events![0]!.workflowExecutionStartedEventAttributes!.continuedExecutionRunId;
    if (!previous) return runs;
    runs += 1;
    runId = previous;
  }
}

// On the real dev server: the time-skipping server loses track of time after runs continue as
// new at the very instant other runs of the day end (its clock stops advancing).
describe('a long life: continue-as-new on the real server', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack('lifecycle-long-life');
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('every workflow of the day hands over to new runs as its history grows, and nothing is lost', async () => {
    const { client } = stack.temporal;
    const eventId = uniqueId('long-life');
    const province = `Province ${eventId}`;
    const associations = syntheticAssociations(30, { prefix: eventId, provinces: [province] });
    await new AssociationDirectory(stack.redis.redis, stack.config.REDIS_PREFIX).upsert(
      associations,
    );
    const seed = seedDefinition();
    const plan = planFor(
      Date.now(),
      eventId,
      {
        partners: [seed.partners![0]!],
        speakers: [{ ...seed.speakers![0]! }],
        capacity: 20,
        seatsPerAssociation: 2,
        audience: { provinces: [province], sectors: ['trade', 'crafts', 'services'] },
        agenda: [seed.agenda[0]!, seed.agenda[1]!, { ...seed.agenda[4]!, start: '16:00' }],
      },
      { daysAhead: 60 },
    );
    const day = await client.workflow.start(trainingDayWorkflow, {
      taskQueue: stack.config.TEMPORAL_TASK_QUEUE,
      workflowId: workflowIds.trainingDay(eventId),
      args: [
        plan,
        { tuning: { maxHistoryEvents: 30, reportIntervalMs: 200, publishIntervalMs: 100 } },
      ],
    });
    const handle = (id: string) => client.workflow.getHandle(id);
    const status = (predicate: (s: TrainingDayStatus) => boolean) =>
      eventually(() => day.query(getTrainingDayStatus), predicate, 'status', 30_000);
    const exists = (id: string) =>
      eventually(
        () => handle(id).describe(),
        () => true,
        id,
        20_000,
      );

    await exists(workflowIds.partner(eventId, 'ads-marrakech-safi'));
    await handle(workflowIds.partner(eventId, 'ads-marrakech-safi')).executeUpdate(
      answerPartnerRequest,
      {
        args: [{ answer: 'confirm', contributions: ['speaker', 'outreach'] }],
      },
    );
    await exists(workflowIds.speakerSlot(eventId, 'talk-roles-under-new-laws'));
    await handle(workflowIds.speakerSlot(eventId, 'talk-roles-under-new-laws')).executeUpdate(
      answerSpeakerInvitation,
      { args: [{ answer: 'confirm' }] },
    );
    const { registration } = await status((s) => s.registration.shards > 0);
    const shard = (id: string) =>
      handle(workflowIds.invitationShard(eventId, shardOf(id, registration.shards)));
    const ids = associations.map((association) => association.id);
    await eventually(
      () => shard(ids[0]!).describe(),
      () => true,
      'shard',
      20_000,
    );

    // Fifteen fill the twenty seats... and queue; five give their seats back; five decline outright.
    for (const id of ids.slice(0, 15))
      await shard(id).executeUpdate(submitRsvp, {
        args: [{ response: 'accept', associationId: id, seats: 2, channel: 'link' }],
      });
    for (const id of [...ids.slice(0, 5), ...ids.slice(20, 25)])
      await shard(id).executeUpdate(submitRsvp, {
        args: [{ response: 'decline', associationId: id, channel: 'link' }],
      });
    const answered = await status(
      (s) =>
        s.registration.accepted === 10 &&
        s.registration.declined === 10 &&
        s.registration.waitlisted === 0,
    );
    expect(answered.registration).toMatchObject({ seatsTaken: 20, pending: 10, invited: 30 });
    expect(await handle(workflowIds.seatLedger(eventId)).query(getSeatLedger)).toMatchObject({
      seatsTaken: 20,
      holders: 10,
      waitlist: [],
    });

    // The coordinator moves the day on; check-ins, a recommendation, an early close.
    await day.executeUpdate(advancePhase, { args: [{ to: 'in-progress' }] });
    const door = handle(workflowIds.attendance(eventId));
    for (const id of ids.slice(5, 15))
      await door.executeUpdate(checkIn, {
        args: [{ associationId: id, attendees: 2, method: 'token' }],
      });
    for (const id of ids.slice(5, 10))
      expect(
        (
          await door.executeUpdate(checkIn, {
            args: [{ associationId: id, attendees: 1, method: 'coordinator' }],
          })
        ).counted,
      ).toBe(false);
    await day.executeUpdate(addRecommendation, {
      args: [
        {
          id: 'further-training',
          kind: 'further-training',
          text: { fr: 'Organiser d’autres sessions' },
        },
      ],
    });
    expect(await day.executeUpdate(advancePhase, { args: [{ to: 'closed' }] })).toBe('closed');
    const closed = await status((s) => s.attendance.checkedIn === 10 && s.summary?.attended === 10);
    expect(closed.summary).toMatchObject({
      invited: 30,
      accepted: 10,
      declined: 10,
      waitlisted: 0,
      attended: 10,
      attendees: 20,
      recommendations: 1,
    });
    expect(closed.partners[0]!.status).toBe('confirmed');
    expect(closed.speakers[0]!.status).toBe('confirmed');

    // The day closed early: every child but attendance (survey) has ended.
    await eventually(
      () =>
        Promise.all(
          [
            workflowIds.seatLedger(eventId),
            workflowIds.partner(eventId, 'ads-marrakech-safi'),
            workflowIds.speakerSlot(eventId, 'talk-roles-under-new-laws'),
            ...Array.from({ length: registration.shards }, (_, n) =>
              workflowIds.invitationShard(eventId, n),
            ),
          ].map(async (id) => (await handle(id).describe()).status.name),
        ),
      (names) => names.every((name) => name === 'COMPLETED'),
      'children closed',
      20_000,
    );
    expect(await runsOf(client, day.workflowId)).toBeGreaterThan(1);
    expect(await runsOf(client, workflowIds.seatLedger(eventId))).toBeGreaterThan(1);
    expect(
      await runsOf(
        client,
        workflowIds.invitationShard(eventId, shardOf(ids[0]!, registration.shards)),
      ),
    ).toBeGreaterThan(1);
    expect(await runsOf(client, workflowIds.attendance(eventId))).toBeGreaterThan(1);

    // Across runs, no message went twice.
    const ofEvent = stack.smtp.messages.filter(
      (m) => m.parsed.headers.get('x-multaqa-event') === eventId,
    );
    const identities = ofEvent.map((m) => m.parsed.messageId);
    expect(new Set(identities).size).toBe(identities.length);
  });
});

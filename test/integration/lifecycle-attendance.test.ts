import {
  checkIn,
  getAttendance,
  getSurveyResults,
  submitSurveyResponse,
} from '../../domain/messages/attendance';
import { submitRsvp } from '../../domain/messages/registration';
import { addRecommendation, advancePhase } from '../../domain/messages/training-day';
import { shardOf, workflowIds } from '../../domain/workflow-ids';
import { uniqueId } from '../support/temporal';
import {
  messagesOf,
  startWorkflowHarness,
  type WorkflowHarness,
} from '../support/workflow-harness';
import { planFor, registrationOnly, syntheticAssociations } from '../support/training-days';

describe('the day: check-in, attendance and the closing summary', () => {
  let harness: WorkflowHarness;
  // A fresh test server per test: the time-skipping server can stall on what earlier tests left.
  beforeEach(async () => {
    harness = await startWorkflowHarness('lifecycle-attendance');
  });
  afterEach(async () => {
    await harness?.stop();
  });

  it('counts each association once, takes walk-ins, and closes with figures by province and sector', async () => {
    const eventId = uniqueId('door');
    const [north, south] = [`North ${eventId}`, `South ${eventId}`];
    const associations = syntheticAssociations(5, { prefix: eventId, provinces: [north, south] });
    await harness.directory.upsert(associations);
    const plan = planFor(await harness.nowMs(), eventId, registrationOnly(40, [north, south]));
    const day = await harness.startDay(plan);
    const { registration } = await harness.waitForStatus(eventId, (s) => s.registration.shards > 0);
    const [a, b, c] = associations;
    expect([a!.sector, a!.province, b!.sector, b!.province]).toEqual([
      'trade',
      north,
      'crafts',
      south,
    ]);
    for (const association of [a!, b!, c!])
      await harness.client.workflow
        .getHandle(
          workflowIds.invitationShard(eventId, shardOf(association.id, registration.shards)),
        )
        .executeUpdate(submitRsvp, {
          args: [{ response: 'accept', associationId: association.id, seats: 2, channel: 'link' }],
        });

    const door = harness.client.workflow.getHandle(workflowIds.attendance(eventId));
    await expect(
      door.executeUpdate(checkIn, {
        args: [{ associationId: a!.id, attendees: 2, method: 'token' }],
      }),
    ).rejects.toMatchObject({ cause: { type: 'WrongPhase' } });

    // Check-in opens an hour before the start.
    await harness.env.sleep(
      Date.parse(plan.schedule.startsAt) - (await harness.nowMs()) - 30 * 60_000,
    );
    const first = await door.executeUpdate(checkIn, {
      args: [{ associationId: a!.id, attendees: 2, method: 'token' }],
    });
    expect(first).toMatchObject({ associationId: a!.id, counted: true, attendees: 2 });
    const again = await door.executeUpdate(checkIn, {
      args: [{ associationId: a!.id, attendees: 3, method: 'coordinator' }],
    });
    expect(again).toMatchObject({ counted: false, attendees: 2, checkedInAt: first.checkedInAt });
    // Two check-ins of the same association at the same moment: one counts.
    const both = await Promise.all([
      door.executeUpdate(checkIn, {
        args: [{ associationId: b!.id, attendees: 1, method: 'token' }],
      }),
      door.executeUpdate(checkIn, {
        args: [{ associationId: b!.id, attendees: 1, method: 'coordinator' }],
      }),
    ]);
    expect(both.map((outcome) => outcome.counted).sort()).toEqual([false, true]);
    const walkIn = await door.executeUpdate(checkIn, {
      args: [
        {
          associationId: `${eventId}-walk-in`,
          attendees: 1,
          method: 'walk-in',
          walkIn: { name: 'Coopérative des tisserands', province: south, sector: 'crafts' },
        },
      ],
    });
    expect(walkIn.counted).toBe(true);
    await expect(
      door.executeUpdate(checkIn, {
        args: [{ associationId: 'nobody-knows', attendees: 1, method: 'coordinator' }],
      }),
    ).rejects.toMatchObject({ cause: { type: 'NotFound' } });
    await expect(
      door.executeUpdate(checkIn, {
        args: [{ associationId: 'no-details', attendees: 1, method: 'walk-in' }],
      }),
    ).rejects.toMatchObject({ cause: { type: 'InvalidInput' } });

    expect(await door.query(getAttendance)).toEqual({
      checkedIn: 3,
      attendees: 4,
      walkIns: 1,
      byProvince: { [north]: 1, [south]: 2 },
      bySector: { trade: 1, crafts: 2 },
    });

    await harness.waitForStatus(
      eventId,
      (s) => s.phase === 'registration-closed' && s.attendance.checkedIn === 3,
    );
    await harness.env.sleep('31 minutes');
    await harness.waitForStatus(eventId, (s) => s.phase === 'in-progress');
    await day.executeUpdate(addRecommendation, {
      args: [
        {
          id: 'capacity-building',
          kind: 'capacity-building',
          text: { fr: 'Renforcer les capacités' },
        },
      ],
    });

    // The day ends: the summary is drawn, attendees are thanked with a survey.
    await harness.env.sleep(Date.parse(plan.schedule.endsAt) - (await harness.nowMs()) + 60_000);
    const closed = await harness.waitForStatus(
      eventId,
      (s) => s.phase === 'closed' && s.summary !== undefined,
    );
    expect(closed.summary).toMatchObject({
      invited: 5,
      accepted: 3,
      waitlisted: 0,
      noAnswer: 2,
      attended: 3,
      attendees: 4,
      walkIns: 1,
      recommendations: 1,
    });
    expect(closed.summary!.byProvince[north]).toEqual({
      invited: 3,
      accepted: 2,
      waitlisted: 0,
      attended: 1,
    });
    expect(closed.summary!.byProvince[south]).toEqual({
      invited: 2,
      accepted: 1,
      waitlisted: 0,
      attended: 2,
    });
    await harness.smtp.waitFor(
      (all) =>
        messagesOf(all, 'thank-you-survey').filter(
          (m) => m.parsed.headers.get('x-multaqa-event') === eventId,
        ).length === 2,
    );

    expect(
      await door.executeUpdate(submitSurveyResponse, {
        args: [{ associationId: a!.id, rating: 5, comments: 'Très utile' }],
      }),
    ).toMatchObject({ responses: 1, averageRating: 5 });
    await expect(
      door.executeUpdate(submitSurveyResponse, { args: [{ associationId: a!.id, rating: 4 }] }),
    ).rejects.toMatchObject({ cause: { type: 'AlreadyAnswered' } });
    await expect(
      door.executeUpdate(submitSurveyResponse, { args: [{ associationId: c!.id, rating: 4 }] }),
    ).rejects.toMatchObject({ cause: { type: 'NotFound' } });
    expect((await door.query(getSurveyResults)).ratings['5']).toBe(1);

    // Follow-up starts when the coordinator says so: one follow-up per recommendation.
    expect(await day.executeUpdate(advancePhase, { args: [{ to: 'following-up' }] })).toBe(
      'following-up',
    );
    const following = await harness.waitForStatus(eventId, (s) => s.followUps.length === 1);
    expect(following.followUps[0]).toMatchObject({
      recommendationId: 'capacity-building',
      workflowId: workflowIds.followUp(eventId, 'capacity-building'),
    });
    await harness.waitForWorkflow(workflowIds.followUp(eventId, 'capacity-building'));
  });

  it('records a day created after it took place as closed, sending nothing', async () => {
    const eventId = uniqueId('past-day');
    const plan = planFor(await harness.nowMs(), eventId, registrationOnly(40, ['Safi']), {
      daysAhead: -30,
    });
    const day = await harness.startDay(plan);
    const status = await harness.waitForStatus(eventId, (s) => s.phase === 'closed');
    expect(status.phaseHistory.map((change) => change.phase)).toEqual(['closed']);
    expect(status.registration.shards).toBe(0);
    expect(
      await day.executeUpdate(addRecommendation, {
        args: [{ id: 'visits', kind: 'networking-visits', text: { ar: 'تنظيم زيارات' } }],
      }),
    ).toMatchObject({ id: 'visits', owner: 'chamber' });
    expect(
      harness.smtp.messages.filter(
        (message) => message.parsed.headers.get('x-multaqa-event') === eventId,
      ),
    ).toHaveLength(0);
  });
});

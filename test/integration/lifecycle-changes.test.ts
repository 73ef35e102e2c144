import { DateTime } from 'luxon';
import { verifyLinkToken } from '../../mail/signed-links';
import type { Association } from '../../domain/association';
import { answerPartnerRequest } from '../../domain/messages/partner';
import { submitRsvp } from '../../domain/messages/registration';
import { answerSpeakerInvitation } from '../../domain/messages/speaker-slot';
import {
  cancelTrainingDay,
  rescheduleTrainingDay,
  type RescheduleCommand,
} from '../../domain/messages/training-day';
import { resolveSchedule } from '../../domain/schedule';
import type { TrainingDayPlan } from '../../domain/training-day';
import { shardOf, workflowIds } from '../../domain/workflow-ids';
import { uniqueId } from '../support/temporal';
import type { CapturedMessage } from '../support/smtp-sink';
import {
  eventually,
  messagesOf,
  startWorkflowHarness,
  type WorkflowHarness,
} from '../support/workflow-harness';
import { planFor, seedDefinition, syntheticAssociations } from '../support/training-days';

const ADS = 'coordination@ads-marrakech-safi.example.org';
const PROFESSOR = 'h.alaoui@university.example.org';

/** One partner, one talk, a few associations of a province of their own. */
function smallDay(province: string) {
  const seed = seedDefinition();
  return {
    partners: [seed.partners![0]!],
    speakers: [{ ...seed.speakers![0]! }],
    capacity: 30,
    audience: {
      provinces: [province],
      sectors: ['trade' as const, 'crafts' as const, 'services' as const],
    },
    agenda: [seed.agenda[0]!, seed.agenda[1]!, { ...seed.agenda[4]!, start: '16:00' }],
  };
}

function rescheduleBy(plan: TrainingDayPlan, days: number): RescheduleCommand {
  const date = DateTime.fromISO(plan.definition.date).plus({ days }).toISODate()!;
  const rsvpDeadline = DateTime.fromISO(date).minus({ days: 3 }).toISODate()!;
  const schedule = resolveSchedule({ ...plan.definition, date, rsvpDeadline });
  return {
    date,
    start: plan.definition.start,
    end: plan.definition.end,
    rsvpDeadline,
    reason: 'the hall is taken',
    startsAt: schedule.startsAt,
    endsAt: schedule.endsAt,
    rsvpDeadlineAt: schedule.rsvpDeadlineAt,
    agenda: schedule.agenda,
  };
}

function calendarOf(message: CapturedMessage): string {
  return message.raw.toString('utf8').replace(/=\r?\n/g, '');
}

describe('changes to a training day: reschedule and cancellation', () => {
  let harness: WorkflowHarness;
  // A fresh test server per test: the time-skipping server can stall on what earlier tests left.
  beforeEach(async () => {
    harness = await startWorkflowHarness('lifecycle-changes');
  });
  afterEach(async () => {
    await harness?.stop();
  });

  const ofEvent = (eventId: string) =>
    harness.smtp.messages.filter(
      (message) => message.parsed.headers.get('x-multaqa-event') === eventId,
    );

  /** Starts a day and brings it to open invitations: the partner and the speaker confirm. */
  async function bookedDay(eventId: string) {
    const province = `Province ${eventId}`;
    const associations = syntheticAssociations(3, { prefix: eventId, provinces: [province] });
    await harness.directory.upsert(associations);
    const plan = planFor(await harness.nowMs(), eventId, smallDay(province));
    const day = await harness.startDay(plan);
    const partner = harness.client.workflow.getHandle(
      workflowIds.partner(eventId, 'ads-marrakech-safi'),
    );
    await harness.waitForWorkflow(partner.workflowId);
    await partner.executeUpdate(answerPartnerRequest, {
      args: [{ answer: 'confirm', contributions: ['speaker'] }],
    });
    const slot = harness.client.workflow.getHandle(
      workflowIds.speakerSlot(eventId, 'talk-roles-under-new-laws'),
    );
    await harness.waitForWorkflow(slot.workflowId);
    await slot.executeUpdate(answerSpeakerInvitation, { args: [{ answer: 'confirm' }] });
    const status = await harness.waitForStatus(eventId, (s) => s.registration.shards > 0);
    await harness.smtp.waitFor(
      () => messagesOf(ofEvent(eventId), 'association-invitation').length === 3,
    );
    const first = associations[0]!.id;
    await harness.client.workflow
      .getHandle(workflowIds.invitationShard(eventId, shardOf(first, status.registration.shards)))
      .executeUpdate(submitRsvp, {
        args: [{ response: 'accept', associationId: first, seats: 2, channel: 'link' }],
      });
    return { plan, day, associations, shards: status.registration.shards };
  }

  it('a reschedule tells everyone once with the new calendar sequence, and moves the reminders', async () => {
    const eventId = uniqueId('reschedule');
    const { plan, day, associations } = await bookedDay(eventId);
    const command = rescheduleBy(plan, 7);
    const { revision } = await day.executeUpdate(rescheduleTrainingDay, { args: [command] });
    expect(revision).toBe(1);

    const everyone = [ADS, PROFESSOR, ...associations.map((association) => association.email)];
    await harness.smtp.waitFor(
      () => messagesOf(ofEvent(eventId), 'reschedule-notice').length >= everyone.length,
    );
    for (const address of everyone) {
      const notices = messagesOf(ofEvent(eventId), 'reschedule-notice', address);
      expect(notices).toHaveLength(1);
      expect(notices[0]!.parsed.headers.get('x-multaqa-revision')).toBe('1');
    }
    const withCalendar = messagesOf(
      ofEvent(eventId),
      'reschedule-notice',
      associations[0]!.email,
    )[0]!;
    expect(calendarOf(withCalendar)).toMatch(/SEQUENCE:1/);

    const status = await harness.status(eventId);
    expect(status).toMatchObject({
      revision: 1,
      startsAt: command.startsAt,
      rsvpDeadlineAt: command.rsvpDeadlineAt,
    });

    // The day before the old date passes in silence; the day before the new date brings the reminder.
    const oldStart = Date.parse(plan.schedule.startsAt);
    await harness.env.sleep(oldStart - (await harness.nowMs()) + 3600_000);
    expect(messagesOf(ofEvent(eventId), 'attendance-reminder')).toHaveLength(0);
    expect(messagesOf(ofEvent(eventId), 'speaker-reminder')).toHaveLength(0);
    // The new RSVP deadline is still ahead: invitations stay open.
    expect((await harness.status(eventId)).phase).toBe('invitations-open');
    await harness.env.sleep(Date.parse(command.startsAt) - (await harness.nowMs()) - 20 * 3600_000);
    await harness.smtp.waitFor(
      () =>
        messagesOf(ofEvent(eventId), 'attendance-reminder').length === 1 &&
        messagesOf(ofEvent(eventId), 'speaker-reminder').length === 1,
    );
    const reminder = messagesOf(
      ofEvent(eventId),
      'attendance-reminder',
      associations[0]!.email,
    )[0]!;
    expect(reminder.parsed.headers.get('x-multaqa-revision')).toBe('1');
    // Still one notice each: nothing was sent twice.
    expect(messagesOf(ofEvent(eventId), 'reschedule-notice')).toHaveLength(everyone.length);
  });

  it('a reschedule notice fits each association: the seated keep their answer, the declined get no calendar entry (issue 9)', async () => {
    const eventId = uniqueId('fitted');
    const { plan, day, associations, shards } = await bookedDay(eventId);
    const [seated, declined, silent] = associations as [Association, Association, Association];
    await harness.client.workflow
      .getHandle(workflowIds.invitationShard(eventId, shardOf(declined.id, shards)))
      .executeUpdate(submitRsvp, {
        args: [{ response: 'decline', associationId: declined.id, channel: 'link' }],
      });
    const command = rescheduleBy(plan, 7);
    await day.executeUpdate(rescheduleTrainingDay, { args: [command] });
    await harness.smtp.waitFor(
      () => messagesOf(ofEvent(eventId), 'reschedule-notice').length >= associations.length + 2,
    );
    const noticeTo = (association: Association) =>
      messagesOf(ofEvent(eventId), 'reschedule-notice', association.email)[0]!;
    for (const association of associations)
      expect(noticeTo(association).parsed.text).toContain(command.reason);
    for (const address of [ADS, PROFESSOR])
      expect(messagesOf(ofEvent(eventId), 'reschedule-notice', address)[0]!.parsed.text).toContain(
        command.reason,
      );

    // Seated: the calendar moves without resetting the answer, and a check-in code for the new date.
    const seatedCalendar = calendarOf(noticeTo(seated));
    expect(seatedCalendar).toMatch(/METHOD:REQUEST/);
    expect(seatedCalendar).toMatch(/PARTSTAT=(3D)?"?ACCEPTED/);
    const checkIn = /\/links\/check-in\/([\w.-]+)/.exec(noticeTo(seated).parsed.text ?? '');
    if (!checkIn) throw new Error('no check-in link in the seated association’s notice');
    const claims = verifyLinkToken(
      checkIn[1]!,
      harness.config.LINK_SECRET!,
      new Date(Date.parse(command.startsAt) + 3600_000),
      'check-in',
    );
    expect(claims.associationId).toBe(seated.id);
    expect(claims.expiresAt * 1000).toBeGreaterThan(Date.parse(command.endsAt));
    await harness.waitForStatus(
      eventId,
      (status) => status.registration.accepted === 1 && status.registration.seatsTaken === 2,
    );

    // The confirmed speaker's calendar keeps their yes too.
    expect(calendarOf(messagesOf(ofEvent(eventId), 'reschedule-notice', PROFESSOR)[0]!)).toMatch(
      /PARTSTAT=(3D)?"?ACCEPTED/,
    );

    // Declined: the news, no calendar REQUEST, no check-in code.
    const declinedNotice = noticeTo(declined);
    expect(calendarOf(declinedNotice)).not.toMatch(/BEGIN:VCALENDAR/);
    expect(declinedNotice.parsed.text).not.toMatch(/\/links\/check-in\//);

    // Not answered yet: the new deadline and the answer buttons.
    const silentNotice = noticeTo(silent);
    expect(calendarOf(silentNotice)).toMatch(/PARTSTAT=(3D)?"?NEEDS-ACTION/);
    expect(silentNotice.parsed.text).toMatch(/answer=accept/);
  });

  it('a cancellation tells everyone once and leaves no workflow of the day running', async () => {
    const eventId = uniqueId('cancel');
    const { day, associations, shards } = await bookedDay(eventId);
    expect(
      await day.executeUpdate(cancelTrainingDay, { args: [{ reason: 'venue unavailable' }] }),
    ).toBe('cancelled');
    const everyone = [ADS, PROFESSOR, ...associations.map((association) => association.email)];
    await harness.smtp.waitFor(
      () => messagesOf(ofEvent(eventId), 'cancellation-notice').length >= everyone.length,
    );
    for (const address of everyone) {
      const notices = messagesOf(ofEvent(eventId), 'cancellation-notice', address);
      expect(notices).toHaveLength(1);
      // Issue 9: the coordinator's reason reaches partners, speakers and associations alike.
      expect(notices[0]!.parsed.text).toContain('venue unavailable');
    }

    const ids = [
      workflowIds.trainingDay(eventId),
      workflowIds.partner(eventId, 'ads-marrakech-safi'),
      workflowIds.speakerSlot(eventId, 'talk-roles-under-new-laws'),
      workflowIds.seatLedger(eventId),
      workflowIds.attendance(eventId),
      ...Array.from({ length: shards }, (_, shard) => workflowIds.invitationShard(eventId, shard)),
    ];
    const statuses = await eventually(
      () =>
        Promise.all(
          ids.map(
            async (id) => (await harness.client.workflow.getHandle(id).describe()).status.name,
          ),
        ),
      (names) => names.every((name) => name === 'COMPLETED'),
      'every workflow of the day closed',
      20_000,
    );
    expect(statuses).toEqual(ids.map(() => 'COMPLETED'));
    const final = await day.result();
    expect(final).toMatchObject({ phase: 'cancelled', cancelledReason: 'venue unavailable' });
  });

  it('a day not inviting yet cannot be moved to a date whose RSVP deadline has passed (issue 9)', async () => {
    const eventId = uniqueId('lapsed-move');
    const plan = planFor(await harness.nowMs(), eventId, smallDay(`Province ${eventId}`));
    const day = await harness.startDay(plan);
    // Two days from now, with the deadline three days before it: yesterday.
    const soon = DateTime.fromMillis(await harness.nowMs(), { zone: plan.definition.timeZone })
      .plus({ days: 2 })
      .toISODate()!;
    const days = Math.round(
      DateTime.fromISO(soon).diff(DateTime.fromISO(plan.definition.date), 'days').days,
    );
    await expect(
      day.executeUpdate(rescheduleTrainingDay, { args: [rescheduleBy(plan, days)] }),
    ).rejects.toMatchObject({
      cause: { type: 'InvalidInput', details: [{ field: 'rsvpDeadline' }] },
    });
    const status = await harness.waitForStatus(eventId, (s) => s.phase === 'coordinating-partners');
    expect(status).toMatchObject({ revision: 0, startsAt: plan.schedule.startsAt });
  });

  it('a reschedule after the RSVP deadline reopens answers; one into the past is refused', async () => {
    const eventId = uniqueId('reopen');
    const { plan, day, associations, shards } = await bookedDay(eventId);
    await expect(
      day.executeUpdate(rescheduleTrainingDay, { args: [rescheduleBy(plan, -60)] }),
    ).rejects.toMatchObject({ cause: { type: 'InvalidInput' } });

    await harness.env.sleep(
      Date.parse(plan.schedule.rsvpDeadlineAt) - (await harness.nowMs()) + 3600_000,
    );
    await harness.waitForStatus(eventId, (s) => s.phase === 'registration-closed');
    const late = associations[1]!.id;
    const shard = harness.client.workflow.getHandle(
      workflowIds.invitationShard(eventId, shardOf(late, shards)),
    );
    const answer = () =>
      shard.executeUpdate(submitRsvp, {
        args: [{ response: 'accept', associationId: late, seats: 1, channel: 'link' }],
      });
    await expect(answer()).rejects.toMatchObject({ cause: { type: 'DeadlinePassed' } });

    await day.executeUpdate(rescheduleTrainingDay, { args: [rescheduleBy(plan, 14)] });
    const reopened = await harness.waitForStatus(eventId, (s) => s.phase === 'invitations-open');
    expect(reopened.phaseHistory.map((change) => change.phase).slice(-2)).toEqual([
      'registration-closed',
      'invitations-open',
    ]);
    expect(await answer()).toMatchObject({ status: 'accepted', seats: 1 });
  });
});

import { buildTrainingDayReport } from '../../client/use-cases/report';
import { getSeatLedger, getInvitee, submitRsvp } from '../../domain/messages/registration';
import { shardOf, workflowIds } from '../../domain/workflow-ids';
import { uniqueId } from '../support/temporal';
import {
  eventually,
  messagesOf,
  openRegistrationDay,
  startWorkflowHarness,
  type WorkflowHarness,
} from '../support/workflow-harness';
import { planFor, registrationOnly, syntheticAssociations } from '../support/training-days';

describe('registration: invitations, RSVPs, capacity and the waiting list', () => {
  let harness: WorkflowHarness;
  // A fresh test server per test: the time-skipping server can stall on what earlier tests left.
  beforeEach(async () => {
    harness = await startWorkflowHarness('lifecycle-registration');
  });
  afterEach(async () => {
    await harness?.stop();
  });

  const ofEvent = (eventId: string) =>
    harness.smtp.messages.filter(
      (message) => message.parsed.headers.get('x-multaqa-event') === eventId,
    );

  const openDay = (eventId: string, count: number, capacity: number) =>
    openRegistrationDay(harness, eventId, count, capacity);

  it('fills the capacity, waitlists the rest, and promotes and tells them when seats free up', async () => {
    const eventId = uniqueId('capacity');
    const { associations, rsvp } = await openDay(eventId, 6, 6);
    const [a, b, c, d] = associations.map((association) => association.id);

    expect(await rsvp({ response: 'accept', associationId: a!, seats: 3 })).toMatchObject({
      status: 'accepted',
      seats: 3,
    });
    expect(await rsvp({ response: 'accept', associationId: b!, seats: 3 })).toMatchObject({
      status: 'accepted',
      seats: 3,
    });
    expect(await rsvp({ response: 'accept', associationId: c!, seats: 2 })).toMatchObject({
      status: 'waitlisted',
      waitlistPosition: 1,
    });
    expect(await rsvp({ response: 'accept', associationId: d!, seats: 1 })).toMatchObject({
      status: 'waitlisted',
      waitlistPosition: 2,
    });
    const ledger = harness.client.workflow.getHandle(workflowIds.seatLedger(eventId));
    expect(await ledger.query(getSeatLedger)).toMatchObject({
      capacity: 6,
      seatsTaken: 6,
      waitlist: [
        { associationId: c, seats: 2 },
        { associationId: d, seats: 1 },
      ],
    });
    await harness.smtp.waitFor(() => messagesOf(ofEvent(eventId), 'waitlist-notice').length === 2);

    // The first association gives its three seats back: both waiting associations fit.
    expect(await rsvp({ response: 'decline', associationId: a! })).toMatchObject({
      status: 'declined',
      seats: 0,
    });
    await harness.smtp.waitFor(
      () => messagesOf(ofEvent(eventId), 'waitlist-promotion').length === 2,
    );
    expect(messagesOf(ofEvent(eventId), 'waitlist-promotion', `${c}@example.org`)).toHaveLength(1);
    expect(messagesOf(ofEvent(eventId), 'waitlist-promotion', `${d}@example.org`)).toHaveLength(1);
    expect(
      messagesOf(ofEvent(eventId), 'rsvp-decline-acknowledgement', `${a}@example.org`),
    ).toHaveLength(1);
    const shardOfC = harness.client.workflow.getHandle(workflowIds.invitationShard(eventId, 0));
    expect(await shardOfC.query(getInvitee, c!)).toMatchObject({ status: 'accepted', seats: 2 });

    const status = await harness.waitForStatus(
      eventId,
      (s) => s.registration.accepted === 3 && s.registration.seatsTaken === 6,
    );
    expect(status.registration).toMatchObject({
      invited: 6,
      accepted: 3,
      declined: 1,
      waitlisted: 0,
      pending: 2,
      seatsTaken: 6,
      capacity: 6,
    });
  });

  it('refuses answers it cannot take, and closes answers by link at the RSVP deadline', async () => {
    const eventId = uniqueId('deadline');
    const { associations, plan, rsvp } = await openDay(eventId, 4, 20);
    const [a, b, c] = associations.map((association) => association.id);
    await expect(rsvp({ response: 'accept', associationId: a!, seats: 4 })).rejects.toMatchObject({
      cause: { type: 'InvalidInput' },
    });
    await expect(
      harness.client.workflow
        .getHandle(workflowIds.invitationShard(eventId, 0))
        .executeUpdate(submitRsvp, {
          args: [{ response: 'decline', associationId: 'not-invited', channel: 'link' }],
        }),
    ).rejects.toMatchObject({ cause: { type: 'NotFound' } });
    await rsvp({ response: 'accept', associationId: a!, seats: 2 });

    // Reminders to answer go 72 hours before the deadline, to those who have not answered.
    const deadline = Date.parse(plan.schedule.rsvpDeadlineAt);
    await harness.env.sleep(deadline - 72 * 3600_000 - (await harness.nowMs()) + 60_000);
    await harness.smtp.waitFor(() => messagesOf(ofEvent(eventId), 'rsvp-reminder').length === 3);
    expect(messagesOf(ofEvent(eventId), 'rsvp-reminder', `${a}@example.org`)).toHaveLength(0);

    await harness.env.sleep(deadline - (await harness.nowMs()) + 60_000);
    await expect(rsvp({ response: 'accept', associationId: b!, seats: 1 })).rejects.toMatchObject({
      cause: { type: 'DeadlinePassed' },
    });
    // A coordinator may still record an answer taken by phone.
    expect(
      await rsvp({ response: 'accept', associationId: c!, seats: 1, channel: 'coordinator' }),
    ).toMatchObject({
      status: 'accepted',
    });
    const status = await harness.waitForStatus(eventId, (s) => s.phase === 'registration-closed');
    expect(status.registration.accepted).toBeGreaterThanOrEqual(1);

    // The day before, those attending are reminded; those who did not answer, not.
    const startsAt = Date.parse(plan.schedule.startsAt);
    await harness.env.sleep(startsAt - 24 * 3600_000 - (await harness.nowMs()) + 60_000);
    await harness.smtp.waitFor(
      () => messagesOf(ofEvent(eventId), 'attendance-reminder').length === 2,
    );
    expect(messagesOf(ofEvent(eventId), 'attendance-reminder', `${b}@example.org`)).toHaveLength(0);
  });

  it('invites only the associations of the provinces and sectors the day is for', async () => {
    const eventId = uniqueId('audience');
    const province = `Province ${eventId}`;
    // Six in the province, two of each sector; three more in another province.
    const local = syntheticAssociations(6, { prefix: eventId, provinces: [province] });
    const elsewhere = syntheticAssociations(3, {
      prefix: `${eventId}-far`,
      provinces: [`Far ${eventId}`],
    });
    await harness.directory.upsert([...local, ...elsewhere]);
    const plan = planFor(await harness.nowMs(), eventId, {
      ...registrationOnly(20, [province]),
      audience: { provinces: [province], sectors: ['trade', 'services'] },
    });
    await harness.startDay(plan);
    const invited = local.filter((association) => association.sector !== 'crafts');
    expect(invited).toHaveLength(4);
    const status = await harness.waitForStatus(eventId, (s) => s.registration.shards > 0);
    expect(status.registration.invited).toBe(4);
    await harness.smtp.waitFor(
      () => messagesOf(ofEvent(eventId), 'association-invitation').length === 4,
    );
    // Every invitee marked invited means the shards sent their whole batch: no more is coming.
    for (const association of invited)
      await eventually(
        () =>
          harness.client.workflow
            .getHandle(
              workflowIds.invitationShard(
                eventId,
                shardOf(association.id, status.registration.shards),
              ),
            )
            .query(getInvitee, association.id),
        (view) => view?.status === 'invited',
      );
    await harness.smtp.waitFor(() => true);
    const recipients = messagesOf(ofEvent(eventId), 'association-invitation').flatMap(
      (message) => message.to,
    );
    expect(recipients.sort()).toEqual(invited.map((association) => association.email).sort());
  });

  it('a day whose audience matches no association tells the coordinator, sends nothing and waits for one (issue 9)', async () => {
    const eventId = uniqueId('no-audience');
    const province = `Province ${eventId}`;
    const plan = planFor(await harness.nowMs(), eventId, registrationOnly(20, [province]));
    await harness.startDay(plan);
    await harness.smtp.waitFor(
      () =>
        messagesOf(ofEvent(eventId), 'audience-empty', plan.definition.organiser.coordinatorEmail)
          .length === 1,
    );
    const waiting = await harness.waitForStatus(eventId, (s) => s.audienceEmpty !== undefined);
    expect(waiting.phase).toBe('invitations-open');
    expect(waiting.registration).toMatchObject({ invited: 0, shards: 0 });
    const notice = messagesOf(ofEvent(eventId), 'audience-empty')[0]!;
    expect((notice.parsed.text ?? '').replace(/[\u2066-\u2069]/g, '')).toContain(
      `provinces (${province})`,
    );

    // The associations are imported; within the hour the day finds them and invites them.
    const associations = syntheticAssociations(3, { prefix: eventId, provinces: [province] });
    await harness.directory.upsert(associations);
    await harness.env.sleep('61 minutes');
    const open = await harness.waitForStatus(eventId, (s) => s.registration.shards > 0);
    expect(open.audienceEmpty).toBeUndefined();
    expect(open.registration.invited).toBe(3);
    await harness.smtp.waitFor(
      () => messagesOf(ofEvent(eventId), 'association-invitation').length === 3,
    );
    expect(messagesOf(ofEvent(eventId), 'audience-empty')).toHaveLength(1);
  });

  it('a day that reaches its invitations after the RSVP deadline sends none and does not count any as invited (issue 9)', async () => {
    const eventId = uniqueId('late-invitations');
    const province = `Province ${eventId}`;
    await harness.directory.upsert(
      syntheticAssociations(3, { prefix: eventId, provinces: [province] }),
    );
    // Two days ahead with the deadline three days before: invitations are due when answers closed.
    const plan = planFor(await harness.nowMs(), eventId, registrationOnly(20, [province]), {
      daysAhead: 2,
      deadlineDaysBefore: 3,
    });
    await harness.startDay(plan);
    const status = await harness.waitForStatus(
      eventId,
      (s) =>
        s.phase === 'registration-closed' &&
        s.registration.shards > 0 &&
        s.registration.invited === 0,
    );
    expect(status.registration).toMatchObject({ invited: 0, pending: 0, accepted: 0 });
    expect(messagesOf(ofEvent(eventId), 'association-invitation')).toHaveLength(0);
    // Nor does the report count any province as invited.
    const report = await buildTrainingDayReport({ temporal: harness.client }, eventId);
    expect(report.totals.invited).toBe(0);
    expect(report.byProvince).toEqual([]);
  });
});

import { DateTime } from 'luxon';
import {
  answerVisitInvitation,
  closeFollowUp,
  overrideVisitPairing,
  proposeVisit,
  readFollowUp,
  readVisit,
  recordVisitReport,
  scheduleVisit,
} from '../../client/use-cases/follow-ups';
import { ValidationError } from '../../client/validation';
import { checkIn } from '../../domain/messages/attendance';
import type { VisitView } from '../../domain/messages/follow-up';
import { MultaqaError } from '../../domain/errors';
import { workflowIds } from '../../domain/workflow-ids';
import { attendanceWorkflow, followUpWorkflow } from '../../workflows';
import { uniqueId } from '../support/temporal';
import {
  EXAMPLE_BASE_URL,
  eventually,
  messagesFor,
  startWorkflowHarness,
  type WorkflowHarness,
} from '../support/workflow-harness';
import {
  briefOf,
  followUpInputFor,
  SEED_RECOMMENDATIONS,
  seedPlanOn,
} from '../support/training-days';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const COORDINATOR = 'coordination@ccis-safi.example.org';
const address = (id: string) => `${id}@example.org`;

/** Who came to the day, and with how many people. */
const CHECK_INS: Array<[string, number]> = [
  ['potiers-safi', 3],
  ['tanneurs-safi', 1],
  ['couturiers-youssoufia', 1],
  ['menuisiers-youssoufia', 2],
  ['tujjar-souk-safi', 2],
  ['epiciers-youssoufia', 1],
  ['coiffeurs-safi', 1],
];

describe('a networking visit arranged from the day’s attendees to its report (time skipping)', () => {
  let stack: WorkflowHarness;
  beforeAll(async () => {
    stack = await startWorkflowHarness('follow-up-visit', {
      exampleAssociations: true,
      publicBaseUrl: EXAMPLE_BASE_URL,
    });
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('pairs attendees, takes the coordinator’s override, invites, confirms, schedules, reminds and records the report', async () => {
    const { client } = stack.env;
    const now = await stack.env.currentTimeMs();
    const eventId = uniqueId('visits');
    const plan = seedPlanOn(new Date(now - DAY).toISOString().slice(0, 10), eventId);
    const eventMessages = (purpose: string, to?: string) =>
      messagesFor(stack.smtp, purpose, to).filter(
        (message) => String(message.parsed.headers.get('x-multaqa-event')) === eventId,
      );

    // The day took place yesterday: the coordinator enters the sign-in sheet.
    const attendance = await client.workflow.start(attendanceWorkflow, {
      taskQueue: stack.taskQueue,
      workflowId: workflowIds.attendance(eventId),
      args: [{ event: briefOf(plan), shardCount: 1 }],
    });
    for (const [associationId, attendees] of CHECK_INS)
      await attendance.executeUpdate(checkIn, {
        args: [{ associationId, attendees, method: 'coordinator' }],
      });

    const recommendation = SEED_RECOMMENDATIONS.find((item) => item.kind === 'networking-visits')!;
    const ref = { eventId, recommendationId: recommendation.id };
    const followUp = await client.workflow.start(followUpWorkflow, {
      taskQueue: stack.taskQueue,
      workflowId: workflowIds.followUp(eventId, recommendation.id),
      args: [followUpInputFor(plan, recommendation, workflowIds.trainingDay(eventId))],
    });

    // Same sector across provinces: trade (Safi hosts Youssoufia), crafts (the largest
    // delegation hosts); services had no one elsewhere and no more experienced host.
    let view = await readFollowUp({ temporal: client }, ref);
    for (let tries = 0; view.visits.length < 2 && tries < 50; tries += 1) {
      await new Promise((wake) => setTimeout(wake, 100));
      view = await readFollowUp({ temporal: client }, ref);
    }
    expect(
      view.visits.map((visit) => [visit.visitId, visit.hostName, visit.visitorNames, visit.reason]),
    ).toEqual([
      [
        'visit-1',
        'جمعية تجار السوق المركزي بآسفي',
        [expect.any(String)],
        'same-sector-other-province',
      ],
      [
        'visit-2',
        'Association des artisans potiers de Safi',
        [expect.any(String), expect.any(String)],
        'same-sector-other-province',
      ],
    ]);
    const crafts = { eventId, visitId: 'visit-2' };
    expect((await readVisit({ temporal: client }, crafts)).pairing).toEqual({
      hostId: 'potiers-safi',
      visitorIds: ['menuisiers-youssoufia', 'couturiers-youssoufia'],
      reason: 'same-sector-other-province',
    });

    // The coordinator knows the weavers of Youssoufia want to come instead of the carpenters.
    const overridden = await overrideVisitPairing({ temporal: client }, crafts, {
      hostId: 'potiers-safi',
      visitorIds: ['couturiers-youssoufia', 'tisserands-youssoufia'],
      reason: 'the weavers asked to join',
    });
    expect(overridden).toMatchObject({ status: 'inviting', pairingRevision: 2 });
    expect(overridden.pairing.reason).toBe('coordinator');
    await stack.smtp.waitFor(() => eventMessages('visit-invitation').length === 3);
    for (const id of ['potiers-safi', 'couturiers-youssoufia', 'tisserands-youssoufia'])
      expect(eventMessages('visit-invitation', address(id))).toHaveLength(1);
    expect(eventMessages('visit-invitation', address('menuisiers-youssoufia'))).toHaveLength(0);

    await expect(
      answerVisitInvitation({ temporal: client }, crafts, {
        associationId: 'menuisiers-youssoufia',
        answer: 'confirm',
      }),
    ).rejects.toThrow(MultaqaError);
    await expect(
      scheduleVisit({ temporal: client }, crafts, {
        date: '2030-01-01',
        time: '10:00',
        place: 'Safi',
      }),
    ).rejects.toThrow(/cannot schedule the visit: the visit is inviting/);
    await answerVisitInvitation({ temporal: client }, crafts, {
      associationId: 'potiers-safi',
      answer: 'confirm',
    });
    await answerVisitInvitation({ temporal: client }, crafts, {
      associationId: 'tisserands-youssoufia',
      answer: 'decline',
      note: 'busy with the Youssoufia fair',
    });
    const confirmed = await answerVisitInvitation({ temporal: client }, crafts, {
      associationId: 'couturiers-youssoufia',
      answer: 'confirm',
    });
    expect(confirmed.status).toBe('confirmed');

    await expect(
      scheduleVisit({ temporal: client }, crafts, {
        date: '2019-31-01',
        time: '10:00',
        place: 'Safi',
      }),
    ).rejects.toThrow(ValidationError);
    const visitDate = DateTime.fromMillis(now, { zone: 'Africa/Casablanca' })
      .plus({ days: 14 })
      .toISODate()!;
    const scheduled = await scheduleVisit({ temporal: client }, crafts, {
      date: visitDate,
      time: '10:00',
      place: 'Colline des potiers, Safi',
    });
    expect(scheduled.status).toBe('scheduled');
    expect(scheduled.schedule?.startsAt).toBe(
      DateTime.fromISO(`${visitDate}T10:00`, { zone: 'Africa/Casablanca' })
        .toUTC()
        .toISO({ suppressMilliseconds: true }),
    );
    await stack.smtp.waitFor(() => eventMessages('visit-confirmation').length === 2);
    expect(eventMessages('visit-confirmation', address('tisserands-youssoufia'))).toHaveLength(0);

    // Twelve hours before the visit, the confirmed associations have been reminded; the trade
    // visit's pairing was not reviewed, so its invitations went out after three days.
    const startsAt = Date.parse(scheduled.schedule!.startsAt);
    await stack.env.sleep(startsAt - 12 * HOUR - (await stack.env.currentTimeMs()));
    await stack.smtp.waitFor(() => eventMessages('visit-reminder').length === 2);
    expect(eventMessages('visit-invitation', address('tujjar-souk-safi'))).toHaveLength(1);
    expect(eventMessages('visit-invitation', address('epiciers-youssoufia'))).toHaveLength(1);
    const reminder = eventMessages('visit-reminder', address('couturiers-youssoufia'))[0]!;
    expect(reminder.parsed.text).toContain('Colline des potiers, Safi');

    await expect(
      recordVisitReport({ temporal: client }, crafts, { summary: 'too early' }),
    ).rejects.toThrow(/cannot record the report: the visit is scheduled/);
    await stack.env.sleep('13 hours');
    expect((await readVisit({ temporal: client }, crafts)).status).toBe('held');
    // The follow-up does not close over a visit that took place without its report.
    await eventually(
      () => readFollowUp({ temporal: client }, ref),
      (current) => current.visits.some((visit) => visit.status === 'held'),
      'the follow-up knows the visit was held',
    );
    await expect(
      closeFollowUp({ temporal: client }, ref, { status: 'done', outcome: 'too early' }),
    ).rejects.toThrow(/visit-2 \(held\) is under way/);
    expect(eventMessages('follow-up-reminder', COORDINATOR)).toHaveLength(0);
    // No report three days after the visit: the coordinator is asked for it, once.
    await stack.env.sleep('4 days');
    await stack.smtp.waitFor(() => eventMessages('follow-up-reminder', COORDINATOR).length === 1);

    const reported = await recordVisitReport({ temporal: client }, crafts, {
      summary:
        'The potters showed their shared kiln and glaze supply; the dressmakers will join the regional fair stand.',
      participants: 9,
      nextSteps: 'A return visit to Youssoufia in spring',
    });
    expect(reported.status).toBe('reported');
    const finished = (await client.workflow
      .getHandle(workflowIds.networkingVisit(eventId, 'visit-2'))
      .result()) as VisitView;
    expect(finished.report?.participants).toBe(9);

    view = await readFollowUp({ temporal: client }, ref);
    expect(view.visits.find((visit) => visit.visitId === 'visit-2')).toMatchObject({
      status: 'reported',
      place: 'Colline des potiers, Safi',
      reportSummary: expect.stringContaining('shared kiln'),
    });

    // A visit by hand: unknown associations are refused, nothing is started.
    await expect(
      proposeVisit({ temporal: client }, ref, {
        hostId: 'no-such-association',
        visitorIds: ['potiers-safi'],
      }),
    ).rejects.toThrow(/unknown association/);
    expect((await readFollowUp({ temporal: client }, ref)).visits).toHaveLength(2);

    // Closing the follow-up calls off the visit still waiting for answers.
    await closeFollowUp({ temporal: client }, ref, {
      status: 'done',
      outcome:
        'One exchange visit held between the potters of Safi and the dressmakers of Youssoufia',
    });
    const tradeVisit = (await client.workflow
      .getHandle(workflowIds.networkingVisit(eventId, 'visit-1'))
      .result()) as VisitView;
    expect(tradeVisit.status).toBe('cancelled');
    expect(await followUp.result()).toMatchObject({ status: 'done' });
  });
});

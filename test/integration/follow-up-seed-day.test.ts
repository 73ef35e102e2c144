import { DateTime } from 'luxon';
import {
  addCoordinationNews,
  answerVisitInvitation,
  approveVisitPairing,
  closeFollowUp,
  createNextTrainingDay,
  listFollowUps,
  markFollowUpInProgress,
  readFollowUp,
  recordVisitReport,
  scheduleVisit,
} from '../../client/use-cases/follow-ups';
import { buildTrainingDayReport, renderTrainingDayReportHtml } from '../../client/use-cases/report';
import { checkIn, submitSurveyResponse } from '../../domain/messages/attendance';
import { answerPartnerRequest } from '../../domain/messages/partner';
import { submitRsvp } from '../../domain/messages/registration';
import { answerSpeakerInvitation } from '../../domain/messages/speaker-slot';
import {
  addRecommendation,
  advancePhase,
  getTrainingDayStatus,
} from '../../domain/messages/training-day';
import { shardOf, workflowIds } from '../../domain/workflow-ids';
import { trainingDayWorkflow } from '../../workflows';
import { uniqueId } from '../support/temporal';
import {
  EXAMPLE_BASE_URL,
  eventMessages,
  eventually,
  startWorkflowHarness,
  type WorkflowHarness,
} from '../support/workflow-harness';
import { exampleAssociations, SEED_RECOMMENDATIONS, seedPlanOn } from '../support/training-days';

const HOUR = 3_600_000;
const ZONE = 'Africa/Casablanca';
const ACCEPTED = [
  'potiers-safi',
  'tujjar-souk-safi',
  'sardine-traders-safi',
  'transport-services-safi',
  'bijoutiers-safi',
  'coiffeurs-safi',
  'tanneurs-safi',
  'grossistes-safi',
  'couturiers-youssoufia',
  'epiciers-youssoufia',
  'menuisiers-youssoufia',
  'commercants-chemaia',
  'tisserands-youssoufia',
  'boulangers-youssoufia',
];
const DECLINED = ['forgerons-safi', 'zellige-safi', 'librairies-safi'];
/** Who came, and how many people each sent (all but three of those who accepted). */
const CHECKED_IN: Array<[string, number]> = [
  ['potiers-safi', 3],
  ['tujjar-souk-safi', 2],
  ['sardine-traders-safi', 1],
  ['transport-services-safi', 2],
  ['coiffeurs-safi', 1],
  ['tanneurs-safi', 1],
  ['couturiers-youssoufia', 2],
  ['epiciers-youssoufia', 1],
  ['menuisiers-youssoufia', 1],
  ['tisserands-youssoufia', 1],
  ['boulangers-youssoufia', 2],
];

describe('after the seed day: its four recommendations followed up, a visit arranged, and the report (time skipping)', () => {
  let stack: WorkflowHarness;
  beforeAll(async () => {
    stack = await startWorkflowHarness('follow-up-seed-day', {
      exampleAssociations: true,
      publicBaseUrl: EXAMPLE_BASE_URL,
    });
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('runs the Safi day to its close, tracks its four recommendations, arranges one networking visit end to end, and reports all of it', async () => {
    const { client } = stack.env;
    const associations = exampleAssociations();
    const invitedIn = (province: string) =>
      associations.filter((association) => association.province === province).length;
    const acceptedIn = (province: string) =>
      ACCEPTED.filter((id) => associations.find((a) => a.id === id)!.province === province).length;
    const now = await stack.env.currentTimeMs();
    const eventId = uniqueId('safi');
    const date = DateTime.fromMillis(now, { zone: ZONE }).plus({ days: 20 }).toISODate()!;
    const plan = seedPlanOn(date, eventId);
    const day = await client.workflow.start(trainingDayWorkflow, {
      taskQueue: stack.taskQueue,
      workflowId: workflowIds.trainingDay(eventId),
      args: [plan],
    });
    const status = () => day.query(getTrainingDayStatus);

    // Partners and speakers answer; invitations go to the 40 associations of Safi and Youssoufia.
    for (const partner of plan.definition.partners) {
      const handle = client.workflow.getHandle(workflowIds.partner(eventId, partner.id));
      await eventually(
        () => handle.describe(),
        () => true,
        `partner ${partner.id} asked`,
      );
      await handle.executeUpdate(answerPartnerRequest, {
        args: [{ answer: 'confirm', contributions: ['speaker', 'outreach'] }],
      });
    }
    for (const item of plan.definition.agenda.filter((entry) => entry.kind === 'talk')) {
      const handle = client.workflow.getHandle(workflowIds.speakerSlot(eventId, item.id));
      await eventually(
        () => handle.describe(),
        () => true,
        `speaker of ${item.id} invited`,
      );
      await handle.executeUpdate(answerSpeakerInvitation, { args: [{ answer: 'confirm' }] });
    }
    const open = await eventually(status, (s) => s.registration.shards > 0, 'invitations open');
    await stack.smtp.waitFor(
      () => eventMessages(stack.smtp, eventId, 'association-invitation').length === 40,
    );
    const shardHandle = (associationId: string) =>
      client.workflow.getHandle(
        workflowIds.invitationShard(eventId, shardOf(associationId, open.registration.shards)),
      );
    for (const associationId of ACCEPTED)
      await shardHandle(associationId).executeUpdate(submitRsvp, {
        args: [{ response: 'accept', associationId, seats: 3, channel: 'link' }],
      });
    for (const associationId of DECLINED)
      await shardHandle(associationId).executeUpdate(submitRsvp, {
        args: [{ response: 'decline', associationId, channel: 'link' }],
      });

    // Before the day, the report counts invitees by province from the invitation shards.
    // (An invitee counts as invited once its shard has marked the invitation sent.)
    const early = await eventually(
      () => buildTrainingDayReport({ temporal: client }, eventId),
      (built) => built.byProvince.reduce((sum, row) => sum + row.invited, 0) === 40,
      'the 40 invitations marked sent',
    );
    expect(early.byProvince.map((row) => [row.segment, row.invited, row.accepted])).toEqual([
      ['Safi', invitedIn('Safi'), acceptedIn('Safi')],
      ['Youssoufia', invitedIn('Youssoufia'), acceptedIn('Youssoufia')],
    ]);

    // The day: check-in at the door, recommendations recorded, then the day closes.
    await stack.env.sleep(
      Date.parse(plan.schedule.startsAt) - 30 * 60_000 - (await stack.env.currentTimeMs()),
    );
    const attendance = client.workflow.getHandle(workflowIds.attendance(eventId));
    for (const [associationId, attendees] of CHECKED_IN)
      await attendance.executeUpdate(checkIn, {
        args: [{ associationId, attendees, method: 'coordinator' }],
      });
    await attendance.executeUpdate(checkIn, {
      args: [
        {
          associationId: 'cooperative-argan-youssoufia',
          attendees: 1,
          method: 'walk-in',
          walkIn: {
            name: 'Coopérative d’argan de Youssoufia',
            province: 'Youssoufia',
            sector: 'crafts',
          },
        },
      ],
    });
    await stack.env.sleep('1 hour');
    await eventually(status, (s) => s.phase === 'in-progress', 'day in progress');
    for (const recommendation of SEED_RECOMMENDATIONS)
      await day.executeUpdate(addRecommendation, { args: [recommendation] });
    await stack.env.sleep(
      Date.parse(plan.schedule.endsAt) + 60_000 - (await stack.env.currentTimeMs()),
    );
    await eventually(status, (s) => s.phase === 'closed', 'day closed');

    // The thank-you message brings survey answers.
    await stack.smtp.waitFor(
      () => eventMessages(stack.smtp, eventId, 'thank-you-survey').length === CHECKED_IN.length,
    );
    const answers: Array<[string, number, string?]> = [
      ['potiers-safi', 5, 'Très utile, merci aux intervenants'],
      ['tujjar-souk-safi', 4, 'نطلب تنظيم لقاءات أخرى'],
      ['couturiers-youssoufia', 5],
      ['epiciers-youssoufia', 3, 'Salle trop petite'],
      ['boulangers-youssoufia', 4],
    ];
    for (const [associationId, rating, comments] of answers)
      await attendance.executeUpdate(submitSurveyResponse, {
        args: [{ associationId, rating, ...(comments ? { comments } : {}) }],
      });

    // Following up: each of the four recommendations becomes a tracked follow-up.
    await day.executeUpdate(advancePhase, { args: [{ to: 'following-up' }] });
    const following = await eventually(
      status,
      (s) => s.followUps.length === 4,
      'four follow-ups reported',
    );
    expect(
      following.followUps.map((followUp) => [followUp.recommendationId, followUp.status]),
    ).toEqual(SEED_RECOMMENDATIONS.map((recommendation) => [recommendation.id, 'open']));
    // Each view is queried from its own workflow: wait until all four answer (a busy worker may
    // answer a query late, and the list leaves out a follow-up that did not answer).
    const followUps = await eventually(
      () => listFollowUps({ temporal: client }, eventId),
      (views) => views.length === 4,
      'four follow-up views',
    );
    expect(followUps.map((followUp) => followUp.owner.id)).toEqual([
      'ads-marrakech-safi',
      'chamber',
      'province-safi-social-action',
      'chamber',
    ]);
    // Due three months after the day when the recommendation gives no date.
    expect(Date.parse(followUps[0]!.dueAt)).toBe(Date.parse(plan.schedule.endsAt) + 90 * 24 * HOUR);

    // Recommendation 4: visits proposed from the attendees; the crafts visit arranged end to end.
    const networking = { eventId, recommendationId: 'networking-visits' };
    const proposed = await eventually(
      () => readFollowUp({ temporal: client }, networking),
      (view) => view.visits.length === 3,
      'three visits proposed',
    );
    expect(proposed.visits.map((visit) => [visit.sector, visit.hostName])).toEqual([
      ['trade', 'جمعية تجار السوق المركزي بآسفي'],
      ['crafts', 'Association des artisans potiers de Safi'],
      ['services', 'Association des boulangers et pâtissiers de Youssoufia'],
    ]);
    const crafts = { eventId, visitId: 'visit-2' };
    const approved = await approveVisitPairing({ temporal: client }, crafts);
    expect(approved.pairing.visitorIds).toEqual(['couturiers-youssoufia', 'menuisiers-youssoufia']);
    await stack.smtp.waitFor(
      () => eventMessages(stack.smtp, eventId, 'visit-invitation').length === 3,
    );
    await answerVisitInvitation({ temporal: client }, crafts, {
      associationId: 'potiers-safi',
      answer: 'confirm',
    });
    await answerVisitInvitation({ temporal: client }, crafts, {
      associationId: 'couturiers-youssoufia',
      answer: 'confirm',
    });
    await answerVisitInvitation({ temporal: client }, crafts, {
      associationId: 'menuisiers-youssoufia',
      answer: 'decline',
    });
    const visitDate = DateTime.fromMillis(await stack.env.currentTimeMs(), { zone: ZONE })
      .plus({ days: 10 })
      .toISODate()!;
    const scheduled = await scheduleVisit({ temporal: client }, crafts, {
      date: visitDate,
      time: '10:00',
      place: 'Colline des potiers, Safi',
    });
    await stack.smtp.waitFor(
      () => eventMessages(stack.smtp, eventId, 'visit-confirmation').length === 2,
    );
    await stack.env.sleep(
      Date.parse(scheduled.schedule!.startsAt) + HOUR - (await stack.env.currentTimeMs()),
    );
    await stack.smtp.waitFor(
      () => eventMessages(stack.smtp, eventId, 'visit-reminder').length === 2,
    );
    await recordVisitReport({ temporal: client }, crafts, {
      summary:
        'Les potiers de Safi ont présenté leur four collectif ; les couturiers de Youssoufia rejoindront leur stand au salon régional.',
      participants: 7,
    });

    // Recommendations 1 and 3: capacity building done; further training gives the next day.
    await markFollowUpInProgress(
      { temporal: client },
      { eventId, recommendationId: 'capacity-building' },
      {
        note: 'ADS prepares two workshops on project design',
      },
    );
    await closeFollowUp(
      { temporal: client },
      { eventId, recommendationId: 'capacity-building' },
      {
        status: 'done',
        outcome: 'Two project-design workshops held by ADS in Safi and Youssoufia',
      },
    );
    const next = await createNextTrainingDay(
      { temporal: client },
      { eventId, recommendationId: 'further-training' },
      { theme: { fr: 'Stratégie gouvernementale de développement des associations' } },
    );
    await closeFollowUp(
      { temporal: client },
      { eventId, recommendationId: 'further-training' },
      {
        status: 'done',
        outcome: `Second training day planned (${next.eventId})`,
      },
    );
    // Recommendation 2: coordination goes on, with news for the partners and associations.
    await markFollowUpInProgress(
      { temporal: client },
      { eventId, recommendationId: 'coordination' },
    );
    await addCoordinationNews(
      { temporal: client },
      { eventId, recommendationId: 'coordination' },
      {
        title: 'Appel à projets INDH',
        body: 'Dépôt des dossiers à la Province de Safi.',
      },
    );
    await closeFollowUp({ temporal: client }, networking, {
      status: 'done',
      outcome: 'Exchange visit held between the potters of Safi and the dressmakers of Youssoufia',
    });

    const settled = await eventually(
      status,
      (s) => s.followUps.filter((followUp) => followUp.status === 'done').length === 3,
      'three follow-ups done',
    );
    expect(settled.phase).toBe('following-up');
    expect(settled.nextEventIds).toEqual([next.eventId]);

    // The report shows all of it, once the visit's report has reached its follow-up (by signal).
    const report = await eventually(
      () => buildTrainingDayReport({ temporal: client }, eventId),
      (built) =>
        built.recommendations
          .find((row) => row.id === 'networking-visits')
          ?.visits.some((visit) => visit.visitId === 'visit-2' && visit.status === 'reported') ===
        true,
      'the visit reported in the report',
    );
    expect(report.totals).toMatchObject({
      invited: 40,
      accepted: ACCEPTED.length,
      declined: DECLINED.length,
      attended: CHECKED_IN.length + 1,
      attendees: CHECKED_IN.reduce((sum, [, people]) => sum + people, 0) + 1,
      walkIns: 1,
    });
    expect(report.byProvince).toEqual([
      { segment: 'Safi', invited: invitedIn('Safi'), accepted: acceptedIn('Safi'), attended: 6 },
      {
        segment: 'Youssoufia',
        invited: invitedIn('Youssoufia'),
        accepted: acceptedIn('Youssoufia'),
        attended: 6,
      },
    ]);
    expect(report.bySector.find((row) => row.segment === 'crafts')).toMatchObject({ attended: 6 });
    expect(report.agenda.map((item) => item.id)).toEqual(
      plan.definition.agenda.map((item) => item.id),
    );
    expect(report.speakers.map((speaker) => [speaker.name, speaker.status])).toEqual([
      ['Pr. Hassan Alaoui', 'confirmed'],
      ['Mme Leila Bennani', 'confirmed'],
      ['M. Omar Chraibi', 'confirmed'],
    ]);
    expect(report.survey).toMatchObject({ responses: 5, averageRating: 4.2 });
    expect(report.recommendations.map((row) => [row.id, row.status])).toEqual([
      ['capacity-building', 'done'],
      ['coordination', 'in-progress'],
      ['further-training', 'done'],
      ['networking-visits', 'done'],
    ]);
    const visits = report.recommendations[3]!.visits;
    expect(visits.find((visit) => visit.visitId === 'visit-2')).toMatchObject({
      status: 'reported',
      reportSummary: expect.stringContaining('four collectif'),
    });
    expect(report.visits).toMatchObject({ proposed: 3, reported: 1 });
    expect(report.nextEventIds).toEqual([next.eventId]);

    const html = renderTrainingDayReportHtml(report, 'ar');
    expect(html).toMatch(/<html lang="ar" dir="rtl">/);
    for (const text of [
      'آليات دعم ومواكبة الجمعيات والتمثيليات المهنية',
      'Colline des potiers, Safi',
      'four collectif',
      'Two project-design workshops',
      next.eventId,
    ])
      expect(html).toContain(text);
  });
});

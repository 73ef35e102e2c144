import type { ClosingSummary } from '../../domain/messages/training-day';
import { buildProgrammeReport, buildTrainingDayReport } from '../../domain/report';
import {
  networkingView,
  seedPlan,
  seedStatus,
  statusWithDeclinedPartner,
  survey,
} from './report-fixtures';

const generatedAt = '2019-03-01T10:00:00.000Z';

describe('the report model of one training day', () => {
  it('lists every recommendation with its follow-up status, falling back to the summaries', () => {
    const report = buildTrainingDayReport({
      status: seedStatus(),
      followUps: { 'networking-visits': networkingView() },
      survey,
      generatedAt,
    });
    expect(report.recommendations.map((row) => [row.id, row.status])).toEqual([
      ['capacity-building', 'overdue'],
      ['coordination', 'in-progress'],
      ['further-training', 'done'],
      ['networking-visits', 'in-progress'],
    ]);
    expect(report.recommendations[2]!.outcome).toBe('Second day planned for March');
    expect(report.followUpTotals).toMatchObject({ overdue: 1, 'in-progress': 2, done: 1 });
    // The owner is named: the partner institution, or the chamber.
    expect(report.recommendations[0]!.owner.en).toMatch(/Social Development Agency/);
    expect(report.visits).toEqual({ proposed: 1, scheduled: 1, reported: 1 });
    expect(report.recommendations[3]!.visits[0]!.reportSummary).toMatch(/shared stand/);
  });

  it('shows a recommendation whose follow-up has not started yet', () => {
    const status = seedStatus({ followUps: [] });
    const report = buildTrainingDayReport({ status, followUps: {}, generatedAt });
    expect(report.recommendations.every((row) => row.status === 'not-started')).toBe(true);
    expect(report.followUpTotals['not-started']).toBe(4);
  });

  it('takes participation by province and sector from the closing summary when the day has one', () => {
    const summary: ClosingSummary = {
      closedAt: '2018-11-23T18:00:00.000Z',
      invited: 40,
      accepted: 30,
      declined: 6,
      waitlisted: 2,
      noAnswer: 0,
      undeliverable: 2,
      seatsTaken: 70,
      attended: 26,
      attendees: 61,
      walkIns: 1,
      byProvince: {
        Youssoufia: { invited: 15, accepted: 11, waitlisted: 1, attended: 9 },
        Safi: { invited: 25, accepted: 19, waitlisted: 1, attended: 17 },
      },
      bySector: {
        trade: { invited: 16, accepted: 12, waitlisted: 1, attended: 11 },
        crafts: { invited: 14, accepted: 10, waitlisted: 1, attended: 9 },
        services: { invited: 10, accepted: 8, waitlisted: 0, attended: 6 },
      },
      recommendations: 4,
    };
    const report = buildTrainingDayReport({
      status: seedStatus({ summary }),
      followUps: {},
      survey,
      generatedAt,
    });
    expect(report.byProvince).toEqual([
      { segment: 'Safi', invited: 25, accepted: 19, attended: 17 },
      { segment: 'Youssoufia', invited: 15, accepted: 11, attended: 9 },
    ]);
    expect(report.bySector.map((row) => row.segment)).toEqual(['crafts', 'services', 'trade']);
    expect(report.totals).toMatchObject({ invited: 40, accepted: 30, attended: 26, attendees: 61 });
    expect(report.survey?.responseRate).toBeCloseTo(13 / 26);
  });

  it('counts invitees from the shards and attendance from check-ins before the day closes', () => {
    const report = buildTrainingDayReport({
      status: seedStatus({ phase: 'in-progress' }),
      followUps: {},
      invitees: {
        byProvince: {
          Safi: { invited: 25, accepted: 19 },
          Youssoufia: { invited: 15, accepted: 11 },
        },
        bySector: { trade: { invited: 40, accepted: 30 } },
      },
      generatedAt,
    });
    expect(report.byProvince).toEqual([
      { segment: 'Safi', invited: 25, accepted: 19, attended: 17 },
      { segment: 'Youssoufia', invited: 15, accepted: 11, attended: 9 },
    ]);
    // A sector seen only at the door (walk-ins) still gets its row.
    expect(report.bySector.find((row) => row.segment === 'crafts')).toEqual({
      segment: 'crafts',
      invited: 0,
      accepted: 0,
      attended: 9,
    });
    expect(report.survey).toBeUndefined();
  });

  it('gives the agenda as held, with each talk’s speaker, and the speakers who spoke', () => {
    const status = seedStatus();
    status.speakers[0] = {
      ...status.speakers[0]!,
      speakerName: 'Dr. Replacement',
      previousSpeakerIds: ['professor-constitutional-law'],
    };
    const report = buildTrainingDayReport({ status, followUps: {}, generatedAt });
    expect(report.agenda).toHaveLength(seedPlan.definition.agenda.length);
    expect(report.agenda[1]).toMatchObject({
      id: 'talk-roles-under-new-laws',
      speakerName: 'Dr. Replacement',
      start: '15:20',
    });
    expect(report.agenda[0]!.speakerName).toBeUndefined();
    expect(report.speakers.map((speaker) => speaker.name)).toEqual([
      'Dr. Replacement',
      'Mme Leila Bennani',
      'M. Omar Chraibi',
    ]);
  });

  it('lists partners with their final status and what a declined one leaves to reassign (issue 9)', () => {
    const status = statusWithDeclinedPartner();
    const report = buildTrainingDayReport({ status, followUps: {}, generatedAt });
    expect(report.partners.map((partner) => [partner.partnerId, partner.status])).toEqual([
      ['ads-marrakech-safi', 'declined'],
      ['province-safi-social-action', 'confirmed'],
    ]);
    expect(report.partners[0]).toMatchObject({
      toReassign: ['speaker', 'outreach'],
      note: 'Notre coordinateur est en mission ce jour-là',
    });
    expect(report.partners[1]!.toReassign).toEqual([]);
    const flagged = report.agenda.filter((item) => item.partnerDeclined);
    expect(flagged.map((item) => [item.id, item.partnerDeclined])).toEqual([
      ['talk-ads-strategy', status.partners[0]!.name],
    ]);
  });

  it('joins the further training days created from follow-ups to the day’s own links', () => {
    const view = {
      ...networkingView(),
      recommendation: {
        ...networkingView().recommendation,
        id: 'further-training',
        kind: 'further-training' as const,
      },
      nextEventIds: ['safi-2018-11-23-further-training-2'],
    };
    const report = buildTrainingDayReport({
      status: seedStatus(),
      followUps: { 'further-training': view },
      brief: view.event,
      generatedAt,
    });
    expect(report.nextEventIds).toEqual([
      'safi-2018-11-23-further-training-1',
      'safi-2018-11-23-further-training-2',
    ]);
    expect(report.venue?.city).toBe('Safi');
    expect(report.theme?.fr).toMatch(/Mécanismes/);
  });
});

describe('the programme view across training days', () => {
  it('counts days held, associations reached once across days, and recommendations closed', () => {
    const first = seedStatus();
    const second = seedStatus({
      eventId: 'safi-2018-11-23-further-training-1',
      startsAt: '2019-03-15T14:00:00Z',
      phase: 'completed',
      previousEventId: 'safi-2018-11-23',
      followUps: [{ ...first.followUps[0]!, status: 'dropped', outcome: 'merged' }],
    });
    const planned = seedStatus({
      eventId: 'planned',
      startsAt: '2019-06-01T14:00:00Z',
      phase: 'draft',
      followUps: [],
      recommendations: [],
    });
    const cancelled = seedStatus({
      eventId: 'cancelled',
      startsAt: '2019-05-01T14:00:00Z',
      phase: 'cancelled',
      followUps: [],
      recommendations: [],
    });
    const programme = buildProgrammeReport(
      [
        { status: second, attendedAssociationIds: ['potiers-safi', 'new-one'] },
        { status: planned },
        { status: first, attendedAssociationIds: ['potiers-safi', 'tujjar-souk-safi'] },
        { status: cancelled },
      ],
      generatedAt,
    );
    expect(programme.days.map((day) => day.eventId)).toEqual([
      'safi-2018-11-23',
      'safi-2018-11-23-further-training-1',
      'cancelled',
      'planned',
    ]);
    expect(programme.totals).toMatchObject({
      days: 4,
      daysHeld: 2,
      daysPlanned: 1,
      daysCancelled: 1,
      associationsReached: 3,
      recommendations: 8,
      recommendationsDone: 1,
      recommendationsDropped: 1,
      recommendationsClosed: 2,
    });
    expect(programme.days[0]).toMatchObject({
      recommendations: 4,
      recommendationsClosed: 1,
      held: true,
    });
  });

  it('falls back to check-in counts for a day whose attendees it cannot list', () => {
    const programme = buildProgrammeReport([{ status: seedStatus() }], generatedAt);
    expect(programme.totals.associationsReached).toBe(26);
  });
});

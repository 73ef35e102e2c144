import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { planTrainingDay } from '../../client/training-day-plan';
import type { FollowUpView } from '../../domain/messages/follow-up';
import type { TrainingDayStatus } from '../../domain/messages/training-day';
import type { SurveyResults } from '../../domain/messages/attendance';

/** The seed day (Safi, 23 Nov 2018) as its workflow reports it after the day, with follow-ups. */
export const seedPlan = planTrainingDay(
  JSON.parse(
    readFileSync(resolve(__dirname, '..', '..', 'examples', 'safi-2018-11-23.json'), 'utf8'),
  ),
);

export function seedStatus(overrides: Partial<TrainingDayStatus> = {}): TrainingDayStatus {
  const day = seedPlan.definition;
  return {
    eventId: seedPlan.eventId,
    title: day.title,
    phase: 'following-up',
    phaseHistory: [],
    revision: 0,
    timeZone: day.timeZone,
    startsAt: seedPlan.schedule.startsAt,
    endsAt: seedPlan.schedule.endsAt,
    rsvpDeadlineAt: seedPlan.schedule.rsvpDeadlineAt,
    languages: day.languages,
    agenda: day.agenda,
    partners: day.partners.map((partner) => ({
      partnerId: partner.id,
      name: partner.name,
      status: 'confirmed',
      requestedContributions: partner.requestedContributions,
      confirmedContributions: partner.requestedContributions,
      toReassign: [],
      remindersSent: 0,
    })),
    speakers: day.agenda
      .filter((item) => item.speakerId)
      .map((item) => ({
        agendaItemId: item.id,
        title: item.title,
        speakerId: item.speakerId!,
        speakerName: day.speakers.find((speaker) => speaker.id === item.speakerId)!.name,
        status: 'confirmed',
        previousSpeakerIds: [],
      })),
    registration: {
      invited: 40,
      pending: 0,
      accepted: 30,
      declined: 6,
      waitlisted: 2,
      undeliverable: 2,
      seatsTaken: 70,
      capacity: 120,
      shards: 1,
      byProvince: {},
      bySector: {},
    },
    attendance: {
      checkedIn: 26,
      attendees: 61,
      walkIns: 1,
      byProvince: { Safi: 17, Youssoufia: 9 },
      bySector: { trade: 11, crafts: 9, services: 6 },
    },
    recommendations: [
      {
        id: 'capacity-building',
        kind: 'capacity-building',
        text: { en: 'Build the capacity of association officers', fr: 'Renforcer les capacités' },
        owner: 'ads-marrakech-safi',
      },
      {
        id: 'coordination',
        kind: 'coordination',
        text: { en: 'Coordinate institutions and associations' },
        owner: 'chamber',
      },
      {
        id: 'further-training',
        kind: 'further-training',
        text: { en: 'Organise further training sessions' },
        owner: 'chamber',
      },
      {
        id: 'networking-visits',
        kind: 'networking-visits',
        text: { en: 'Network associations through visits' },
        owner: 'chamber',
      },
    ],
    followUps: [
      {
        recommendationId: 'capacity-building',
        kind: 'capacity-building',
        owner: 'ads-marrakech-safi',
        status: 'overdue',
        dueAt: '2019-02-21T17:30:00.000Z',
        workflowId: 'training-day/safi-2018-11-23/follow-up/capacity-building',
      },
      {
        recommendationId: 'coordination',
        kind: 'coordination',
        owner: 'chamber',
        status: 'in-progress',
        dueAt: '2019-02-21T17:30:00.000Z',
        workflowId: 'training-day/safi-2018-11-23/follow-up/coordination',
      },
      {
        recommendationId: 'further-training',
        kind: 'further-training',
        owner: 'chamber',
        status: 'done',
        dueAt: '2019-02-21T17:30:00.000Z',
        outcome: 'Second day planned for March',
        workflowId: 'training-day/safi-2018-11-23/follow-up/further-training',
      },
    ],
    nextEventIds: ['safi-2018-11-23-further-training-1'],
    ...overrides,
  };
}

export function networkingView(): FollowUpView {
  const day = seedPlan.definition;
  return {
    eventId: seedPlan.eventId,
    event: {
      title: day.title,
      theme: day.theme,
      organiser: day.organiser,
      venue: day.venue,
      timeZone: day.timeZone,
      startsAt: seedPlan.schedule.startsAt,
      endsAt: seedPlan.schedule.endsAt,
    },
    workflowId: 'training-day/safi-2018-11-23/follow-up/networking-visits',
    trainingDayWorkflowId: 'training-day/safi-2018-11-23',
    recommendation: {
      id: 'networking-visits',
      kind: 'networking-visits',
      text: { en: 'Network associations through visits', ar: 'تشبيك الجمعيات المهنية' },
      owner: 'chamber',
    },
    owner: { id: 'chamber', name: 'CCIS' },
    status: 'in-progress',
    dueAt: '2019-02-21T17:30:00.000Z',
    history: [],
    remindersSent: 0,
    escalationsSent: 0,
    visits: [
      {
        visitId: 'visit-1',
        workflowId: 'training-day/safi-2018-11-23/visit/visit-1',
        status: 'reported',
        hostName: 'Association des artisans potiers de Safi',
        visitorNames: ['Association des couturiers de Youssoufia'],
        sector: 'crafts',
        reason: 'same-sector-other-province',
        startsAt: '2019-01-15T09:00:00.000Z',
        place: 'Colline des potiers, Safi',
        reportSummary: 'Kilns, <glazes> & a shared stand at the regional fair',
      },
    ],
    nextEventIds: [],
    news: [],
    digest: { digestedUpTo: 0, digestsSent: 0 },
  };
}

export const survey: SurveyResults = {
  responses: 13,
  averageRating: 4.3846,
  ratings: { '1': 0, '2': 1, '3': 1, '4': 3, '5': 8 },
  comments: [
    { associationId: 'potiers-safi', comments: 'Très utile <merci>', rating: 5 },
    { associationId: 'tujjar-souk-safi', comments: 'نطلب لقاءات أخرى', rating: 4 },
  ],
};

/** The seed day after ADS declined, with a note: its speaker's slot flagged (issue 9). */
export function statusWithDeclinedPartner(): TrainingDayStatus {
  const status = seedStatus();
  status.partners[0] = {
    ...status.partners[0]!,
    status: 'declined',
    confirmedContributions: [],
    toReassign: ['speaker', 'outreach'],
    note: 'Notre coordinateur est en mission ce jour-là',
  };
  status.speakers[1] = { ...status.speakers[1]!, partnerDeclined: 'ads-marrakech-safi' };
  return status;
}

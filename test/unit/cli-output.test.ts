import { CommanderError } from 'commander';
import { describeFailure, ExitCode } from '../../client/cli/exit-codes';
import { table } from '../../client/cli/output';
import { statusText, summariesText } from '../../client/cli/status-text';
import { ValidationError } from '../../client/validation';
import { ConfigError } from '../../domain/config';
import { ErrorCodes, MultaqaError } from '../../domain/errors';
import type { TrainingDayStatus } from '../../domain/messages/training-day';

const status: TrainingDayStatus = {
  eventId: 'safi-2018-11-23',
  title: { fr: 'Journée de formation', en: 'Training day' },
  phase: 'invitations-open',
  phaseHistory: [
    { phase: 'coordinating-partners', at: '2018-10-01T09:00:00Z' },
    { phase: 'invitations-open', at: '2018-10-20T09:00:00Z' },
  ],
  revision: 1,
  timeZone: 'Africa/Casablanca',
  startsAt: '2018-11-23T14:00:00Z',
  endsAt: '2018-11-23T17:30:00Z',
  rsvpDeadlineAt: '2018-11-20T22:59:00Z',
  languages: ['ar', 'fr'],
  agenda: [],
  partners: [
    {
      partnerId: 'ads-marrakech-safi',
      name: { fr: 'ADS' },
      status: 'confirmed',
      requestedContributions: ['speaker'],
      confirmedContributions: ['speaker', 'outreach'],
      toReassign: [],
      remindersSent: 1,
    },
  ],
  speakers: [
    {
      agendaItemId: 'talk-ads-strategy',
      title: { fr: 'Stratégie' },
      speakerId: 'ads-provincial-coordinator',
      speakerName: 'Mme Leila Bennani',
      status: 'confirmed',
      previousSpeakerIds: [],
    },
  ],
  registration: {
    invited: 40,
    pending: 20,
    accepted: 12,
    declined: 5,
    waitlisted: 3,
    undeliverable: 0,
    seatsTaken: 30,
    capacity: 30,
    shards: 1,
    byProvince: { Safi: 9, Youssoufia: 3 },
    bySector: { trade: 6, crafts: 6 },
  },
  attendance: {
    checkedIn: 2,
    attendees: 5,
    walkIns: 1,
    byProvince: { Youssoufia: 1, Safi: 1 },
    bySector: {},
  },
  recommendations: [],
  followUps: [
    {
      recommendationId: 'networking-visits',
      kind: 'networking-visits',
      owner: 'chamber',
      status: 'open',
      dueAt: '2019-01-31T23:00:00Z',
      workflowId: 'training-day/safi-2018-11-23/follow-up/networking-visits',
    },
  ],
  nextEventIds: [],
};

describe('the CLI human output', () => {
  it('shows a status with local times, tables per section and its source', () => {
    const text = statusText({ status, source: 'read-model', publishedAt: '2018-10-21T10:00:00Z' });
    expect(text).toContain('safi-2018-11-23: Training day');
    expect(text).toContain('when       2018-11-23 15:00 to 18:30 (Africa/Casablanca)');
    expect(text).toContain('read model, published 2018-10-21T10:00:00Z');
    expect(text).toMatch(/│ ads-marrakech-safi\s+│ confirmed\s+│ speaker, outreach\s+│ 1\s+│/);
    expect(text).toMatch(/│ 40\s+│ 12\s+│ 5\s+│ 3\s+│ 20\s+│ 0\s+│ 30\/30\s+│/);
    expect(text).toContain('by province: Safi 1, Youssoufia 1');
    expect(text).toContain('by sector:   -');
    expect(text).toMatch(
      /│ networking-visits\s+│ networking-visits\s+│ chamber\s+│ open\s+│ 2019-02-01\s+│/,
    );
  });

  it('shows what a declined partner leaves to reassign, and flags the slot of its speaker (issue 9)', () => {
    const declined: TrainingDayStatus = {
      ...status,
      partners: [
        {
          ...status.partners[0]!,
          name: { fr: 'Agence de Développement Social' },
          status: 'declined',
          confirmedContributions: [],
          toReassign: ['speaker', 'outreach'],
          note: 'Notre coordinateur est en mission ce jour-là',
        },
      ],
      speakers: [
        { ...status.speakers[0]!, status: 'invited', partnerDeclined: 'ads-marrakech-safi' },
      ],
    };
    const text = statusText({ status: declined, source: 'workflow' });
    expect(text).toMatch(/│ ads-marrakech-safi\s+│ declined\s+│ -\s+│ 1\s+│ speaker, outreach\s+│/);
    expect(text).toMatch(
      /│ talk-ads-strategy\s+│ Mme Leila Bennani\s+│ invited\s+│ ads-marrakech-safi declined: find a speaker\s+│/,
    );
    expect(text).toContain(
      'To reassign\n  Agence de Développement Social (declined): speaker, outreach; speaker of talk-ads-strategy',
    );
  });

  it('says in the table that no invitation went out while no association matches the audience (issue 9)', () => {
    const text = statusText({
      status: {
        ...status,
        registration: { ...status.registration, invited: 0, pending: 0, shards: 0 },
        audienceEmpty: { since: '2018-10-20T09:00:00Z', checkedAt: '2018-10-20T10:00:00Z' },
      },
      source: 'workflow',
    });
    expect(text).toContain(
      'invitations NONE SENT: no association matches the audience (since 2018-10-20 10:00)',
    );
  });

  it('says so when there are no training days', () => {
    expect(summariesText([])).toBe('no training days');
  });

  it('draws plain tables without colour codes', () => {
    const drawn = table(['a', 'b'], [[1, 'x']]);
    // eslint-disable-next-line no-control-regex -- checking for ANSI escapes is the point
    expect(drawn).not.toMatch(/\u001b\[/);
    expect(drawn.split('\n')).toHaveLength(5);
  });
});

describe('exit codes', () => {
  it.each([
    [
      new ValidationError([{ field: 'seats', message: 'too many' }]),
      ExitCode.badInput,
      /seats: too many/,
    ],
    [new ConfigError(['REDIS_URL: must be a redis:// URL']), ExitCode.badInput, /REDIS_URL/],
    [new MultaqaError(ErrorCodes.invalidInput, 'exists', 'id'), ExitCode.badInput, /^id: exists$/],
    [new MultaqaError(ErrorCodes.wrongPhase, 'registration is closed'), ExitCode.failure, /closed/],
    [
      new MultaqaError(ErrorCodes.notFound, 'training day "x" not found'),
      ExitCode.failure,
      /not found/,
    ],
    [new Error('connection refused'), ExitCode.failure, /connection refused/],
  ])('maps %p to its code and a message naming the problem', (error, code, message) => {
    const described = describeFailure(error);
    expect(described.code).toBe(code);
    expect(described.message).toMatch(message);
  });

  it('names the field once, also when the message already starts with it', () => {
    const refusal = new MultaqaError(
      ErrorCodes.invalidInput,
      'answer: must be confirm or decline',
      'answer',
    );
    expect(describeFailure(refusal).message).toBe('answer: must be confirm or decline');
    expect(
      describeFailure(new MultaqaError(ErrorCodes.invalidInput, 'must be positive', 'seats'))
        .message,
    ).toBe('seats: must be positive');
  });

  it('maps usage errors to 2 and help to 0', () => {
    expect(describeFailure(new CommanderError(1, 'commander.unknownOption', 'x')).code).toBe(2);
    expect(describeFailure(new CommanderError(0, 'commander.helpDisplayed', '')).code).toBe(0);
  });
});

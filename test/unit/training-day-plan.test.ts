import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { eventIdFor, planTrainingDay, refuseLapsedDeadline } from '../../client/training-day-plan';
import { ValidationError } from '../../client/validation';

const seed = JSON.parse(
  readFileSync(resolve(__dirname, '..', '..', 'examples', 'safi-2018-11-23.json'), 'utf8'),
) as Record<string, unknown>;

describe('planning a training day from an event file', () => {
  it('resolves the seed day in Africa/Casablanca (UTC+1 since October 2018)', () => {
    const plan = planTrainingDay(seed);
    expect(plan.eventId).toBe('safi-2018-11-23');
    expect(plan.schedule.startsAt).toBe('2018-11-23T14:00:00Z');
    expect(plan.schedule.endsAt).toBe('2018-11-23T17:30:00Z');
    expect(plan.schedule.rsvpDeadlineAt).toBe('2018-11-20T22:59:00Z');
    expect(plan.schedule.agenda['talk-ads-strategy']).toEqual({
      startsAt: '2018-11-23T15:00:00Z',
      endsAt: '2018-11-23T15:40:00Z',
    });
    expect(plan.definition.partners).toHaveLength(2);
    expect(plan.definition.agenda.filter((item) => item.kind === 'talk')).toHaveLength(3);
  });

  it('moves the day and its RSVP deadline together with --date', () => {
    const plan = planTrainingDay(seed, { date: '2026-12-18', id: 'safi-rehearsal' });
    expect(plan.eventId).toBe('safi-rehearsal');
    expect(plan.definition.date).toBe('2026-12-18');
    expect(plan.definition.rsvpDeadline).toBe('2026-12-15');
    expect(plan.schedule.startsAt).toBe('2026-12-18T14:00:00Z');
  });

  it('names every bad field of an event file', () => {
    const bad = { ...seed, capacity: 0, timeZone: 'Mars/Olympus', agenda: [] };
    try {
      planTrainingDay(bad);
      throw new Error('expected a validation error');
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationError);
      const fields = (error as ValidationError).problems.map((problem) => problem.field);
      expect(fields).toEqual(
        expect.arrayContaining(['event.capacity', 'event.timeZone', 'event.agenda']),
      );
    }
  });

  it('refuses a bad --date naming the option', () => {
    expect(() => planTrainingDay(seed, { date: '18/12/2026' })).toThrow(/^date: /);
  });

  it('derives an id from the title and date when the file has none', () => {
    expect(eventIdFor({ title: { fr: 'Journée de formation à Safi' }, date: '2026-12-18' })).toBe(
      'journee-de-formation-a-safi-2026-12-18',
    );
  });
});

describe('a day whose RSVP deadline has passed (issue 9, point 5)', () => {
  // Tuesday 15 December 2026 at 13:00 in Safi. The seed's deadline is three days before the day.
  const now = Date.parse('2026-12-15T12:00:00Z');

  function problemOf(plan: ReturnType<typeof planTrainingDay>): ValidationError | undefined {
    try {
      refuseLapsedDeadline(plan, now);
      return undefined;
    } catch (error) {
      if (error instanceof ValidationError) return error;
      throw error;
    }
  }

  it('is refused when the day is still to come, naming rsvpDeadline and saying what to do', () => {
    const problem = problemOf(planTrainingDay(seed, { date: '2026-12-17' }));
    expect(problem?.problems).toEqual([
      {
        field: 'rsvpDeadline',
        message: expect.stringMatching(
          /RSVP deadline \(2026-12-14\) has already passed.*on or before 2026-12-17.*--date/,
        ),
      },
    ]);
    const { rsvpDeadline: _deadline, ...withoutDeadline } = seed;
    expect(
      problemOf(planTrainingDay({ ...withoutDeadline, date: '2026-12-16' }))?.problems[0]?.message,
    ).toMatch(/by default two days before, 2026-12-14/);
  });

  it('is accepted while the deadline is still ahead, and for a day recorded after it was held', () => {
    expect(problemOf(planTrainingDay(seed, { date: '2026-12-18' }))).toBeUndefined();
    expect(problemOf(planTrainingDay(seed))).toBeUndefined();
  });
});

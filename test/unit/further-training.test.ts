import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  defaultNextDate,
  nextEventIdFor,
  planNextTrainingDay,
} from '../../domain/further-training';
import { planTrainingDay } from '../../client/training-day-plan';

const seed = planTrainingDay(
  JSON.parse(
    readFileSync(resolve(__dirname, '..', '..', 'examples', 'safi-2018-11-23.json'), 'utf8'),
  ),
);

describe('planning the next training day from a recommendation', () => {
  it('keeps theme, partners, audience and organiser, links back, and starts as a draft', () => {
    const plan = planNextTrainingDay(
      seed,
      { date: '2019-03-15' },
      { recommendationId: 'further-training', ordinal: 1, today: '2018-12-01' },
    );
    expect(plan.eventId).toBe('safi-2018-11-23-further-training-1');
    expect(plan.previousEventId).toBe('safi-2018-11-23');
    expect(plan.startAsDraft).toBe(true);
    expect(plan.definition.theme).toEqual(seed.definition.theme);
    expect(plan.definition.partners).toEqual(seed.definition.partners);
    expect(plan.definition.audience).toEqual(seed.definition.audience);
    expect(plan.definition.organiser).toEqual(seed.definition.organiser);
    expect(plan.definition.date).toBe('2019-03-15');
    expect(plan.definition.rsvpDeadline).toBeUndefined();
    // 15:00 in Casablanca, on UTC+1 since October 2018.
    expect(plan.schedule.startsAt).toBe('2019-03-15T14:00:00Z');
    expect(plan.schedule.rsvpDeadlineAt).toBe('2019-03-13T22:59:00Z');
  });

  it('takes a new title and theme when given', () => {
    const theme = { fr: 'Stratégie gouvernementale de développement des associations' };
    const plan = planNextTrainingDay(
      seed,
      { date: '2019-04-05', title: theme, theme },
      { recommendationId: 'further-training', ordinal: 2, today: '2018-12-01' },
    );
    expect(plan.definition.theme).toEqual(theme);
    expect(plan.eventId).toBe('safi-2018-11-23-further-training-2');
  });

  it('dates the draft three months on, but never sooner than four weeks from today', () => {
    expect(defaultNextDate('2018-11-23', '2018-11-30')).toBe('2019-02-23');
    expect(defaultNextDate('2018-11-23', '2025-06-10')).toBe('2025-07-08');
  });

  it('keeps event ids valid slugs however long the ids it is built from', () => {
    const id = nextEventIdFor('a'.repeat(63), 'recommendation-with-a-long-id', 12);
    expect(id.length).toBeLessThanOrEqual(63);
    expect(id).toMatch(/^[a-z0-9][a-z0-9-]*-12$/);
  });

  it('refuses a date that is not a calendar date, naming the field', () => {
    expect(() =>
      planNextTrainingDay(
        seed,
        { date: '2019-02-30' },
        { recommendationId: 'further-training', ordinal: 1, today: '2018-12-01' },
      ),
    ).toThrow(/date/);
  });
});

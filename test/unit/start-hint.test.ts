import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { planTrainingDay, refuseLapsedDeadline } from '../../client/training-day-plan';
import { startHint } from '../../scripts/stack/start-hint';

const seed = JSON.parse(
  readFileSync(resolve(__dirname, '..', '..', 'examples', 'safi-2018-11-23.json'), 'utf8'),
) as unknown;

describe('the start-up hint (issue 9, point 5)', () => {
  const now = Date.parse('2026-12-01T06:00:00Z');
  const hint = startHint(now).join('\n');

  it('suggests a day whose invitations really go out, not the held 2018 day', () => {
    const date =
      /event create --file examples\/safi-2018-11-23\.json --date (\d{4}-\d\d-\d\d)/.exec(
        hint,
      )?.[1];
    expect(date).toBeDefined();
    const plan = planTrainingDay(seed, { date });
    expect(Date.parse(plan.schedule.rsvpDeadlineAt)).toBeGreaterThan(now);
    expect(() => refuseLapsedDeadline(plan, now)).not.toThrow();
    expect(hint).toContain('npx multaqa associations import examples/associations.csv');
  });
});

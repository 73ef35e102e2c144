import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { projectionKeys } from '../../stores/read-model';
import { runCli } from '../support/cli';
import { startTestStack, type TestStack } from '../support/stack';
import { uniqueId } from '../support/temporal';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers are read field by field
type Json = any;

const ROOT = resolve(__dirname, '..', '..');
const SEED_FILE = join(ROOT, 'examples', 'safi-2018-11-23.json');
const CSV_FILE = join(ROOT, 'examples', 'associations.csv');

/** CLI tests of what needs no running lifecycle: creation, listing, import, rebuild, exit codes. */
describe('the multaqa CLI: training days, associations, read model and exit codes', () => {
  let stack: TestStack;
  let dir: string;
  beforeAll(async () => {
    stack = await startTestStack('cli-basics');
    dir = mkdtempSync(join(tmpdir(), 'multaqa-cli-'));
  });
  afterAll(async () => {
    await stack?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const cli = (...args: string[]) => runCli(args, stack.env);

  it('imports the associations CSV, then lists them, as JSON and as a table', async () => {
    const imported = await cli('associations', 'import', CSV_FILE, '--json');
    expect(imported.stderr).toBe('');
    expect(imported.code).toBe(0);
    expect(JSON.parse(imported.stdout)).toEqual({
      rows: 40,
      imported: 40,
      skipped: 0,
      stored: true,
      problems: [],
      problemCount: 0,
    });
    const listed = await cli('associations', 'list', '--limit', '3', '--json');
    expect(JSON.parse(listed.stdout)).toHaveLength(3);
    const table = await cli('associations', 'list', '--limit', '40');
    expect(table.stdout).toContain('potiers-safi');
    expect(table.stdout).toMatch(/│ id\s+│ name/);
  });

  it('refuses a CSV with bad rows: a report per row, exit code 2, nothing stored', async () => {
    const file = join(dir, 'bad.csv');
    writeFileSync(
      file,
      [
        'id,name,sector,province,email,preferred_language,contact_name,member_of_chamber',
        'cli-new-one,New,trade,Safi,new@example.org,fr,,yes',
        'cli-bad-one,Bad,trade,Safi,not-an-email,fr,,yes',
        'cli-bad-two,Bad,fishing,Safi,two@example.org,xx,,yes',
      ].join('\n'),
    );
    const result = await cli('associations', 'import', file);
    expect(result.code).toBe(2);
    expect(result.stdout).toMatch(/│ 3\s+│ email/);
    expect(result.stdout).toMatch(/│ 4\s+│ sector/);
    expect(result.stdout).toMatch(/│ 4\s+│ preferred_language/);
    expect(result.stdout).toMatch(/nothing imported/);
    expect(result.stderr).toMatch(/line 3: email/);
    const directory = `${stack.config.REDIS_PREFIX}associations`;
    expect(await stack.redis.redis.hexists(directory, 'cli-new-one')).toBe(0);

    const skipping = await cli('associations', 'import', file, '--skip-invalid', '--json');
    expect(skipping.code).toBe(0);
    expect(JSON.parse(skipping.stdout)).toMatchObject({ imported: 1, skipped: 2, stored: true });
    expect(await stack.redis.redis.hexists(directory, 'cli-new-one')).toBe(1);
  });

  it('names the file when it cannot be read (exit code 2)', async () => {
    const result = await cli('associations', 'import', join(dir, 'missing.csv'));
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/file: cannot read/);
  });

  it('creates a day on another date and id, shows it, lists it, and rebuilds its projection', async () => {
    const eventId = uniqueId('cli-day');
    const created = await cli(
      'event',
      'create',
      '--file',
      SEED_FILE,
      '--id',
      eventId,
      '--date',
      '2031-03-14',
      '--json',
    );
    expect(created.stderr).toBe('');
    expect(JSON.parse(created.stdout)).toEqual({ eventId });

    const live = await cli('event', 'status', eventId, '--live', '--json');
    expect(live.code).toBe(0);
    const status = JSON.parse(live.stdout) as Record<string, Json>;
    expect(status).toMatchObject({ eventId, startsAt: '2031-03-14T14:00:00Z' });
    for (const field of [
      'phase',
      'partners',
      'speakers',
      'registration',
      'attendance',
      'followUps',
    ])
      expect(status).toHaveProperty(field);
    for (const count of ['invited', 'accepted', 'declined', 'waitlisted', 'pending'])
      expect(typeof status.registration[count]).toBe('number');
    expect(typeof status.attendance.checkedIn).toBe('number');

    const human = await cli('event', 'status', eventId);
    expect(human.stdout).toContain(`${eventId}: Training day on mechanisms`);
    expect(human.stdout).toMatch(/Registration\n/);

    // Whatever the workflows published, the rebuild restores it from their queries.
    const keys = projectionKeys(stack.config.REDIS_PREFIX);
    await stack.redis.redis.del(keys.status(eventId), keys.all);
    const rebuilt = await waitFor(async () => {
      const result = await cli('projections', 'rebuild', '--json');
      const report = JSON.parse(result.stdout) as { rebuilt: string[] };
      return report.rebuilt.includes(eventId) ? result : undefined;
    });
    expect(rebuilt.code).toBe(0);
    expect(await stack.redis.redis.exists(keys.status(eventId))).toBe(1);

    const listed = await cli('event', 'list', '--json');
    const days = JSON.parse(listed.stdout) as Array<{ eventId: string; phase: string }>;
    const day = days.find((candidate) => candidate.eventId === eventId);
    expect(day).toBeDefined();
    const byPhase = await cli('event', 'list', '--phase', day!.phase, '--json');
    expect(JSON.parse(byPhase.stdout)).toEqual(
      expect.arrayContaining([expect.objectContaining({ eventId })]),
    );
    const table = await cli('event', 'list');
    expect(table.stdout).toMatch(new RegExp(`│ ${eventId}\\s+│ ${day!.phase}`));
  });

  it.each([
    [['event', 'list', '--phase', 'someday'], /phase/],
    [
      [
        'event',
        'create',
        '--file',
        join(ROOT, 'test', 'fixtures', 'event-overlapping-agenda.json'),
      ],
      /agenda\.1\.start/,
    ],
    [
      [
        'event',
        'reschedule',
        'some-day',
        '--date',
        '2031-02-30',
        '--start',
        '09:00',
        '--end',
        '12:00',
      ],
      /date/,
    ],
    [
      [
        'event',
        'reschedule',
        'some-day',
        '--date',
        '2031-02-03',
        '--start',
        '12:00',
        '--end',
        '09:00',
      ],
      /end: must be after start/,
    ],
    [['event', 'cancel', 'some-day'], /--reason/],
    [
      ['rsvp', 'record', 'some-day', 'potiers-safi', 'maybe'],
      /response: must be accept or decline/,
    ],
    [['rsvp', 'record', 'some-day', 'potiers-safi', 'accept', '--seats', 'two'], /seats/],
    [['check-in', 'some-day', 'walker', '--walk-in', '--name', 'Walkers'], /walkIn/],
    [['partner', 'confirm', 'some-day', 'ads', '--contributions', 'cake'], /contributions\.0/],
    [
      [
        'speaker',
        'replace',
        'some-day',
        'talk-one',
        '--id',
        'x',
        '--name',
        'X',
        '--email',
        'nope',
        '--language',
        'fr',
      ],
      /speaker\.email/,
    ],
    [
      ['recommendation', 'add', 'some-day', '--id', 'Bad Id', '--kind', 'other', '--text', 'x'],
      /id: must be a lower-case slug/,
    ],
    [['event', 'frobnicate'], /unknown command/],
    // Tomorrow, with the seed's deadline three days before: no invitation could be answered.
    [
      [
        'event',
        'create',
        '--file',
        SEED_FILE,
        '--id',
        'lapsed-deadline-day',
        '--date',
        new Date(Date.now() + 86_400_000).toISOString().slice(0, 10),
      ],
      /rsvpDeadline: the RSVP deadline \(\d{4}-\d\d-\d\d\) has already passed/,
    ],
  ])('exits with 2 on bad input (%j), naming the field', async (args, message) => {
    const result = await cli(...args);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
  });

  it('exits with 1 when the training day does not exist, with a clear message', async () => {
    const missing = uniqueId('missing-day');
    const status = await cli('event', 'status', missing);
    expect(status.code).toBe(1);
    expect(status.stderr).toMatch(new RegExp(`training day "${missing}" not found`));
    const cancel = await cli('event', 'cancel', missing, '--reason', 'no room');
    expect(cancel.code).toBe(1);
  });

  it('exits with 1 when Temporal cannot be reached', async () => {
    const result = await runCli(['event', 'status', 'some-day', '--live'], {
      ...stack.env,
      TEMPORAL_ADDRESS: '127.0.0.1:1',
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/multaqa: /);
  });
});

async function waitFor<T>(probe: () => Promise<T | undefined>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((wake) => setTimeout(wake, 300));
  }
}

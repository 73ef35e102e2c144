import { join, resolve } from 'node:path';
import { runCli, type CliResult } from '../support/cli';
import { startTestStack, type TestStack } from '../support/stack';
import { uniqueId } from '../support/temporal';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers are read field by field
type Json = any;

const ROOT = resolve(__dirname, '..', '..');
const SEED_FILE = join(ROOT, 'examples', 'safi-2018-11-23.json');
const CSV_FILE = join(ROOT, 'examples', 'associations.csv');

async function until(
  run: () => Promise<CliResult>,
  accept: (result: CliResult) => boolean,
  timeoutMs = 30_000,
): Promise<CliResult> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const result = await run();
    if (accept(result)) return result;
    if (Date.now() > deadline)
      throw new Error(`gave up: code ${result.code}\n${result.stdout}\n${result.stderr}`);
    await new Promise((wake) => setTimeout(wake, 500));
  }
}

/** The seed day, held in 2018: its recommendations followed up through the CLI. */
describe('the multaqa CLI following up the recommendations of a day already held', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack('cli-follow-up');
    expect((await runCli(['associations', 'import', CSV_FILE], stack.env)).code).toBe(0);
  });
  afterAll(async () => {
    await stack?.stop();
  });

  const cli = (...args: string[]) => runCli(args, stack.env);
  const json = (result: CliResult): Json => {
    if (result.code !== 0) throw new Error(`exit ${result.code}: ${result.stderr}`);
    return JSON.parse(result.stdout);
  };

  it('records recommendations, tracks their follow-up to an outcome, and proposes a visit', async () => {
    const eventId = uniqueId('cli-held');
    json(await cli('event', 'create', '--file', SEED_FILE, '--id', eventId, '--json'));
    await until(
      () => cli('event', 'status', eventId, '--live', '--json'),
      (result) => result.code === 0 && JSON.parse(result.stdout).phase === 'closed',
    );
    json(
      await cli(
        'recommendation',
        'add',
        eventId,
        '--id',
        'capacity-building',
        '--kind',
        'capacity-building',
        '--text',
        'Renforcer les capacités des responsables des associations',
        '--json',
      ),
    );
    json(
      await cli(
        'recommendation',
        'add',
        eventId,
        '--id',
        'networking-visits',
        '--kind',
        'networking-visits',
        '--text',
        'Organiser des visites entre associations',
        '--json',
      ),
    );
    json(await cli('event', 'advance', eventId, '--to', 'following-up', '--json'));

    const listed = json(
      await until(
        () => cli('follow-up', 'list', eventId, '--json'),
        (result) => result.code === 0 && JSON.parse(result.stdout).length === 2,
      ),
    );
    expect(listed.map((view: Json) => view.recommendation.id).sort()).toEqual([
      'capacity-building',
      'networking-visits',
    ]);

    // Held in 2018: its follow-ups are overdue until given a date to come.
    const moved = json(
      await cli(
        'follow-up',
        'due',
        eventId,
        'capacity-building',
        '--date',
        '2030-06-30',
        '--reason',
        'calendrier des partenaires',
        '--json',
      ),
    );
    expect(Date.parse(moved.dueAt)).toBe(Date.parse('2030-06-30T22:59:00Z'));
    const started = json(
      await cli(
        'follow-up',
        'progress',
        eventId,
        'capacity-building',
        '--note',
        'programme Irtiqae présenté',
        '--json',
      ),
    );
    expect(started.status).toBe('in-progress');
    const news = await cli(
      'follow-up',
      'news',
      eventId,
      'capacity-building',
      '--title',
      'Appel à projets',
      '--body',
      'Dépôt avant fin juin',
    );
    expect(news.code).toBe(1);
    expect(news.stderr).toMatch(/news is for coordination follow-ups/);
    const badClose = await cli(
      'follow-up',
      'close',
      eventId,
      'capacity-building',
      '--status',
      'finished',
      '--outcome',
      'x',
    );
    expect(badClose.code).toBe(2);
    expect(badClose.stderr).toMatch(/status/);
    const closed = json(
      await cli(
        'follow-up',
        'close',
        eventId,
        'capacity-building',
        '--status',
        'done',
        '--outcome',
        'Deux sessions de formation tenues',
        '--json',
      ),
    );
    expect(closed).toMatchObject({ status: 'done', outcome: 'Deux sessions de formation tenues' });
    const shown = await cli('follow-up', 'show', eventId, 'capacity-building');
    expect(shown.stdout).toMatch(/status\s+done \(Deux sessions/);

    const visit = json(
      await cli(
        'follow-up',
        'propose-visit',
        eventId,
        'networking-visits',
        '--host',
        'potiers-safi',
        '--visitors',
        'couturiers-youssoufia',
        '--json',
      ),
    );
    expect(visit.visitId).toBeDefined();
    const view = json(
      await until(
        () => cli('visit', 'show', eventId, visit.visitId, '--json'),
        (result) => result.code === 0,
      ),
    );
    expect(view).toMatchObject({ eventId, visitId: visit.visitId });

    const tracked = await until(
      () => cli('event', 'status', eventId, '--json'),
      (result) =>
        result.code === 0 &&
        (JSON.parse(result.stdout).followUps as Json[]).some(
          (followUp) =>
            followUp.recommendationId === 'capacity-building' && followUp.status === 'done',
        ),
    );
    expect(json(tracked).followUps).toHaveLength(2);
  });

  it('a day recorded after it took place sends nothing: its overdue follow-ups escalate to no one (issue 9)', async () => {
    const eventId = uniqueId('cli-recorded');
    json(await cli('event', 'create', '--file', SEED_FILE, '--id', eventId, '--json'));
    for (const id of ['coordination', 'capacity-building'])
      json(
        await until(
          () =>
            cli('recommendation', 'add', eventId, '--id', id, '--kind', id, '--text', id, '--json'),
          (result) => result.code === 0,
        ),
      );
    json(await cli('event', 'advance', eventId, '--to', 'following-up', '--json'));
    for (const id of ['coordination', 'capacity-building']) {
      // Due three months after the day of 2018: overdue from the start.
      const view = json(
        await until(
          () => cli('follow-up', 'show', eventId, id, '--json'),
          (result) => result.code === 0 && JSON.parse(result.stdout).status === 'overdue',
        ),
      );
      expect(view.history[0].note).toMatch(/recorded after it took place: no reminder, escalation/);
      expect(view).toMatchObject({ escalationsSent: 0, remindersSent: 0 });
      expect(view.digest.scheduleId).toBeUndefined();
    }
    const sent = stack.smtp.messages.filter(
      (message) => String(message.parsed.headers.get('x-multaqa-event')) === eventId,
    );
    expect(sent.map((message) => message.parsed.headers.get('x-multaqa-purpose'))).toEqual([]);
  });
});

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runCli, type CliResult } from '../support/cli';
import { startTestStack, type TestStack } from '../support/stack';
import { uniqueId } from '../support/temporal';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers are read field by field
type Json = any;

const SEED_FILE = resolve(__dirname, '..', '..', 'examples', 'safi-2018-11-23.json');

function futureDate(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

const times = (view: Json): string[] =>
  view.items.map((item: Json) => `${item.id} ${item.start}-${item.end}`);

/** A coordinator edits a day's programme with `multaqa agenda …`, as the docs tell. */
describe('multaqa agenda: show, move, edit, add, remove', () => {
  let stack: TestStack;
  let dir: string;
  beforeAll(async () => {
    stack = await startTestStack('cli-agenda');
    dir = mkdtempSync(join(tmpdir(), 'multaqa-agenda-'));
  });
  afterAll(async () => {
    await stack?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const cli = (...args: string[]) => runCli(args, stack.env);
  const json = (result: CliResult): Json => {
    if (result.code !== 0) throw new Error(`exit ${result.code}: ${result.stderr}`);
    return JSON.parse(result.stdout);
  };

  it('edits the agenda of a day being prepared, refusing bad edits with the field named', async () => {
    const eventId = uniqueId('cli-agenda');
    const date = futureDate(40);
    json(
      await cli('event', 'create', '--file', SEED_FILE, '--id', eventId, '--date', date, '--json'),
    );

    const shown = json(await cli('agenda', 'show', eventId, '--json'));
    expect(shown).toMatchObject({ eventId, date, start: '15:00', end: '18:30', agendaRevision: 0 });
    expect(shown.items).toHaveLength(6);
    const table = await cli('agenda', 'show', eventId);
    expect(table.stdout).toMatch(/15:20–16:00 .*talk-roles-under-new-laws/);

    // Shorter discussion, a break in the gap, a retitled talk, the closing moved up.
    json(
      await cli(
        'agenda',
        'move',
        eventId,
        'open-discussion',
        '--start',
        '17:20',
        '--end',
        '17:50',
        '--json',
      ),
    );
    const added = json(
      await cli(
        'agenda',
        'add',
        eventId,
        '--id',
        'coffee-break',
        '--kind',
        'break',
        '--start',
        '17:50',
        '--end',
        '18:10',
        '--title-fr',
        'Pause café',
        '--title-ar',
        'استراحة شاي',
        '--json',
      ),
    );
    expect(added.agendaRevision).toBe(2);
    json(
      await cli(
        'agenda',
        'edit',
        eventId,
        'talk-ads-strategy',
        '--title-en',
        'The ADS strategy, 2018–2022',
        '--json',
      ),
    );
    const removed = json(await cli('agenda', 'remove', eventId, 'talk-indh-results', '--json'));
    expect(removed.agendaRevision).toBe(4);
    expect(times(removed)).toEqual([
      'opening 15:00-15:20',
      'talk-roles-under-new-laws 15:20-16:00',
      'talk-ads-strategy 16:00-16:40',
      'open-discussion 17:20-17:50',
      'coffee-break 17:50-18:10',
      'recommendations-and-closing 18:10-18:30',
    ]);
    expect(removed.items[2].title.en).toBe('The ADS strategy, 2018–2022');
    // The status and the read model say the same.
    const status = json(await cli('event', 'status', eventId, '--live', '--json'));
    expect(status.agenda.map((item: Json) => item.id)).toEqual(
      removed.items.map((item: Json) => item.id),
    );

    // Bad input: exit 2, the field named, nothing stored.
    const overlap = await cli('agenda', 'move', eventId, 'coffee-break', '--start', '17:40');
    expect(overlap.code).toBe(2);
    expect(overlap.stderr).toMatch(/agenda\.\d\.start: "coffee-break" overlaps "open-discussion"/);
    const outside = await cli('agenda', 'move', eventId, 'opening', '--start', '14:30');
    expect(outside.code).toBe(2);
    expect(outside.stderr).toMatch(/must not be before the day starts \(15:00\)/);
    const badTime = await cli('agenda', 'move', eventId, 'opening', '--start', '25:00');
    expect(badTime.code).toBe(2);
    expect(badTime.stderr).toMatch(/start: must be a time HH:MM/);
    const unknown = await cli('agenda', 'remove', eventId, 'lunch');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/itemId: no agenda item "lunch"/);
    const talkWithoutSpeaker = await cli(
      'agenda',
      'edit',
      eventId,
      'coffee-break',
      '--kind',
      'talk',
    );
    expect(talkWithoutSpeaker.code).toBe(2);
    expect(talkWithoutSpeaker.stderr).toMatch(/speakerId: "coffee-break" a talk needs a speaker/);
    const strangerSpeaker = await cli(
      'agenda',
      'edit',
      eventId,
      'coffee-break',
      '--kind',
      'talk',
      '--speaker',
      'nobody-known',
    );
    expect(strangerSpeaker.code).toBe(2);
    expect(strangerSpeaker.stderr).toMatch(/unknown speaker "nobody-known"/);
    // Made on an agenda that changed meanwhile: refused (exit 1), the editor looks again.
    const stale = await cli('agenda', 'remove', eventId, 'coffee-break', '--revision', '1');
    expect(stale.code).toBe(1);
    expect(stale.stderr).toMatch(/the agenda changed meanwhile \(revision 4/);
    const after = json(await cli('agenda', 'show', eventId, '--json'));
    expect(after.agendaRevision).toBe(4);
    expect(times(after)).toEqual(times(removed));

    // The whole agenda from a file, as the event file writes it.
    const file = join(dir, `${eventId}.json`);
    writeFileSync(
      file,
      JSON.stringify(
        removed.items.map(({ speakerName: _n, speakerStatus: _s, ...item }: Json) =>
          item.id === 'coffee-break' ? { ...item, end: '18:00' } : item,
        ),
      ),
    );
    const replaced = json(
      await cli('agenda', 'replace', eventId, '--file', file, '--revision', '4', '--json'),
    );
    expect(times(replaced)).toContain('coffee-break 17:50-18:00');

    // Rescheduled to the morning, the agenda comes along.
    json(
      await cli(
        'event',
        'reschedule',
        eventId,
        '--date',
        date,
        '--start',
        '09:00',
        '--end',
        '12:30',
        '--json',
      ),
    );
    const morning = json(await cli('agenda', 'show', eventId, '--json'));
    expect(times(morning)[0]).toBe('opening 09:00-09:20');
    expect(times(morning)).toContain('coffee-break 11:50-12:00');
    // About twenty runs of the CLI, each a process of its own, seconds each on a loaded machine.
  }, 180_000);
});

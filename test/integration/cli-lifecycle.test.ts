import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runCli, type CliResult } from '../support/cli';
import { startTestStack, type TestStack } from '../support/stack';
import { uniqueId } from '../support/temporal';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers are read field by field
type Json = any;

const ROOT = resolve(__dirname, '..', '..');
const SEED_FILE = join(ROOT, 'examples', 'safi-2018-11-23.json');
const CSV_FILE = join(ROOT, 'examples', 'associations.csv');

function futureDate(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

/** Runs a command until it succeeds (a child workflow may take a moment to start). */
async function until(
  run: () => Promise<CliResult>,
  accept: (result: CliResult) => boolean = (result) => result.code === 0,
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

/** The coordinator's work on a training day, all of it through the CLI with --json. */
describe('the multaqa CLI steering a training day through its lifecycle', () => {
  let stack: TestStack;
  let dir: string;
  beforeAll(async () => {
    stack = await startTestStack('cli-lifecycle');
    dir = mkdtempSync(join(tmpdir(), 'multaqa-cli-'));
    const imported = await runCli(['associations', 'import', CSV_FILE, '--json'], stack.env);
    expect(imported.code).toBe(0);
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

  it('answers for partners and speakers, opens invitations, records RSVPs, reschedules and checks in', async () => {
    const eventId = uniqueId('cli-life');
    json(
      await cli(
        'event',
        'create',
        '--file',
        SEED_FILE,
        '--id',
        eventId,
        '--date',
        futureDate(40),
        '--json',
      ),
    );

    const confirmed = json(
      await until(() => cli('partner', 'confirm', eventId, 'ads-marrakech-safi', '--json')),
    );
    expect(confirmed).toMatchObject({ partnerId: 'ads-marrakech-safi', status: 'confirmed' });
    expect(confirmed.confirmedContributions).toEqual(['speaker', 'outreach']);
    const declined = json(
      await cli(
        'partner',
        'decline',
        eventId,
        'province-safi-social-action',
        '--note',
        'busy',
        '--json',
      ),
    );
    expect(declined.status).toBe('declined');
    const twice = await cli('partner', 'decline', eventId, 'province-safi-social-action', '--json');
    expect(twice.code).toBe(1);

    const speaker = json(
      await until(() => cli('speaker', 'confirm', eventId, 'talk-roles-under-new-laws', '--json')),
    );
    expect(speaker).toMatchObject({
      agendaItemId: 'talk-roles-under-new-laws',
      status: 'confirmed',
    });
    json(
      await until(() =>
        cli('speaker', 'decline', eventId, 'talk-ads-strategy', '--note', 'travelling', '--json'),
      ),
    );
    const replaced = json(
      await cli(
        'speaker',
        'replace',
        eventId,
        'talk-ads-strategy',
        '--id',
        'ads-deputy-coordinator',
        '--name',
        'M. Karim Fassi',
        '--email',
        'k.fassi@ads-marrakech-safi.example.org',
        '--language',
        'fr',
        '--json',
      ),
    );
    expect(replaced).toMatchObject({ speakerId: 'ads-deputy-coordinator', status: 'invited' });

    json(await cli('event', 'advance', eventId, '--to', 'invitations-open', '--json'));
    const open = await until(
      () => cli('event', 'status', eventId, '--json'),
      (result) => result.code === 0 && JSON.parse(result.stdout).registration.invited > 0,
    );
    const status = json(open);
    expect(status.phase).toBe('invitations-open');
    expect(status.partners).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ partnerId: 'ads-marrakech-safi', status: 'confirmed' }),
      ]),
    );
    expect(status.speakers).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ agendaItemId: 'talk-roles-under-new-laws', status: 'confirmed' }),
      ]),
    );

    const accepted = json(
      await cli('rsvp', 'record', eventId, 'potiers-safi', 'accept', '--seats', '2', '--json'),
    );
    expect(accepted).toMatchObject({ associationId: 'potiers-safi', status: 'accepted', seats: 2 });
    const refusal = json(
      await cli('rsvp', 'record', eventId, 'tujjar-souk-safi', 'decline', '--json'),
    );
    expect(refusal.status).toBe('declined');
    const stranger = await cli(
      'rsvp',
      'record',
      eventId,
      'not-invited-anywhere',
      'accept',
      '--json',
    );
    expect(stranger.code).not.toBe(0);

    const invitees = json(
      await cli('event', 'invitees', eventId, '--status', 'accepted', '--json'),
    );
    expect(invitees).toEqual([
      expect.objectContaining({ associationId: 'potiers-safi', seats: 2 }),
    ]);
    const ledger = json(await cli('event', 'waitlist', eventId, '--json'));
    expect(ledger).toMatchObject({ seatsTaken: 2, waitlist: [] });

    const counted = await until(
      () => cli('event', 'status', eventId, '--json'),
      (result) => result.code === 0 && JSON.parse(result.stdout).registration.accepted === 1,
    );
    expect(json(counted).registration).toMatchObject({ accepted: 1, declined: 1 });

    const preview = json(
      await cli(
        'message',
        'preview',
        eventId,
        '--purpose',
        'association-invitation',
        '--to',
        'association:potiers-safi',
        '--json',
      ),
    );
    expect(preview.to.address).toBe('potiers-safi@example.org');
    expect(preview.language).toBe('fr');
    expect(preview.links.rsvp.url).toMatch(/\/links\/rsvp\//);
    const arabic = await cli(
      'message',
      'preview',
      eventId,
      '--purpose',
      'association-invitation',
      '--to',
      'association:tujjar-souk-safi',
    );
    expect(arabic.stdout).toMatch(/Language: ar \(rtl\)/);

    const moved = json(
      await cli(
        'event',
        'reschedule',
        eventId,
        '--date',
        futureDate(41),
        '--start',
        '15:00',
        '--end',
        '18:30',
        '--reason',
        'salle indisponible',
        '--json',
      ),
    );
    expect(moved.revision).toBe(1);
    const misfit = await cli(
      'event',
      'reschedule',
      eventId,
      '--date',
      futureDate(41),
      '--start',
      '16:00',
      '--end',
      '18:30',
    );
    expect(misfit.code).toBe(2);
    // Moved with the day (an hour later), the agenda would end after 18:30.
    expect(misfit.stderr).toMatch(
      /agenda: moved with the day, .* give the agenda for the new hours/,
    );

    json(await cli('event', 'advance', eventId, '--to', 'in-progress', '--json'));
    const arrival = json(
      await until(() => cli('check-in', eventId, 'potiers-safi', '--attendees', '2', '--json')),
    );
    expect(arrival).toMatchObject({ associationId: 'potiers-safi', counted: true, attendees: 2 });
    const again = json(await cli('check-in', eventId, 'potiers-safi', '--json'));
    expect(again.counted).toBe(false);
    const walkIn = json(
      await cli(
        'check-in',
        eventId,
        'cooperative-walk-in',
        '--walk-in',
        '--name',
        'Coopérative Walk-in',
        '--province',
        'Safi',
        '--sector',
        'crafts',
        '--json',
      ),
    );
    expect(walkIn.counted).toBe(true);
    const present = await until(
      () => cli('event', 'status', eventId, '--json'),
      (result) => result.code === 0 && JSON.parse(result.stdout).attendance.checkedIn === 2,
    );
    expect(json(present).attendance).toMatchObject({ checkedIn: 2, walkIns: 1 });

    const recommendation = json(
      await cli(
        'recommendation',
        'add',
        eventId,
        '--id',
        'visits-between-associations',
        '--kind',
        'networking-visits',
        '--text',
        'Organiser des visites entre associations',
        '--json',
      ),
    );
    expect(recommendation).toMatchObject({ id: 'visits-between-associations', owner: 'chamber' });

    const report = json(await cli('report', eventId, '--json'));
    expect(report).toMatchObject({ eventId, totals: expect.objectContaining({ accepted: 1 }) });
    const htmlFile = join(dir, 'report.html');
    const printed = await cli('report', eventId, '--html', htmlFile, '--language', 'ar');
    expect(printed.code).toBe(0);
    expect(readFileSync(htmlFile, 'utf8')).toContain('dir="rtl"');
  });

  it('cancels a training day with a reason, and refuses to cancel it twice', async () => {
    const eventId = uniqueId('cli-cancel');
    json(
      await cli(
        'event',
        'create',
        '--file',
        SEED_FILE,
        '--id',
        eventId,
        '--date',
        futureDate(50),
        '--json',
      ),
    );
    const cancelled = json(
      await cli('event', 'cancel', eventId, '--reason', 'salle indisponible', '--json'),
    );
    expect(cancelled).toEqual({ eventId, phase: 'cancelled' });
    const status = json(await cli('event', 'status', eventId, '--live', '--json'));
    expect(status).toMatchObject({ phase: 'cancelled', cancelledReason: 'salle indisponible' });
    const twice = await cli('event', 'cancel', eventId, '--reason', 'again');
    expect(twice.code).toBe(1);
    expect(twice.stderr).toMatch(/cannot be cancelled|is over/);
  });
});

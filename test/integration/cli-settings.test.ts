import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { verifyLinkToken } from '../../mail/signed-links';
import { freePort } from '../../scripts/stack/ports';
import { runCli } from '../support/cli';
import { startTestStack, type TestStack } from '../support/stack';
import { uniqueId } from '../support/temporal';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers are read field by field
type Json = any;

const ROOT = resolve(__dirname, '..', '..');
const SEED = JSON.parse(
  readFileSync(join(ROOT, 'examples', 'safi-2018-11-23.json'), 'utf8'),
) as Json;
const CSV_HEADER =
  'id,name,sector,province,email,preferred_language,contact_name,member_of_chamber';
const PACKAGE_VERSION = (
  JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }
).version;

/** A coastal deployment: a sector and a province the shipped taxonomy does not have. */
const COASTAL_TAXONOMY = join(ROOT, 'test', 'fixtures', 'coastal-taxonomy.json');

function futureDate(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * The CLI run from a project directory as a user would: settings from `.env` and the secrets
 * `npm start` keeps in `var/secrets/`, nothing from the environment.
 */
describe('the CLI knows where it is: .env, var/secrets, the taxonomy, and errors that name the address', () => {
  let stack: TestStack;
  let project: string;
  const secret = 'secret-from-var-secrets-0123456789abcdef';
  beforeAll(async () => {
    stack = await startTestStack('cli-settings');
    project = mkdtempSync(join(tmpdir(), 'multaqa-project-'));
    mkdirSync(join(project, 'var', 'secrets'), { recursive: true });
    writeFileSync(join(project, 'var', 'secrets', 'link-secret'), `${secret}\n`, { mode: 0o600 });
    writeFileSync(
      join(project, '.env'),
      [
        '# what a deployment keeps next to its var/ folder',
        `TEMPORAL_ADDRESS=${stack.env.TEMPORAL_ADDRESS}`,
        `TEMPORAL_TASK_QUEUE=${stack.env.TEMPORAL_TASK_QUEUE}`,
        `REDIS_PREFIX=${stack.env.REDIS_PREFIX}`,
        `MULTAQA_TAXONOMY=${COASTAL_TAXONOMY}`,
        'PUBLIC_BASE_URL=https://multaqa.example.org',
      ].join('\n'),
    );
  });
  afterAll(async () => {
    await stack?.stop();
    rmSync(project, { recursive: true, force: true });
  });

  const inProject = (...args: string[]) =>
    runCli(args, {}, undefined, { cwd: project, onlyEnv: true });

  it("imports associations of the deployment's own sector, written as its id or its label", async () => {
    const csv = join(project, 'fishing.csv');
    writeFileSync(
      csv,
      [
        CSV_HEADER,
        'pecheurs-safi,Association des pêcheurs de Safi,fishing,Safi,pecheurs@example.org,fr,,yes',
        'marins-essaouira,Association des marins,Pêche,essaouira,marins@example.org,fr,,yes',
      ].join('\n'),
    );
    const imported = await inProject('associations', 'import', csv, '--json');
    expect(imported.stderr).toBe('');
    expect(JSON.parse(imported.stdout)).toMatchObject({ imported: 2, stored: true });
    const listed = JSON.parse((await inProject('associations', 'list', '--json')).stdout) as Json[];
    expect(listed.map((row) => [row.id, row.sector, row.province])).toEqual([
      ['marins-essaouira', 'fishing', 'Essaouira'],
      ['pecheurs-safi', 'fishing', 'Safi'],
    ]);

    // Crafts is shipped by default, but not part of this deployment.
    writeFileSync(csv, `${CSV_HEADER}\npotiers,Potiers,crafts,Safi,potiers@example.org,fr,,yes\n`);
    const refused = await inProject('associations', 'import', csv, '--json');
    expect(refused.code).toBe(2);
    expect(JSON.parse(refused.stdout).problems).toEqual([
      expect.objectContaining({
        row: 2,
        field: 'sector',
        message: expect.stringMatching(/fishing/),
      }),
    ]);
  });

  it('starts a day for that sector and signs its links with the secret npm start keeps in var/secrets', async () => {
    const eventFile = join(project, 'fishing-day.json');
    const eventId = uniqueId('fishing-day');
    writeFileSync(
      eventFile,
      JSON.stringify({
        ...SEED,
        id: eventId,
        audience: { provinces: ['Safi'], sectors: ['fishing'] },
      }),
    );
    const created = await inProject(
      'event',
      'create',
      '--file',
      eventFile,
      '--date',
      futureDate(40),
      '--json',
    );
    expect(created.stderr).toBe('');
    expect(JSON.parse(created.stdout)).toEqual({ eventId });

    const preview = await inProject(
      'message',
      'preview',
      eventId,
      '--purpose',
      'association-invitation',
      '--to',
      'association:pecheurs-safi',
      '--json',
    );
    expect(preview.stderr).toBe('');
    const rsvpUrl = String(JSON.parse(preview.stdout).links.rsvp.url);
    expect(rsvpUrl.startsWith('https://multaqa.example.org/links/rsvp/')).toBe(true);
    const token = decodeURIComponent(rsvpUrl.split('/').pop()!);
    expect(verifyLinkToken(token, secret, new Date(), 'rsvp')).toMatchObject({
      associationId: 'pecheurs-safi',
    });
  });

  it("names Temporal's address when it does not answer, as text and as JSON under --json", async () => {
    const address = `127.0.0.1:${await freePort()}`;
    const text = await runCli(['event', 'status', 'some-day'], { TEMPORAL_ADDRESS: address });
    expect(text.code).toBe(1);
    expect(text.stderr).toContain(`Temporal at ${address} does not answer`);
    expect(text.stderr).toContain('TEMPORAL_ADDRESS');

    const json = await runCli(['event', 'status', 'some-day', '--json'], {
      TEMPORAL_ADDRESS: address,
    });
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stderr)).toMatchObject({
      error: 'Unavailable',
      exitCode: 1,
      message: expect.stringContaining(`Temporal at ${address} does not answer`),
    });
  });

  it('lists training days from the read model (Redis) even when Temporal does not answer', async () => {
    const address = `127.0.0.1:${await freePort()}`;
    const result = await runCli(['event', 'list', '--json'], { TEMPORAL_ADDRESS: address });
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(Array.isArray(JSON.parse(result.stdout))).toBe(true);
  });

  it('reports a bad event file as bad input (2) even when Temporal does not answer', async () => {
    const address = `127.0.0.1:${await freePort()}`;
    const file = join(project, 'no-capacity.json');
    writeFileSync(file, JSON.stringify({ ...SEED, capacity: 0 }));
    const result = await runCli(['event', 'create', '--file', file, '--json'], {
      TEMPORAL_ADDRESS: address,
    });
    expect(result.code).toBe(2);
    expect(JSON.parse(result.stderr).problems).toEqual([
      expect.objectContaining({ field: 'event.capacity' }),
    ]);
  });

  it("names Redis's address, without its password, when it does not answer", async () => {
    const port = await freePort();
    const result = await runCli(['associations', 'list', '--json'], {
      ...stack.env,
      REDIS_URL: `redis://:hunter2-password@127.0.0.1:${port}`,
    });
    expect(result.code).toBe(1);
    const failure = JSON.parse(result.stderr) as Json;
    expect(failure.message).toContain(`Redis at redis://127.0.0.1:${port} does not answer`);
    expect(result.stderr).not.toContain('hunter2');
  });

  it('says which file a bad setting came from, with exit code 2', async () => {
    const other = mkdtempSync(join(tmpdir(), 'multaqa-bad-env-'));
    try {
      writeFileSync(join(other, '.env'), 'PORT=eighty\n');
      const result = await runCli(['event', 'list', '--json'], {}, undefined, {
        cwd: other,
        onlyEnv: true,
      });
      expect(result.code).toBe(2);
      expect(JSON.parse(result.stderr).problems).toEqual([
        { field: `PORT (from ${join(other, '.env')})`, message: expect.any(String) },
      ]);
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });

  it('prints its version', async () => {
    for (const flag of ['--version', '-V']) {
      const result = await runCli([flag]);
      expect(result).toMatchObject({ code: 0, stdout: `${PACKAGE_VERSION}\n` });
    }
  });
});

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { signLink, type LinkPurpose } from '../../mail/signed-links';
import { runCli } from '../support/cli';
import {
  startTestHttpServer,
  startTestStack,
  TEST_LINK_SECRET,
  type TestStack,
} from '../support/stack';
import { uniqueId } from '../support/temporal';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers are read field by field
type Json = any;

const ROOT = resolve(__dirname, '..', '..');
const BAD = join(ROOT, 'test', 'fixtures', 'bad');
const SEED_FILE = join(ROOT, 'examples', 'safi-2018-11-23.json');
const SEED = JSON.parse(readFileSync(SEED_FILE, 'utf8')) as Json;
const CSV_HEADER =
  'id,name,sector,province,email,preferred_language,contact_name,member_of_chamber';
const COORDINATOR_KEY = 'coordinator-key-bad-input-0123456789';

/** One bad input and what multaqa must answer; see `about` in cases.json. */
interface BadCase {
  name: string;
  kind: 'event' | 'csv' | 'cli' | 'http';
  set?: Record<string, unknown>;
  delete?: string[];
  file?: string;
  generate?: 'speakers-4mb' | 'agenda-4mb' | 'padding-9mb';
  lines?: string[];
  header?: string;
  args?: string[];
  method?: string;
  url?: string;
  body?: unknown;
  csv?: string;
  /** A form post (`application/x-www-form-urlencoded`), as link pages receive. */
  form?: string;
  exit?: number;
  status?: number;
  field: string | null;
  notStored?: string[];
}

const CASES = (JSON.parse(readFileSync(join(BAD, 'cases.json'), 'utf8')) as { cases: BadCase[] })
  .cases;
const LONG_ID = 'a'.repeat(5000);

const IN_A_DAY = () => Math.floor(Date.now() / 1000) + 86_400;

/**
 * A link token for `{link:<purpose>:<variant>}`: genuine (signed with the stack's secret) but
 * wrong in one way, or not genuine at all. Genuine ones name a day that was never created.
 */
function linkToken(purpose: LinkPurpose, variant: string): string {
  const claims = {
    purpose,
    eventId: 'never-created-day',
    associationId: 'potiers-safi',
    shard: 0,
    generation: 1,
    expiresAt: IN_A_DAY(),
  };
  const genuine = signLink(claims, TEST_LINK_SECRET);
  const [payload, signature] = genuine.split('.') as [string, string];
  switch (variant) {
    case 'genuine':
      return genuine;
    case 'expired':
      return signLink({ ...claims, expiresAt: 1_000_000 }, TEST_LINK_SECRET);
    case 'tampered': {
      // Another association in the payload, the original signature kept.
      const forged = Buffer.from(
        JSON.stringify({ ...JSON.parse(Buffer.from(payload, 'base64url').toString()), a: 'other' }),
      ).toString('base64url');
      return `${forged}.${signature}`;
    }
    case 'unsigned':
      return payload;
    case 'other-secret':
      return signLink(claims, 'another-secret-0123456789abcdef0123456789');
    default:
      throw new Error(`unknown link variant ${variant}`);
  }
}

function substitute(text: string): string {
  return text
    .replace(/\{link:([a-z-]+):([a-z-]+)\}/, (_, purpose: LinkPurpose, variant: string) =>
      linkToken(purpose, variant),
    )
    .replace('{bad}', BAD)
    .replace('{seed}', SEED_FILE)
    .replace('{long-id}', LONG_ID)
    .replace('{id-100}', LONG_ID.slice(0, 100));
}

/** The seed day with `set` (dotted paths) and `delete` applied. */
function patchedSeed(badCase: BadCase): Json {
  const copy = structuredClone(SEED) as Json;
  const walk = (path: string) => {
    const keys = path.split('.');
    const last = keys.pop()!;
    let target = copy;
    for (const key of keys) target = target[key];
    return { target, last };
  };
  for (const [path, value] of Object.entries(badCase.set ?? {})) {
    const { target, last } = walk(path);
    target[last] = value;
  }
  for (const path of badCase.delete ?? []) {
    const { target, last } = walk(path);
    delete target[last];
  }
  return copy;
}

/** Event content made for a case: far larger than any real day. */
function generated(kind: NonNullable<BadCase['generate']>): string {
  if (kind === 'padding-9mb') return `${JSON.stringify(SEED)}${' '.repeat(9 * 1024 * 1024)}`;
  const copy = structuredClone(SEED) as Json;
  if (kind === 'speakers-4mb') {
    const extra = Array.from({ length: 20_000 }, (_, index) => ({
      id: `speaker-${index}`,
      name: `Speaker number ${index} with a reasonably long name`,
      email: `speaker-${index}@example.org`,
      language: 'fr',
      role: { fr: 'Intervenant invité pour une journée de formation très longue' },
    }));
    copy.speakers = [...copy.speakers, ...extra];
  } else {
    const filler = 'x'.repeat(180);
    copy.agenda = Array.from({ length: 20_000 }, (_, index) => ({
      id: `item-${index}`,
      kind: 'discussion',
      title: { fr: `Point ${index} ${filler}` },
      start: '15:00',
      end: '15:01',
    }));
  }
  return JSON.stringify(copy);
}

/** Every field the CLI named: in its JSON error (stderr) and, for imports, its report (stdout). */
function cliFields(stdout: string, stderr: string): string[] {
  const fields: string[] = [];
  for (const text of [stderr.trim().split('\n').pop() ?? '', stdout]) {
    try {
      const parsed = JSON.parse(text) as Json;
      for (const problem of parsed?.problems ?? []) fields.push(String(problem.field));
    } catch {
      // not JSON: nothing named here
    }
  }
  return fields;
}

describe('the bad-input corpus (test/fixtures/bad/cases.json): each bad input is called bad input, naming the field', () => {
  let stack: TestStack;
  let server: { url: string; close(): Promise<void> };
  let dir: string;
  beforeAll(async () => {
    stack = await startTestStack('bad-input', {
      API_KEYS: `coordinator:${COORDINATOR_KEY}`,
    });
    server = await startTestHttpServer(stack);
    dir = mkdtempSync(join(tmpdir(), 'multaqa-bad-'));
  });
  afterAll(async () => {
    await server?.close();
    await stack?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('holds at least 80 cases, each with an expected exit code or HTTP status', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(80);
    for (const badCase of CASES) expect(badCase.exit ?? badCase.status).toBeDefined();
    expect(new Set(CASES.map((badCase) => badCase.name)).size).toBe(CASES.length);
  });

  /** The CLI's arguments for a case, writing its input to a file first. */
  function cliArgs(badCase: BadCase, index: number): string[] {
    if (badCase.kind === 'cli') return badCase.args!.map(substitute);
    const file = join(dir, `case-${index}.${badCase.kind === 'csv' ? 'csv' : 'json'}`);
    writeFileSync(file, inputBytes(badCase));
    return badCase.kind === 'csv'
      ? ['associations', 'import', file]
      : ['event', 'create', '--file', file];
  }

  function inputBytes(badCase: BadCase): Buffer {
    if (badCase.file) return readFileSync(join(BAD, badCase.file));
    if (badCase.generate) return Buffer.from(generated(badCase.generate));
    if (badCase.kind === 'csv') {
      const header = badCase.header ?? CSV_HEADER;
      const lines = [header, ...(badCase.lines ?? [])].filter((line) => line !== '');
      return Buffer.from(lines.length > 0 ? `${lines.join('\n')}\n` : '');
    }
    const event = patchedSeed(badCase);
    if (!badCase.set || !('id' in badCase.set)) event.id = uniqueId('bad-day');
    return Buffer.from(JSON.stringify(event));
  }

  const viaCli = CASES.map((badCase, index) => ({ ...badCase, index })).filter(
    (badCase) => badCase.exit !== undefined,
  );
  it.each(viaCli)('CLI: $name → exit $exit naming "$field"', async (badCase) => {
    const result = await runCli([...cliArgs(badCase, badCase.index), '--json'], stack.env);
    expect({ code: result.code, stderr: result.stderr }).toMatchObject({ code: badCase.exit });
    const failure = JSON.parse(result.stderr.trim().split('\n').pop()!) as Json;
    expect(failure).toMatchObject({ exitCode: badCase.exit });
    // No invisible characters (a byte order mark) in what the user reads.
    expect(result.stderr).not.toMatch(/[\uFEFF\uFFFD]/);
    if (badCase.field)
      expect(cliFields(result.stdout, result.stderr)).toContainEqual(
        expect.stringContaining(badCase.field),
      );
    for (const id of badCase.notStored ?? [])
      expect(await stack.redis.redis.hexists(`${stack.config.REDIS_PREFIX}associations`, id)).toBe(
        0,
      );
  });

  const viaHttp = CASES.filter(
    (badCase) => badCase.status !== undefined && (badCase.kind !== 'event' || !badCase.file),
  );
  it.each(viaHttp)('HTTP: $name → $status naming "$field"', async (badCase) => {
    const headers: Record<string, string> = { authorization: `Bearer ${COORDINATOR_KEY}` };
    let method = badCase.method ?? 'POST';
    let url = substitute(badCase.url ?? '');
    let body: Buffer | string | undefined;
    if (badCase.kind === 'csv' || badCase.csv !== undefined) {
      url ||= '/api/associations/import';
      headers['content-type'] = 'text/csv';
      body = badCase.csv ?? inputBytes(badCase);
    } else if (badCase.kind === 'event' || badCase.generate) {
      url ||= '/api/events';
      method = 'POST';
      headers['content-type'] = 'application/json';
      body = inputBytes(badCase);
    } else if (badCase.form !== undefined) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      body = badCase.form;
    } else if (badCase.body !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(badCase.body);
    }
    const response = await fetch(`${server.url}${url}`, {
      method,
      headers,
      body:
        typeof body === 'string' || body === undefined ? body : new Blob([new Uint8Array(body)]),
    });
    const text = await response.text();
    expect({ status: response.status, text: text.slice(0, 500) }).toMatchObject({
      status: badCase.status,
    });
    if (badCase.field) {
      const answer = JSON.parse(text) as Json;
      expect((answer.problems ?? []).map((problem: Json) => String(problem.field))).toContainEqual(
        expect.stringContaining(badCase.field),
      );
    }
    for (const id of badCase.notStored ?? [])
      expect(await stack.redis.redis.hexists(`${stack.config.REDIS_PREFIX}associations`, id)).toBe(
        0,
      );
  });

  it('refuses an email that already belongs to another association of the directory, whatever its case', async () => {
    const file = join(dir, 'owner.csv');
    const importRows = async (...rows: string[]) => {
      writeFileSync(file, `${[CSV_HEADER, ...rows].join('\n')}\n`);
      return runCli(['associations', 'import', file, '--json'], stack.env);
    };
    const stored = `${stack.config.REDIS_PREFIX}associations`;
    expect((await importRows('owner-one,One,trade,Safi,Shared@Example.org,fr,,yes')).code).toBe(0);

    const taken = await importRows('owner-two,Two,trade,Safi,shared@example.org,fr,,yes');
    expect(taken.code).toBe(2);
    expect(JSON.parse(taken.stdout).problems).toEqual([
      expect.objectContaining({
        row: 2,
        field: 'email',
        message: expect.stringContaining('owner-one'),
      }),
    ]);
    expect(await stack.redis.redis.hexists(stored, 'owner-two')).toBe(0);

    // The same association may keep its address; once it moves, the old one is free.
    expect((await importRows('owner-one,One,trade,Safi,shared@example.org,fr,,yes')).code).toBe(0);
    expect((await importRows('owner-one,One,trade,Safi,new-one@example.org,fr,,yes')).code).toBe(0);
    expect((await importRows('owner-two,Two,trade,Safi,SHARED@example.org,fr,,yes')).code).toBe(0);
    expect(JSON.parse((await stack.redis.redis.hget(stored, 'owner-two'))!).email).toBe(
      'shared@example.org',
    );
  });
});

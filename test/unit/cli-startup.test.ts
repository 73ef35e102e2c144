import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Command } from 'commander';
import { COMMANDS, namedCommand } from '../../client/cli/commands';

const BIN = resolve(__dirname, '..', '..', 'bin', 'multaqa.js');

/** Heavy modules a quick command must not load (each costs 50-500 ms at start). */
const HEAVY = ['@temporalio/client', '@temporalio/worker', 'ioredis', 'fastify', 'zod'];

/**
 * Runs the built bin as a user would and returns its exit code and the modules it loaded
 * (the keys of `require.cache` when it exits). Run `npm run build` first.
 */
function loadedBy(args: string[], env: Record<string, string> = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'multaqa-startup-'));
  const out = join(dir, 'loaded.json');
  const probe = [
    "const { writeFileSync } = require('node:fs');",
    'process.on("exit", () => writeFileSync(process.env.LOADED_OUT, JSON.stringify(Object.keys(require.cache))));',
    `process.argv.splice(1, 0, ${JSON.stringify(BIN)});`,
    `require(${JSON.stringify(BIN)});`,
  ].join('\n');
  try {
    const run = spawnSync(process.execPath, ['-e', probe, '--', ...args], {
      env: { ...process.env, ...env, LOADED_OUT: out },
      encoding: 'utf8',
    });
    const modules = JSON.parse(readFileSync(out, 'utf8')) as string[];
    return { code: run.status, stdout: run.stdout, stderr: run.stderr, modules };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The packages of `names` that `modules` (paths) load from node_modules. */
function heavyIn(modules: string[], names: string[]): string[] {
  return names.filter((name) => modules.some((path) => path.includes(`/node_modules/${name}/`)));
}

beforeAll(() => {
  if (!existsSync(resolve(__dirname, '..', '..', 'dist', 'client', 'cli', 'main.js')))
    throw new Error('build first: npm run build');
});

describe('CLI start-up', () => {
  it.each([['--help'], ['--version'], ['-V']])(
    '`multaqa %s` loads neither Temporal, Redis, Fastify nor zod',
    (...args: string[]) => {
      const run = loadedBy(args);
      expect(run.code).toBe(0);
      expect(run.stdout).not.toBe('');
      expect(heavyIn(run.modules, HEAVY)).toEqual([]);
      expect(run.modules.filter((path) => path.includes(join('dist', 'workflows')))).toEqual([]);
    },
  );

  it('loads only the named command group: `event --help` loads no other group nor a client', () => {
    const run = loadedBy(['event', '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('reschedule');
    const groups = run.modules
      .filter((path) => path.includes(join('dist', 'client', 'cli', 'commands')))
      .map((path) => path.split('/').pop());
    expect(groups.sort()).toEqual(['deliveries.js', 'event.js', 'index.js']);
    expect(heavyIn(run.modules, ['@temporalio/client', 'ioredis', 'fastify'])).toEqual([]);
  });

  it('a Redis-only command (`event list`) never loads the Temporal client nor workflow code', () => {
    // A closed port: the command fails (1) naming Redis, after loading all it needs.
    const run = loadedBy(['event', 'list', '--json'], { REDIS_URL: 'redis://127.0.0.1:1' });
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stderr)).toMatchObject({ error: 'Unavailable' });
    expect(heavyIn(run.modules, ['ioredis'])).toEqual(['ioredis']);
    expect(heavyIn(run.modules, ['@temporalio/client', '@temporalio/common', 'fastify'])).toEqual(
      [],
    );
    expect(run.modules.filter((path) => path.includes(join('dist', 'workflows')))).toEqual([]);
  });

  it('keeps exit code 2 and the field for a bad option when the command is loaded lazily', () => {
    const run = loadedBy(['event', 'list', '--phase', 'nope', '--json']);
    expect(run.code).toBe(2);
    expect(JSON.parse(run.stderr).problems).toEqual([expect.objectContaining({ field: 'phase' })]);
  });
});

describe('the table of commands', () => {
  it('describes each command as its module does, so the help and the commands agree', async () => {
    for (const entry of COMMANDS) {
      const program = new Command('multaqa');
      (await entry.load())(program);
      const command = program.commands.find((candidate) => candidate.name() === entry.name);
      expect({ name: entry.name, description: command?.description() }).toEqual({
        name: entry.name,
        description: entry.description,
      });
    }
  });

  it('lists every command the modules register, once', async () => {
    const registered = new Set<string>();
    for (const entry of COMMANDS) {
      const program = new Command('multaqa');
      (await entry.load())(program);
      for (const command of program.commands) registered.add(command.name());
    }
    expect(COMMANDS.map((entry) => entry.name).sort()).toEqual([...registered].sort());
  });

  it('finds the command a run names, after options and behind `help`', () => {
    expect(namedCommand(['node', 'multaqa', 'event', 'list'])?.name).toBe('event');
    expect(namedCommand(['node', 'multaqa', '--json', 'check-ins', 'x'])?.name).toBe('check-ins');
    expect(namedCommand(['node', 'multaqa', 'help', 'visit'])?.name).toBe('visit');
    expect(namedCommand(['node', 'multaqa', '--help'])).toBeUndefined();
    expect(namedCommand(['node', 'multaqa', 'nope'])).toBeUndefined();
  });
});

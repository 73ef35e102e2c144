import { parse as parseDotenv } from 'dotenv';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { ConfigError, parseConfig, type Config } from '../domain/config';
import type { Taxonomy } from '../domain/taxonomy';
import { taxonomyOf } from './taxonomy-file';

/** The secrets an embedded run keeps under `var/secrets/`, by file name. */
export const SECRET_FILES = {
  link: 'link-secret',
  coordinatorKey: 'coordinator-api-key',
  viewerKey: 'viewer-api-key',
} as const;

/**
 * A secret kept in a file (mode 0600). With `make`, made on first use: embedded runs sign links
 * and authenticate coordinators without the user choosing secrets, and keep them across
 * restarts. Without it, undefined when the file is not there.
 */
export function fileSecret(path: string, make?: () => string): string | undefined {
  if (existsSync(path)) return readFileSync(path, 'utf8').trim() || undefined;
  if (!make) return undefined;
  mkdirSync(dirname(path), { recursive: true });
  const value = make();
  writeFileSync(path, `${value}\n`, { mode: 0o600 });
  return value;
}

const makeSecret = () => randomBytes(32).toString('base64url');

export interface SettingsOptions {
  /** The process environment (default `process.env`); it wins over every file. */
  env?: Record<string, string | undefined>;
  /** Where `.env` and a relative `MULTAQA_VAR_DIR` are looked for (default the working directory). */
  cwd?: string;
  /** Make the `var/secrets/` files that are missing (`npm start`); else only read them. */
  makeSecrets?: boolean;
}

/** The environment a process runs with, and where each variable came from. */
export interface SettingsEnvironment {
  env: Record<string, string | undefined>;
  /** Variable name → `.env` file or secret file it was read from (absent: the environment). */
  sources: Record<string, string>;
}

/**
 * The variables `npm start` and the CLI share, in order of precedence: the environment, then a
 * `.env` file in `cwd` (if there is one), then the secrets `npm start` keeps in
 * `MULTAQA_VAR_DIR/secrets/` (link secret, API keys). Nothing is written to `process.env`.
 */
export function settingsEnvironment(options: SettingsOptions = {}): SettingsEnvironment {
  const cwd = options.cwd ?? process.cwd();
  const env: Record<string, string | undefined> = { ...(options.env ?? process.env) };
  const sources: Record<string, string> = {};
  const give = (name: string, value: string | undefined, source: string) => {
    if (value === undefined || value === '' || (env[name] ?? '') !== '') return;
    env[name] = value;
    sources[name] = source;
  };
  const dotenvPath = join(cwd, '.env');
  if (existsSync(dotenvPath)) {
    let values: Record<string, string>;
    try {
      values = parseDotenv(readFileSync(dotenvPath));
    } catch (error) {
      throw new ConfigError([`${dotenvPath}: cannot read: ${(error as Error).message}`]);
    }
    for (const [name, value] of Object.entries(values)) give(name, value, dotenvPath);
  }
  const secretsDir = join(resolve(cwd, env.MULTAQA_VAR_DIR || 'var'), 'secrets');
  const make = options.makeSecrets ? makeSecret : undefined;
  const secret = (file: string) => fileSecret(join(secretsDir, file), make);
  const linkPath = join(secretsDir, SECRET_FILES.link);
  if (!env.LINK_SECRET) give('LINK_SECRET', secret(SECRET_FILES.link), linkPath);
  if (!env.API_KEYS) {
    const coordinator = secret(SECRET_FILES.coordinatorKey);
    const viewer = secret(SECRET_FILES.viewerKey);
    const pairs = [
      coordinator ? `coordinator:${coordinator}` : undefined,
      viewer ? `viewer:${viewer}` : undefined,
    ].filter(Boolean);
    give('API_KEYS', pairs.join(','), secretsDir);
  }
  return { env, sources };
}

/** What a multaqa process runs with: the parsed configuration and the deployment's taxonomy. */
export interface Settings {
  config: Config;
  taxonomy: Taxonomy;
  /** Where variables not from the environment came from (see `settingsEnvironment`). */
  sources: Record<string, string>;
}

/**
 * Reads the settings once: environment, `.env`, `var/secrets/`, then the taxonomy file. A bad
 * value is a `ConfigError` listing every problem, each naming the file it came from.
 */
export function loadSettings(options: SettingsOptions = {}): Settings {
  const { env, sources } = settingsEnvironment(options);
  let config: Config;
  try {
    config = parseConfig(env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    throw new ConfigError(
      error.problems.map((problem) => {
        const name = problem.split(':', 1)[0]!;
        const source = sources[name];
        return source ? `${name} (from ${source})${problem.slice(name.length)}` : problem;
      }),
    );
  }
  return { config, taxonomy: taxonomyOf(config), sources };
}

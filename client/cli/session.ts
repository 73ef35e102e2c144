import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Connections } from '../connections';
import { loadSettings, type Settings } from '../settings';
import { ValidationError } from '../validation';

let settings: Settings | undefined;

/** The CLI's settings, read once per run: the same environment, `.env` and secrets as `npm start`. */
export function cliSettings(): Settings {
  settings ??= loadSettings();
  return settings;
}

/** Runs `work` with Temporal and Redis opened from the settings, and closes them after. */
export async function withConnections<T>(
  work: (connections: Connections) => Promise<T>,
): Promise<T> {
  // Imported when a command runs, so `--help` and commands that need no server stay quick.
  const { openConnections } = await import('../connections');
  const connections = await openConnections(cliSettings().config);
  try {
    return await work(connections);
  } finally {
    await connections.close();
  }
}

/**
 * Runs `work` with Redis only, for commands that read the directory or the read model: they
 * neither load the Temporal client nor need Temporal to be up.
 */
export async function withRedis<T>(
  work: (connections: Pick<Connections, 'config' | 'redis'>) => Promise<T>,
): Promise<T> {
  const { connectRedis } = await import('../connections');
  const { config } = cliSettings();
  const redis = await connectRedis(config);
  try {
    return await work({ config, redis });
  } finally {
    redis.disconnect();
  }
}

/** Largest file the CLI reads whole: anything bigger is not an event or agenda file. */
export const MAX_INPUT_FILE_BYTES = 8 * 1024 * 1024;

/**
 * The size of a file given on the command line, or a `ValidationError` naming `field` when it
 * is missing, a directory, or over `maxBytes`.
 */
export function inputFileSize(path: string, field = 'file', maxBytes = Infinity): number {
  let stats;
  try {
    stats = statSync(path);
  } catch (error) {
    throw new ValidationError([
      { field, message: `cannot read ${path}: ${(error as Error).message}` },
    ]);
  }
  if (!stats.isFile())
    throw new ValidationError([{ field, message: `${path} is a directory, not a file` }]);
  if (stats.size > maxBytes)
    throw new ValidationError([
      {
        field,
        message: `${path} is ${(stats.size / 1024 / 1024).toFixed(1)} MB; at most ${maxBytes / 1024 / 1024} MB`,
      },
    ]);
  return stats.size;
}

/**
 * Checks, before any work, that a file the command will write can be: not a directory, in a
 * folder that exists. Problems name `field` (exit code 2).
 */
export function checkOutputFile(path: string, field: string): void {
  const absolute = resolve(path);
  if (existsSync(absolute) && statSync(absolute).isDirectory())
    throw new ValidationError([{ field, message: `${path} is a directory, not a file` }]);
  if (!existsSync(dirname(absolute)))
    throw new ValidationError([
      { field, message: `the folder ${dirname(absolute)} does not exist` },
    ]);
}

/**
 * Reads and parses a JSON file given on the command line; problems name `field`. A UTF-8 byte
 * order mark (Windows editors write one) is skipped rather than reported.
 */
export function readJsonFile(path: string, field = 'file'): unknown {
  inputFileSize(path, field, MAX_INPUT_FILE_BYTES);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new ValidationError([
      { field, message: `cannot read ${path}: ${(error as Error).message}` },
    ]);
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new ValidationError([
      { field, message: `${path} is not valid JSON: ${(error as Error).message}` },
    ]);
  }
}

/** A number option as given (so validation can name it when it is not a number). */
export function numberOption(value: string | undefined): number | undefined {
  return value === undefined ? undefined : Number(value);
}

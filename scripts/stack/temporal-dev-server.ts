import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import { SEARCH_ATTRIBUTE_DECLARATIONS } from '../../domain/search-attributes';
import { waitForPort } from './ports';
import { requireTemporalBinary } from './temporal-binaries';

export interface DevServerOptions {
  ip?: string;
  port: number;
  /** Web UI port; `undefined` runs headless. */
  uiPort?: number;
  /** SQLite file to persist to; in memory when unset. */
  dbFile?: string;
  namespace?: string;
  /** Where the server's own output goes; inherits nothing when unset. */
  logFile?: string;
  /** Keep running after this process exits (the service's `npm start` does not). */
  detached?: boolean;
}

export interface RunningDevServer {
  address: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

/**
 * Starts the official Temporal CLI dev server with multaqa's search attributes, and waits
 * for its frontend port. SQLite in WAL mode: the dev server's throughput is bounded by it.
 */
export async function startTemporalDevServer(options: DevServerOptions): Promise<RunningDevServer> {
  const ip = options.ip ?? '127.0.0.1';
  const args = [
    'server',
    'start-dev',
    '--ip',
    ip,
    '--port',
    String(options.port),
    '--log-level',
    'warn',
  ];
  args.push('--namespace', options.namespace ?? 'default');
  if (options.uiPort === undefined) args.push('--headless');
  else args.push('--ui-port', String(options.uiPort));
  if (options.dbFile) {
    mkdirSync(dirname(options.dbFile), { recursive: true });
    args.push('--db-filename', options.dbFile);
  }
  args.push('--sqlite-pragma', 'journal_mode=wal', '--sqlite-pragma', 'synchronous=normal');
  for (const declaration of SEARCH_ATTRIBUTE_DECLARATIONS)
    args.push('--search-attribute', declaration);
  let output: 'ignore' | number = 'ignore';
  if (options.logFile) {
    mkdirSync(dirname(options.logFile), { recursive: true });
    output = openSync(options.logFile, 'a');
  }
  const child = spawn(requireTemporalBinary('temporal'), args, {
    stdio: ['ignore', output, output],
    detached: options.detached ?? false,
  });
  const exited = new Promise<never>((_, reject) =>
    child.once('exit', (code) =>
      reject(new Error(`temporal dev server exited early with code ${code}`)),
    ),
  );
  exited.catch(() => undefined);
  await Promise.race([waitForPort(ip, options.port, 60_000, 'Temporal dev server'), exited]);
  return {
    address: `${ip}:${options.port}`,
    process: child,
    stop: () => stopProcess(child),
  };
}

/** SIGTERM, then SIGKILL after a grace period. */
export async function stopProcess(child: ChildProcess, graceMs = 10_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  await new Promise<void>((resolveStop) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolveStop();
    });
    child.kill('SIGTERM');
  });
}

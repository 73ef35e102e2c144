import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';

const ROOT = resolve(__dirname, '..', '..');

/**
 * Starts a worker script in its own process (TypeScript through tsx, or a built `.js` entry
 * point such as `dist/workers/main.js`), so that a test can kill it, and waits until it prints
 * `readyText`.
 */
export async function startWorkerProcess(
  script: string,
  env: Record<string, string>,
  startTimeoutMs = 45_000,
  readyText = 'worker ready',
): Promise<ChildProcess> {
  const args = script.endsWith('.js') ? [script] : ['--import', 'tsx', script];
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let errors = '';
  child.stderr?.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  await new Promise<void>((ready, fail) => {
    const timer = setTimeout(
      () => fail(new Error(`worker did not start: ${errors}`)),
      startTimeoutMs,
    );
    child.stdout?.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes(readyText)) {
        clearTimeout(timer);
        ready();
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`worker exited with ${code}: ${errors}`));
    });
  });
  return child;
}

/** Sends `signal` and waits for the process to exit (at once if it already has). */
export async function stopWorkerProcess(
  child: ChildProcess,
  signal: NodeJS.Signals,
): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((done) => child.once('exit', done));
  child.kill(signal);
  await exited;
}

import { randomUUID } from 'node:crypto';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freePort, isListening } from '../../scripts/stack/ports';
import { runCli } from '../support/cli';
import { TEST_REDIS_URL } from '../support/redis';

const ROOT = resolve(__dirname, '..', '..');
const START = join(ROOT, 'dist', 'scripts', 'start.js');

function startService(env: Record<string, string>): {
  child: ChildProcessWithoutNullStreams;
  output: () => string;
  ready: Promise<void>;
} {
  const child = spawn(process.execPath, [START], { cwd: ROOT, env: { ...process.env, ...env } });
  let output = '';
  const ready = new Promise<void>((resolveReady, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('multaqa is running')) resolveReady();
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => reject(new Error(`npm start exited with ${code}:\n${output}`)));
  });
  ready.catch(() => undefined);
  return { child, output: () => output, ready };
}

describe('npm start: the service on embedded defaults', () => {
  it('starts Temporal and an embedded SMTP server, reports every dependency up, serves the CLI, stops cleanly on Ctrl-C, and keeps workflows across a restart', async () => {
    const [temporalPort, uiPort, httpPort] = [await freePort(), await freePort(), await freePort()];
    const varDir = mkdtempSync(join(tmpdir(), 'multaqa-start-'));
    const env = {
      TEMPORAL_ADDRESS: `127.0.0.1:${temporalPort}`,
      TEMPORAL_UI_URL: `http://127.0.0.1:${uiPort}`,
      TEMPORAL_TASK_QUEUE: `npm-start-${temporalPort}`,
      REDIS_URL: TEST_REDIS_URL,
      // Unique per run: event ids are kept for good, and ports come round again.
      REDIS_PREFIX: `multaqa-test:npm-start-${temporalPort}-${randomUUID().slice(0, 8)}:`,
      PORT: String(httpPort),
      MULTAQA_VAR_DIR: varDir,
      SMTP_URL: '',
      LINK_SECRET: '',
      API_KEYS: '',
    };
    const service = startService(env);
    try {
      await service.ready;
      expect(service.output()).toContain(`(started, messages kept in ${join(varDir, 'outbox')})`);
      const health = (await (await fetch(`http://127.0.0.1:${httpPort}/healthz`)).json()) as {
        status: string;
        checks: Record<string, { status: string }>;
      };
      expect(health.status).toBe('ok');
      expect(
        Object.fromEntries(
          Object.entries(health.checks).map(([name, check]) => [name, check.status]),
        ),
      ).toEqual({
        temporal: 'up',
        redis: 'up',
        smtp: 'up',
        worker: 'up',
      });
      expect(readdirSync(join(varDir, 'secrets')).sort()).toEqual([
        'coordinator-api-key',
        'link-secret',
        'viewer-api-key',
      ]);
      // One scrape has the HTTP server's, the worker's and the Temporal SDK's metrics.
      const viewerKey = readFileSync(join(varDir, 'secrets', 'viewer-api-key'), 'utf8').trim();
      const metrics = await (
        await fetch(`http://127.0.0.1:${httpPort}/metrics`, {
          headers: { authorization: `Bearer ${viewerKey}` },
        })
      ).text();
      expect(metrics).toMatch(/^# TYPE multaqa_messages_total counter/m);
      expect(metrics).toMatch(/^multaqa_training_days\{phase="draft"\} \d+/m);
      expect(metrics).toMatch(/^temporal_\w+/m);

      const cliEnv = env;
      const created = await runCli(
        ['event', 'create', '--file', join(ROOT, 'examples', 'safi-2018-11-23.json'), '--json'],
        cliEnv,
      );
      expect(created.stderr).toBe('');
      expect(JSON.parse(created.stdout)).toEqual({ eventId: 'safi-2018-11-23' });
      const status = await runCli(
        ['event', 'status', 'safi-2018-11-23', '--json', '--live'],
        cliEnv,
      );
      expect(status.code).toBe(0);
      expect(JSON.parse(status.stdout)).toHaveProperty('phase');
    } finally {
      const exited = new Promise<number | null>((resolveExit) =>
        service.child.once('exit', (code) => resolveExit(code)),
      );
      service.child.kill('SIGINT');
      expect(await exited).toBe(0);
    }
    expect(await isListening('127.0.0.1', temporalPort)).toBe(false);
    expect(await isListening('127.0.0.1', httpPort)).toBe(false);

    // Started again on the same var/ folder, the dev server still has the training day.
    const again = startService(env);
    try {
      await again.ready;
      const status = await runCli(['event', 'status', 'safi-2018-11-23', '--json', '--live'], env);
      expect(status.stderr).toBe('');
      expect(JSON.parse(status.stdout)).toMatchObject({ eventId: 'safi-2018-11-23' });
    } finally {
      const exited = new Promise<number | null>((resolveExit) =>
        again.child.once('exit', (code) => resolveExit(code)),
      );
      again.child.kill('SIGINT');
      expect(await exited).toBe(0);
    }
  }, 120_000);

  it('refuses a bad environment with one message naming every bad variable, and exit code 2', async () => {
    const service = startService({
      PORT: 'eighty',
      REDIS_URL: 'http://nowhere',
      MULTAQA_VAR_DIR: mkdtempSync(join(tmpdir(), 'multaqa-bad-')),
    });
    const code = await new Promise<number | null>((resolveExit) =>
      service.child.once('exit', (exitCode) => resolveExit(exitCode)),
    );
    expect(code).toBe(2);
    expect(service.output()).toMatch(/PORT: /);
    expect(service.output()).toMatch(/REDIS_URL: /);
  });
});

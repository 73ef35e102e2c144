import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '..', '..');
const installed = spawnSync('docker-compose', ['version'], { stdio: 'ignore' }).status === 0;

if (!installed) {
  console.warn(
    'docker-compose is not installed (apt-get install docker-compose): docker-compose.yml not checked',
  );
}

/** The values examples/compose.env asks for. */
const FILLED = {
  TEMPORAL_DB_PASSWORD: 'db-secret-of-the-test',
  LINK_SECRET: 'link-secret-of-the-test-0123456789abcdef0123456789',
  API_KEYS: 'coordinator:coordinator-key-0123456789,viewer:viewer-key-0123456789ab',
  PUBLIC_BASE_URL: 'https://events.chamber.example',
  SMTP_FROM: 'Chamber <events@chamber.example>',
};

/** `docker-compose config` with only these values (not the caller's environment or .env). */
function composeConfig(values: Record<string, string>, ...args: string[]) {
  const envFile = join(mkdtempSync(join(tmpdir(), 'multaqa-compose-')), 'test.env');
  writeFileSync(
    envFile,
    Object.entries(values)
      .map(([name, value]) => `${name}=${value}`)
      .join('\n'),
  );
  return spawnSync('docker-compose', ['--env-file', envFile, 'config', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin' },
  });
}

(installed ? describe : describe.skip)('docker-compose.yml', () => {
  it('is a valid Compose file with every service the README promises', () => {
    const result = composeConfig(FILLED, '--services');
    expect(result.stderr).not.toMatch(/ERROR/);
    expect(result.status).toBe(0);
    const services = result.stdout.trim().split('\n').sort();
    expect(services).toEqual([
      'http',
      'mailpit',
      'postgresql',
      'redis',
      'setup',
      'temporal',
      'temporal-namespace',
      'temporal-schema',
      'temporal-ui',
      'worker',
    ]);
  });

  it('has no default secrets: each missing value stops it with a message naming it', () => {
    for (const name of Object.keys(FILLED)) {
      const values: Record<string, string> = { ...FILLED };
      delete values[name];
      const result = composeConfig(values);
      expect(result.status).not.toBe(0);
      expect(result.stderr).toContain(`set ${name} in .env`);
    }
    const compose = readFileSync(join(ROOT, 'docker-compose.yml'), 'utf8');
    expect(compose).not.toMatch(/(SECRET|API_KEYS|PASSWORD|PWD)[^\n]*:-/);
    expect(compose).not.toMatch(/change-me/);
  });

  it('publishes only the HTTP server, and the operator views on loopback', () => {
    const config = composeConfig(FILLED).stdout;
    const published = [...config.matchAll(/^\s+- (?:published: (\d+)|(\S+:\d+:\d+)\/tcp)$/gm)].map(
      (match) => match[1] ?? match[2],
    );
    expect(published.sort()).toEqual(['127.0.0.1:8025:8025', '127.0.0.1:8233:8080', '3000']);
  });

  it('uses the current images and health checks: Temporal server set up by admin-tools, the temporal CLI', () => {
    const compose = readFileSync(join(ROOT, 'docker-compose.yml'), 'utf8');
    expect(compose).not.toMatch(/auto-setup|tctl/);
    expect(compose).toMatch(/image: temporalio\/server:/);
    expect(compose).toMatch(/image: temporalio\/admin-tools:/);
    expect(compose).toMatch(/'temporal', 'operator', 'cluster', 'health'/);
    const config = composeConfig(FILLED).stdout;
    expect(config).toMatch(/replicas: 2/);
  });

  it('runs entry points that exist in the source tree', () => {
    const compose = readFileSync(join(ROOT, 'docker-compose.yml'), 'utf8');
    const entryPoints = [...compose.matchAll(/['"]dist\/([\w/-]+)\.js['"]/g)].map(
      (match) => match[1]!,
    );
    expect(entryPoints.length).toBeGreaterThanOrEqual(3);
    for (const entryPoint of entryPoints)
      expect(existsSync(join(ROOT, `${entryPoint}.ts`))).toBe(true);
  });
});

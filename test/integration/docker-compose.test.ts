import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '..', '..');
const installed = spawnSync('docker-compose', ['version'], { stdio: 'ignore' }).status === 0;

if (!installed) {
  console.warn(
    'docker-compose is not installed (apt-get install docker-compose): docker-compose.yml not checked',
  );
}

(installed ? describe : describe.skip)('docker-compose.yml', () => {
  it('is a valid Compose file with every service the README promises', () => {
    const result = spawnSync('docker-compose', ['config', '--services'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
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
      'temporal-ui',
      'worker',
    ]);
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

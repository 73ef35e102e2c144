import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

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
});

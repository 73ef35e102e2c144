import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadSettings, settingsEnvironment } from '../../client/settings';
import { ConfigError } from '../../domain/config';

describe('settings: the environment, then .env, then the secrets npm start keeps', () => {
  let cwd: string;
  beforeEach(() => {
    cwd = mkdtempSync(join(tmpdir(), 'multaqa-settings-'));
  });
  afterEach(() => rmSync(cwd, { recursive: true, force: true }));

  const secretsDir = () => join(cwd, 'var', 'secrets');
  const keepSecret = (name: string, value: string) => {
    mkdirSync(secretsDir(), { recursive: true });
    writeFileSync(join(secretsDir(), name), `${value}\n`);
  };

  it('takes a variable from the environment over .env, and .env over var/secrets', () => {
    writeFileSync(
      join(cwd, '.env'),
      'TEMPORAL_ADDRESS=temporal.internal:7233\nREDIS_PREFIX=from-dotenv:\nLINK_SECRET=link-secret-from-dotenv-0123456789abcdef\n',
    );
    keepSecret('link-secret', 'link-secret-from-var-secrets-0123456789abc');
    keepSecret('coordinator-api-key', 'coordinator-key-0123456789');
    const { config, sources } = loadSettings({ cwd, env: { REDIS_PREFIX: 'from-env:' } });
    expect(config.REDIS_PREFIX).toBe('from-env:');
    expect(config.TEMPORAL_ADDRESS).toBe('temporal.internal:7233');
    expect(config.LINK_SECRET).toBe('link-secret-from-dotenv-0123456789abcdef');
    expect(config.API_KEYS).toBe('coordinator:coordinator-key-0123456789');
    expect(sources).toEqual({
      TEMPORAL_ADDRESS: join(cwd, '.env'),
      LINK_SECRET: join(cwd, '.env'),
      API_KEYS: secretsDir(),
    });
  });

  it("reads var/secrets under .env's MULTAQA_VAR_DIR", () => {
    writeFileSync(join(cwd, '.env'), 'MULTAQA_VAR_DIR=state\n');
    mkdirSync(join(cwd, 'state', 'secrets'), { recursive: true });
    writeFileSync(
      join(cwd, 'state', 'secrets', 'link-secret'),
      'link-secret-under-state-0123456789abcdef\n',
    );
    expect(loadSettings({ cwd, env: {} }).config.LINK_SECRET).toBe(
      'link-secret-under-state-0123456789abcdef',
    );
  });

  it('only reads secrets unless asked to make them, as npm start does (mode 0600, kept)', () => {
    expect(settingsEnvironment({ cwd, env: {} }).env.LINK_SECRET).toBeUndefined();
    expect(existsSync(join(cwd, 'var'))).toBe(false);
    const made = settingsEnvironment({ cwd, env: {}, makeSecrets: true }).env;
    expect(made.LINK_SECRET).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    expect(made.API_KEYS).toMatch(/^coordinator:[A-Za-z0-9_-]{16,},viewer:[A-Za-z0-9_-]{16,}$/);
    expect(statSync(join(secretsDir(), 'link-secret')).mode & 0o777).toBe(0o600);
    expect(readFileSync(join(secretsDir(), 'link-secret'), 'utf8').trim()).toBe(made.LINK_SECRET);
    expect(settingsEnvironment({ cwd, env: {} }).env).toMatchObject({
      LINK_SECRET: made.LINK_SECRET,
      API_KEYS: made.API_KEYS,
    });
  });

  it('names the file a bad value came from', () => {
    writeFileSync(join(cwd, '.env'), 'PORT=eighty\n');
    keepSecret('link-secret', 'short');
    let caught: unknown;
    try {
      loadSettings({ cwd, env: {} });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    expect((caught as ConfigError).problems).toEqual([
      expect.stringMatching(new RegExp(`^PORT \\(from ${join(cwd, '.env')}\\): `)),
      expect.stringMatching(
        new RegExp(`^LINK_SECRET \\(from ${join(secretsDir(), 'link-secret')}\\): .*32`),
      ),
    ]);
  });

  it('stops at start on a bad taxonomy file, naming MULTAQA_TAXONOMY', () => {
    writeFileSync(join(cwd, 'taxonomy.json'), '{"sectors": []}');
    expect(() =>
      loadSettings({ cwd, env: { MULTAQA_TAXONOMY: join(cwd, 'taxonomy.json') } }),
    ).toThrow(/MULTAQA_TAXONOMY/);
  });
});

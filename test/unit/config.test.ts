import { ConfigError, parseConfig } from '../../domain/config';

describe('configuration from the environment', () => {
  it('takes the embedded defaults when nothing is set', () => {
    const config = parseConfig({});
    expect(config.TEMPORAL_ADDRESS).toBe('127.0.0.1:7233');
    expect(config.REDIS_URL).toBe('redis://127.0.0.1:6379');
    expect(config.SMTP_URL).toBeUndefined();
    expect(config.PORT).toBe(3000);
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('lists every bad variable and why, in one error', () => {
    let caught: unknown;
    try {
      parseConfig({
        PORT: 'eighty',
        REDIS_URL: 'http://example.org',
        LINK_SECRET: 'short',
        TEMPORAL_ADDRESS: 'nohost',
      });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    const problems = (caught as ConfigError).problems.join('\n');
    expect(problems).toMatch(/^PORT: /m);
    expect(problems).toMatch(/^REDIS_URL: .*redis:\/\//m);
    expect(problems).toMatch(/^LINK_SECRET: .*32/m);
    expect(problems).toMatch(/^TEMPORAL_ADDRESS: .*host:port/m);
  });

  it('treats empty variables as unset', () => {
    expect(parseConfig({ SMTP_URL: '' }).SMTP_URL).toBeUndefined();
  });

  it('accepts API keys as role:key pairs and refuses unknown roles', () => {
    expect(
      parseConfig({ API_KEYS: 'coordinator:abcdefghijklmnop,viewer:qrstuvwxyz012345' }).API_KEYS,
    ).toBeDefined();
    expect(() => parseConfig({ API_KEYS: 'admin:abcdefghijklmnop' })).toThrow(/API_KEYS/);
  });
});

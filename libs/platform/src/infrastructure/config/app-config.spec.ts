import { ConfigError, loadConfig } from './app-config.js';

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('loadConfig', () => {
  it('gives every variable of docs/settings.md its default', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      PORT: 3000,
      DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/latchkey',
      REDIS_URL: 'redis://127.0.0.1:6379',
      QUEUE_PREFIX: 'latchkey',
      PUBLIC_URL: 'http://localhost:3000',
      SMTP_URL: '',
      MAIL_DIR: './var/mail',
      MAIL_FROM: 'Latchkey <no-reply@localhost>',
      ARGON2_MEMORY_KIB: 19456,
      ARGON2_TIME_COST: 2,
      ARGON2_PARALLELISM: 1,
      ACCESS_TOKEN_TTL_SECONDS: 900,
      RESET_TOKEN_TTL_SECONDS: 1800,
      RATE_LIMIT_ENABLED: true,
      TRUST_PROXY: false,
      HOST: '127.0.0.1',
      METRICS_TOKEN: undefined,
      SHUTDOWN_TIMEOUT_SECONDS: 20,
    });
    expect(config.redisPrefix).toBe('{latchkey}');
  });

  it('parses numbers and booleans from strings', () => {
    const config = loadConfig({ PORT: '8080', RATE_LIMIT_ENABLED: 'false', TRUST_PROXY: '1', RESET_TOKEN_TTL_SECONDS: '10' });
    expect(config).toMatchObject({ PORT: 8080, RATE_LIMIT_ENABLED: false, TRUST_PROXY: 1, RESET_TOKEN_TTL_SECONDS: 10 });
    expect(loadConfig({ TRUST_PROXY: '10.0.0.0/8,::1' }).TRUST_PROXY).toEqual(['10.0.0.0/8', '::1']);
  });

  it('treats an empty value as unset', () => {
    expect(loadConfig({ PORT: '', SMTP_URL: '' }).PORT).toBe(3000);
  });

  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['DATABASE_URL', 'mysql://localhost/x'],
    ['REDIS_URL', 'localhost:6379'],
    ['RATE_LIMIT_ENABLED', 'yes'],
    ['RESET_TOKEN_TTL_SECONDS', '9'],
    ['SMTP_URL', 'http://mail'],
    ['QUEUE_PREFIX', 'has space'],
    ['ARGON2_TIME_COST', '0'],
    ['TRUST_PROXY', 'true'],
    ['TRUST_PROXY', '0.0.0.0/0'],
    ['TRUST_PROXY', 'yes'],
    ['HOST', 'two words'],
    ['METRICS_TOKEN', 'short'],
  ])('names the variable when %s=%s is invalid', (name, value) => {
    const problems = problemsOf({ [name]: value });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(new RegExp(`^${name}: `));
  });

  it('refuses the development keys in production', () => {
    const problems = problemsOf({ NODE_ENV: 'production' });
    expect(problems.map((p) => p.split(':')[0]).sort()).toEqual(['ADMIN_API_KEY', 'JWT_SECRET', 'METRICS_TOKEN', 'SERVICE_API_KEY']);
  });

  const production = {
    NODE_ENV: 'production',
    ADMIN_API_KEY: 'a'.repeat(24),
    SERVICE_API_KEY: 'b'.repeat(24),
    JWT_SECRET: 'c'.repeat(32),
    METRICS_TOKEN: 'd'.repeat(24),
  };

  it('accepts production with keys of its own, a 32-byte JWT secret and a metrics token', () => {
    expect(loadConfig(production).isProduction).toBe(true);
    expect(problemsOf({ ...production, JWT_SECRET: 'c'.repeat(31) })).toEqual([
      'JWT_SECRET: must be at least 32 bytes when NODE_ENV=production',
    ]);
  });

  it('requires METRICS_TOKEN in production', () => {
    expect(problemsOf({ ...production, METRICS_TOKEN: '' })).toEqual([
      expect.stringMatching(/^METRICS_TOKEN: required when NODE_ENV=production/),
    ]);
  });

  it('listens on 127.0.0.1 while a development key is in use, on every interface otherwise, unless HOST says', () => {
    expect(loadConfig({}).HOST).toBe('127.0.0.1');
    expect(loadConfig({}).developmentKeysInUse).toEqual(['ADMIN_API_KEY', 'SERVICE_API_KEY', 'JWT_SECRET']);
    expect(loadConfig({ ADMIN_API_KEY: 'a'.repeat(24), SERVICE_API_KEY: 'b'.repeat(24) }).HOST).toBe('127.0.0.1');
    expect(loadConfig(production).HOST).toBe('0.0.0.0');
    expect(loadConfig(production).developmentKeysInUse).toEqual([]);
    expect(loadConfig({ HOST: '0.0.0.0' }).HOST).toBe('0.0.0.0');
    expect(loadConfig({ ...production, HOST: '10.1.2.3' }).HOST).toBe('10.1.2.3');
  });
});

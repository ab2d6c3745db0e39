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
  it('gives every variable of SPEC §8 its default', () => {
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
    });
    expect(config.redisPrefix).toBe('{latchkey}');
  });

  it('parses numbers and booleans from strings', () => {
    const config = loadConfig({ PORT: '8080', RATE_LIMIT_ENABLED: 'false', TRUST_PROXY: 'true', RESET_TOKEN_TTL_SECONDS: '10' });
    expect(config).toMatchObject({ PORT: 8080, RATE_LIMIT_ENABLED: false, TRUST_PROXY: true, RESET_TOKEN_TTL_SECONDS: 10 });
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
  ])('names the variable when %s=%s is invalid', (name, value) => {
    const problems = problemsOf({ [name]: value });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(new RegExp(`^${name}: `));
  });

  it('refuses the development keys in production', () => {
    const problems = problemsOf({ NODE_ENV: 'production' });
    expect(problems.map((p) => p.split(':')[0]).sort()).toEqual(['ADMIN_API_KEY', 'JWT_SECRET', 'SERVICE_API_KEY']);
  });

  it('accepts production with keys of its own and a 32-byte JWT secret', () => {
    const env = { NODE_ENV: 'production', ADMIN_API_KEY: 'a'.repeat(24), SERVICE_API_KEY: 'b'.repeat(24), JWT_SECRET: 'c'.repeat(32) };
    expect(loadConfig(env).isProduction).toBe(true);
    expect(problemsOf({ ...env, JWT_SECRET: 'c'.repeat(31) })).toEqual(['JWT_SECRET: must be at least 32 bytes when NODE_ENV=production']);
  });
});

import { Writable } from 'node:stream';
import { pino } from 'pino';
import type { AppConfig } from '../config/app-config.js';
import { build } from 'pino-pretty';
import { loggerOptions, PRETTY_OPTIONS, QUIET_START_CONTEXTS, usesPrettyLogs } from './logger-options.js';
import { requestLogScope } from './request-log-scope.js';

/** A pino logger with the service's redaction and serializers, writing its lines to `lines`. */
function serviceLogger(lines: string[]) {
  const options = loggerOptions({ LOG_LEVEL: 'debug' } as AppConfig).pinoHttp as pino.LoggerOptions;
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  return pino({ level: 'debug', formatters: options.formatters, serializers: options.serializers, mixin: options.mixin }, sink);
}

describe('log redaction', () => {
  const secret = 'Kx7#mQ2$vR9!pL4&wT6*zN8@bF5^hJ';
  let lines: string[];
  let logger: pino.Logger;

  beforeEach(() => {
    lines = [];
    logger = serviceLogger(lines);
  });

  it('redacts secret fields at the top of a log object and one level down under any key', () => {
    logger.info(
      { password: secret, refreshToken: secret, command: { newPassword: secret, accessToken: secret }, job: { token: secret } },
      'story',
    );
    expect(lines.join('')).not.toContain(secret);
    const line = JSON.parse(lines[0]) as Record<string, Record<string, unknown>>;
    expect(line.password).toBe('[redacted]');
    expect(line.command).toEqual({ newPassword: '[redacted]', accessToken: '[redacted]' });
    expect(line.job).toEqual({ token: '[redacted]' });
  });

  it("redacts a mail job's link, which carries a reset token", () => {
    logger.warn({ job: { to: 'ada@example.com', link: `http://localhost/reset-password#token=${secret}` } }, 'mail job');
    expect(lines.join('')).not.toContain(secret);
    expect(JSON.parse(lines[0]).job).toEqual({ to: 'ada@example.com', link: '[redacted]' });
  });

  it('redacts secret fields two levels down under err, where errors nest their causes', () => {
    logger.error({ err: { message: 'failed', cause: { currentPassword: secret }, details: { apiKey: secret } } }, 'failure');
    expect(lines.join('')).not.toContain(secret);
    expect(JSON.parse(lines[0]).err.cause).toEqual({ currentPassword: '[redacted]' });
  });

  it('redacts an Error handed to pino: its own fields and its cause, without changing the Error', () => {
    const error = Object.assign(new Error('sign-in failed', { cause: { password: secret } }), { details: { token: secret } });
    logger.error({ err: error, attempt: { nested: { deeper: { refreshToken: secret } } } }, 'failure');
    expect(lines.join('')).not.toContain(secret);
    const line = JSON.parse(lines[0]);
    expect(line.err).toMatchObject({ type: 'Error', message: expect.stringContaining('sign-in failed'), details: { token: '[redacted]' } });
    expect(line.attempt).toEqual({ nested: { deeper: { refreshToken: '[redacted]' } } });
    expect((error as unknown as { details: { token: string } }).details.token).toBe(secret);
  });

  it('names the request a line was written in, by id, method and path, and only while it runs', async () => {
    await requestLogScope.run({ id: 'req-7', method: 'POST', url: `/v1/auth/refresh?token=${secret}` }, async () => {
      await new Promise((resolve) => setImmediate(resolve));
      logger.warn('Redis unavailable');
    });
    logger.warn('between requests');
    expect(lines.join('')).not.toContain(secret);
    expect(JSON.parse(lines[0]).req).toEqual({ id: 'req-7', method: 'POST', path: '/v1/auth/refresh' });
    expect(JSON.parse(lines[1]).req).toBeUndefined();
  });

  it('keeps only the method, path and id of a request: no headers, no query string', () => {
    const request = {
      id: 'req-1',
      method: 'POST',
      url: `/v1/auth/refresh?token=${encodeURIComponent(secret)}`,
      headers: { authorization: `Bearer ${secret}`, cookie: `session=${secret}` },
    };
    logger.child({ req: request }).info('request');
    expect(lines.join('')).not.toContain(encodeURIComponent(secret));
    expect(lines.join('')).not.toContain(secret);
    expect(JSON.parse(lines[0]).req).toEqual({ id: 'req-1', method: 'POST', path: '/v1/auth/refresh' });
  });
});

describe('development logs', () => {
  /** The development options, with pino writing JSON to `lines` instead of the pretty printer. */
  function developmentLogger(lines: string[], level: string) {
    const [options] = loggerOptions({ NODE_ENV: 'development', LOG_LEVEL: level } as AppConfig).pinoHttp as [pino.LoggerOptions, unknown];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    return pino({ ...options, level }, sink);
  }

  it('are pretty in development only, JSON in production and tests', () => {
    expect(usesPrettyLogs({ NODE_ENV: 'development' })).toBe(true);
    expect(usesPrettyLogs({ NODE_ENV: 'production' })).toBe(false);
    expect(usesPrettyLogs({ NODE_ENV: 'test' })).toBe(false);
    expect(Array.isArray(loggerOptions({ NODE_ENV: 'development', LOG_LEVEL: 'info' } as AppConfig).pinoHttp)).toBe(true);
    expect(Array.isArray(loggerOptions({ NODE_ENV: 'production', LOG_LEVEL: 'info' } as AppConfig).pinoHttp)).toBe(false);
  });

  it("move Nest's start-up lines to debug and keep every other line at its level", () => {
    const lines: string[] = [];
    const logger = developmentLogger(lines, 'info');
    for (const context of QUIET_START_CONTEXTS) logger.info({ context }, `${context} says hello`);
    logger.info({ context: 'Worker' }, 'worker ready');
    logger.warn({ context: 'InstanceLoader' }, 'a warning stays a warning');
    expect(lines.map((line) => JSON.parse(line).msg)).toEqual(['worker ready', 'a warning stays a warning']);

    const verbose: string[] = [];
    developmentLogger(verbose, 'debug').info({ context: 'InstanceLoader' }, 'AppModule dependencies initialized');
    expect(JSON.parse(verbose[0])).toMatchObject({ level: 20, context: 'InstanceLoader', msg: 'AppModule dependencies initialized' });
  });

  it('print one line per entry with the context and, for a request, its method, path and status', () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const logger = pino({ level: 'info' }, build({ ...PRETTY_OPTIONS, colorize: false, sync: false, destination: sink }));
    logger.info({ context: 'Startup' }, 'hello');
    logger.info({ req: { id: 1, method: 'POST', path: '/v1/auth/sign-in' }, res: { statusCode: 401 } }, 'request completed');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^\[\d\d:\d\d:\d\d\.\d{3}\] INFO: \[Startup\] hello\n$/);
    expect(lines[1]).toMatch(/INFO: POST \/v1\/auth\/sign-in 401 request completed\n$/);
  });
});

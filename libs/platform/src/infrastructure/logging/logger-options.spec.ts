import { Writable } from 'node:stream';
import { pino } from 'pino';
import type { AppConfig } from '../config/app-config.js';
import { loggerOptions } from './logger-options.js';

/** A pino logger with the service's redaction and serializers, writing its lines to `lines`. */
function serviceLogger(lines: string[]) {
  const options = loggerOptions({ LOG_LEVEL: 'debug' } as AppConfig).pinoHttp as pino.LoggerOptions;
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  return pino({ level: 'debug', redact: options.redact, serializers: options.serializers }, sink);
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

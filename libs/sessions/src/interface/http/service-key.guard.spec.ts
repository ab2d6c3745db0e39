import type { ExecutionContext } from '@nestjs/common';
import { loadConfig } from '#libs/platform';
import { ServiceKeyGuard } from './service-key.guard.js';

const KEY = 'k+y/with:odd%chars==';
const guard = new ServiceKeyGuard(loadConfig({ SERVICE_API_KEY: KEY }));
const basic = (id: string, secret: string) => `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;
const formEncoded = (value: string) => encodeURIComponent(value).replaceAll('%20', '+');

function attempt(authorization: string | undefined, body: unknown = { token: 't' }): { allowed: boolean; challenge?: unknown } {
  const headers: Record<string, unknown> = {};
  const reply = { header: (name: string, value: unknown) => (headers[name] = value) };
  const context = {
    switchToHttp: () => ({ getRequest: () => ({ headers: { authorization }, body }), getResponse: () => reply }),
  } as unknown as ExecutionContext;
  try {
    return { allowed: guard.canActivate(context) };
  } catch {
    return { allowed: false, challenge: headers['www-authenticate'] };
  }
}

describe('ServiceKeyGuard', () => {
  it.each([
    ['client_secret_basic, form-encoded as RFC 6749 says', basic('service', formEncoded(KEY)), undefined],
    ['client_secret_basic, as many clients send it', basic('service', KEY), undefined],
    ['client_secret_post', undefined, { token: 't', client_id: 'service', client_secret: KEY }],
    ['the Bearer service key', `Bearer ${KEY}`, undefined],
    ['the Bearer service key with a matching client_id', `Bearer ${KEY}`, { token: 't', client_id: 'service' }],
  ])('accepts %s', (_case, authorization, body) => expect(attempt(authorization, body).allowed).toBe(true));

  it.each([
    ['no credential', undefined, undefined],
    ['another client id', basic('gateway', KEY), undefined],
    ['a wrong secret', basic('service', `${KEY}x`), undefined],
    ['a Basic header without a colon', `Basic ${Buffer.from('service').toString('base64')}`, undefined],
    ['two methods at once', basic('service', KEY), { token: 't', client_id: 'service', client_secret: KEY }],
    ['a body client_id naming another client', `Bearer ${KEY}`, { token: 't', client_id: 'gateway' }],
    ['client_secret_post without client_id', undefined, { token: 't', client_secret: KEY }],
    ['repeated form fields', undefined, { token: 't', client_id: 'service', client_secret: [KEY, KEY] }],
  ])('refuses %s with Basic and Bearer challenges', (_case, authorization, body) =>
    expect(attempt(authorization, body)).toEqual({
      allowed: false,
      challenge: ['Basic realm="latchkey", charset="UTF-8"', 'Bearer realm="latchkey"'],
    }),
  );
});

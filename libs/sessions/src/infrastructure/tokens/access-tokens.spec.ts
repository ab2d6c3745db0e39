import { createSecretKey, randomUUID } from 'node:crypto';
import { JwtService } from '@nestjs/jwt';
import { loadConfig } from '#libs/platform';
import { AccessTokens } from './access-tokens.js';

const secret = createSecretKey(Buffer.from('a-test-secret-of-at-least-32-bytes-long'));
const config = loadConfig({ ACCESS_TOKEN_TTL_SECONDS: '900' });
const tokens = () => new AccessTokens(new JwtService({ secret }), config);
const issue = (accessTokens: AccessTokens, now: Date) =>
  accessTokens.sign({ accountId: randomUUID(), organizationId: randomUUID(), sessionId: randomUUID(), credentialVersion: 1, now });

describe('AccessTokens', () => {
  const now = new Date('2026-11-27T10:00:00Z');

  it('accepts its own token, again and again, until the second it expires', () => {
    const accessTokens = tokens();
    const token = issue(accessTokens, now);
    expect(accessTokens.verify(token, now.getTime())?.cv).toBe(1);
    expect(accessTokens.verify(token, now.getTime() + 899_999)?.cv).toBe(1);
    expect(accessTokens.verify(token, now.getTime() + 900_000)).toBeNull();
  });

  it('refuses an expired token it has never seen', () => {
    const accessTokens = tokens();
    const token = issue(accessTokens, now);
    expect(tokens().verify(token, now.getTime() + 900_000)).toBeNull();
  });

  it('refuses a token whose claims were changed, even after accepting the original', () => {
    const accessTokens = tokens();
    const token = issue(accessTokens, now);
    expect(accessTokens.verify(token, now.getTime())).not.toBeNull();
    const [header, payload, signature] = token.split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    const forged = `${header}.${Buffer.from(JSON.stringify({ ...claims, cv: 2 })).toString('base64url')}.${signature}`;
    expect(accessTokens.verify(forged, now.getTime())).toBeNull();
  });

  it('refuses tokens signed with another key, or not signed at all', () => {
    const other = new AccessTokens(
      new JwtService({ secret: createSecretKey(Buffer.from('another-secret-of-at-least-32-bytes-long')) }),
      config,
    );
    const foreign = issue(other, now);
    expect(tokens().verify(foreign, now.getTime())).toBeNull();
    const [, payload] = foreign.split('.');
    const unsigned = `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${payload}.`;
    expect(tokens().verify(unsigned, now.getTime())).toBeNull();
  });
});

import { SessionsEnded } from '../../../domain/session.events.js';
import type { IssuedTokens } from '../../../sessions.contract.js';
import { SessionsTestKit } from '../../../infrastructure/testing/sessions-test-kit.js';
import { RefreshSessionCommand } from './refresh-session.command.js';
import { RefreshSessionHandler } from './refresh-session.handler.js';

describe('RefreshSessionHandler', () => {
  let kit: SessionsTestKit;
  let handler: RefreshSessionHandler;
  let first: IssuedTokens;

  beforeEach(async () => {
    kit = new SessionsTestKit();
    handler = new RefreshSessionHandler(kit.unitOfWork, kit.clock, kit.sessions, kit.secrets, kit.tokens, kit.transitions);
    first = await kit.signIn();
  });

  const refresh = (token: string) => handler.execute(new RefreshSessionCommand(token));

  it('rotates: a new pair for the same session in its era, the presented token spent', async () => {
    kit.clock.advance(60);
    const next = await refresh(first.refreshToken);
    expect(next).toEqual({
      accessToken: `access:${first.sessionId}:cv1`,
      tokenType: 'Bearer',
      expiresIn: 900,
      refreshToken: 'secret-2',
      sessionId: first.sessionId,
    });
    expect(kit.sessions.refreshTokens.get(`hash(${first.refreshToken})`)?.usedAt).toEqual(kit.clock.now());
    expect(kit.sessions.sessions.get(first.sessionId)?.lastUsedAt).toEqual(kit.clock.now());
    expect(kit.revocations.known.get(`session:${first.sessionId}`)).toBe(1);
    await expect(refresh(next.refreshToken)).resolves.toMatchObject({ sessionId: first.sessionId, refreshToken: 'secret-3' });
  });

  it('keeps the session’s own credential version', async () => {
    await kit.versions.advance('account-2');
    const other = await kit.signIn('account-2');
    await expect(refresh(other.refreshToken)).resolves.toMatchObject({ accessToken: `access:${other.sessionId}:cv2` });
  });

  it('ends the session when a spent token comes back (reuse), the newer token included', async () => {
    const next = await refresh(first.refreshToken);
    await expect(refresh(first.refreshToken)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(kit.sessions.sessions.get(first.sessionId)).toMatchObject({ endReason: 'refresh_token_reused', endedAt: kit.clock.now() });
    expect(kit.revocations.denied).toEqual(new Set([`session:${first.sessionId}`]));
    await expect(refresh(next.refreshToken)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(kit.events.published).toEqual([
      new SessionsEnded('account-1', 'org-1', [first.sessionId], 'refresh_token_reused', kit.clock.now()),
    ]);
  });

  it('refuses after the session’s absolute expiry, and ends it', async () => {
    kit.clock.advance(3600);
    await expect(refresh(first.refreshToken)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(kit.sessions.sessions.get(first.sessionId)?.endReason).toBe('expired');
    expect(kit.revocations.denied).toEqual(new Set([`session:${first.sessionId}`]));
    expect(kit.events.published).toEqual([new SessionsEnded('account-1', 'org-1', [first.sessionId], 'expired', kit.clock.now())]);
  });

  it('answers an unknown token as it answers a spent one, changing nothing', async () => {
    await expect(refresh('never-issued')).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(kit.sessions.sessions.get(first.sessionId)?.endedAt).toBeNull();
    expect(kit.revocations.denied.size).toBe(0);
    expect(kit.events.published).toEqual([]);
  });
});

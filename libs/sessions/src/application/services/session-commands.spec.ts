import { SessionsEnded } from '../../domain/session.events.js';
import { ApiToken } from '../../domain/api-token.aggregate.js';
import { RevocationUnavailableError } from '../../domain/sessions.errors.js';
import { SessionsTestKit } from '../../infrastructure/testing/sessions-test-kit.js';

describe('SessionCommands', () => {
  let kit: SessionsTestKit;

  beforeEach(() => {
    kit = new SessionsTestKit();
  });

  const addApiToken = (id: string, credentialVersion = 1) =>
    kit.apiTokens.addIfCurrent(
      ApiToken.create({
        id,
        accountId: 'account-1',
        organizationId: 'org-1',
        name: id,
        token: `lk_${id}`,
        secretHash: `hash(lk_${id})`,
        now: kit.clock.now(),
        expiresInDays: null,
        credentialVersion,
      }),
    );

  describe('openSession', () => {
    it('stores the session bound to the account’s credential version and makes it known once committed', async () => {
      await kit.versions.advance('account-1');
      const issued = await kit.signIn();
      expect(issued).toEqual({
        accessToken: `access:${issued.sessionId}:cv2`,
        tokenType: 'Bearer',
        expiresIn: 900,
        refreshToken: 'secret-1',
        sessionId: issued.sessionId,
      });
      expect(kit.sessions.sessions.get(issued.sessionId)).toMatchObject({
        accountId: 'account-1',
        credentialVersion: 2,
        expiresAt: new Date('2026-11-27T10:00:00Z'),
      });
      expect(kit.sessions.refreshTokens.get('hash(secret-1)')).toMatchObject({ sessionId: issued.sessionId, usedAt: null });
      expect(kit.revocations.known.get(`session:${issued.sessionId}`)).toBe(2);
    });

    it('joins the caller’s transaction: nothing is kept when the caller rolls back', async () => {
      await expect(
        kit.unitOfWork.run(async () => {
          await kit.signIn();
          throw new Error('the sign-in’s audit event failed');
        }),
      ).rejects.toThrow('audit event failed');
      expect(kit.sessions.sessions.size).toBe(0);
      expect(kit.revocations.known.size).toBe(0);
      expect(kit.journal).toEqual(['rollback']);
    });
  });

  it('endAllSessions ends every open session of the account and keeps its API tokens', async () => {
    const [a, b, other] = [await kit.signIn(), await kit.signIn(), await kit.signIn('account-2')];
    await addApiToken('t-1');
    await kit.commands.endAllSessions('account-1', 'password_reset');
    expect([a, b].map((s) => kit.sessions.sessions.get(s.sessionId)?.endReason)).toEqual(['password_reset', 'password_reset']);
    expect(kit.sessions.sessions.get(other.sessionId)?.endedAt).toBeNull();
    expect(kit.apiTokens.tokens.get('t-1')?.revokedAt).toBeNull();
    expect(kit.revocations.denied).toEqual(new Set([`session:${a.sessionId}`, `session:${b.sessionId}`]));
    // One event lists every session the change ended.
    expect(kit.events.published).toEqual([
      new SessionsEnded('account-1', 'org-1', [a.sessionId, b.sessionId], 'password_reset', kit.clock.now()),
    ]);
  });

  describe('expireAllCredentials', () => {
    let a: string;
    let b: string;

    beforeEach(async () => {
      a = (await kit.signIn()).sessionId;
      b = (await kit.signIn()).sessionId;
      await addApiToken('t-1');
      kit.journal.length = 0;
    });

    it('advances the era, ends every session, revokes every API token, and publishes them pending before the commit', async () => {
      await kit.commands.expireAllCredentials('account-1', 'password_changed');
      expect(kit.journal).toEqual([`pending session:${a}`, `pending session:${b}`, 'pending api-token:t-1', 'commit']);
      expect(kit.versions.current('account-1')).toBe(2);
      expect([a, b].map((id) => kit.sessions.sessions.get(id)?.endReason)).toEqual(['password_changed', 'password_changed']);
      expect(kit.apiTokens.tokens.get('t-1')?.revokedAt).toEqual(kit.clock.now());
      expect(kit.revocations.denied).toEqual(new Set([`session:${a}`, `session:${b}`, 'api-token:t-1']));
      expect(kit.jobs.queued).toEqual([{ accountId: 'account-1', reason: 'password_changed', expiredAt: kit.clock.now().toISOString() }]);
      expect(kit.events.published).toEqual([new SessionsEnded('account-1', 'org-1', [a, b], 'password_changed', kit.clock.now())]);
      // No credential of the old era can be made any more.
      await expect(addApiToken('t-2', 1)).resolves.toBe(false);
    });

    it('throws when the pending revocations cannot be published, and nothing is saved', async () => {
      kit.revocations.failNextPublication();
      await expect(kit.commands.expireAllCredentials('account-1', 'password_changed')).rejects.toBeInstanceOf(RevocationUnavailableError);
      expect(kit.journal).toEqual(['rollback']);
      expect(kit.versions.current('account-1')).toBe(1);
      expect([a, b].map((id) => kit.sessions.sessions.get(id)?.endedAt)).toEqual([null, null]);
      expect(kit.apiTokens.tokens.get('t-1')?.revokedAt).toBeNull();
      expect(kit.revocations.denied.size).toBe(0);
      expect(kit.jobs.queued).toEqual([]);
      // Retried once publication works again, it completes.
      await kit.commands.expireAllCredentials('account-1', 'password_changed');
      expect(kit.versions.current('account-1')).toBe(2);
    });

    it('joins the caller’s transaction: commits with it, or is undone with it', async () => {
      await expect(
        kit.unitOfWork.run(async () => {
          await kit.commands.expireAllCredentials('account-1', 'expired_by_admin');
          throw new Error('the change failed after the expiry');
        }),
      ).rejects.toThrow('after the expiry');
      expect(kit.journal).toEqual([`pending session:${a}`, `pending session:${b}`, 'pending api-token:t-1', 'rollback']);
      expect(kit.versions.current('account-1')).toBe(1);
      expect(kit.revocations.denied.size).toBe(0);
      expect(kit.jobs.queued).toEqual([]);
    });
  });
});

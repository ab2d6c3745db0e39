import { SessionsEnded } from '../../../domain/session.events.js';
import { SessionsTestKit } from '../../../infrastructure/testing/sessions-test-kit.js';
import { EndSessionCommand } from './end-session.command.js';
import { EndSessionHandler } from './end-session.handler.js';

describe('EndSessionHandler', () => {
  let kit: SessionsTestKit;
  let handler: EndSessionHandler;

  beforeEach(() => {
    kit = new SessionsTestKit();
    handler = new EndSessionHandler(kit.unitOfWork, kit.clock, kit.transitions);
  });

  it('ends one session of the account and denies it once the change has committed', async () => {
    const { sessionId } = await kit.signIn();
    const other = await kit.signIn();
    await handler.execute(new EndSessionCommand('account-1', sessionId, 'sign_out'));
    expect(kit.sessions.sessions.get(sessionId)).toMatchObject({ endReason: 'sign_out', endedAt: kit.clock.now() });
    expect(kit.sessions.sessions.get(other.sessionId)?.endedAt).toBeNull();
    expect(kit.revocations.denied).toEqual(new Set([`session:${sessionId}`]));
    expect(kit.journal.at(-1)).toBe('commit');
    expect(kit.events.published).toEqual([new SessionsEnded('account-1', 'org-1', [sessionId], 'sign_out', kit.clock.now())]);
  });

  it('answers another account’s session as it answers an unknown one, and leaves it open', async () => {
    const { sessionId } = await kit.signIn('account-2');
    await expect(handler.execute(new EndSessionCommand('account-1', sessionId, 'ended_by_user'))).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(handler.execute(new EndSessionCommand('account-1', 'no-such-session', 'ended_by_user'))).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(kit.sessions.sessions.get(sessionId)?.endedAt).toBeNull();
    expect(kit.revocations.denied.size).toBe(0);
    expect(kit.events.published).toEqual([]);
  });

  it('answers an already ended session with 404, keeping its first reason', async () => {
    const { sessionId } = await kit.signIn();
    await handler.execute(new EndSessionCommand('account-1', sessionId, 'sign_out'));
    await expect(handler.execute(new EndSessionCommand('account-1', sessionId, 'ended_by_user'))).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(kit.sessions.sessions.get(sessionId)?.endReason).toBe('sign_out');
    expect(kit.events.types()).toEqual(['SessionsEnded']);
  });
});

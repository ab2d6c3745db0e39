import { SessionsTestKit } from '../../../infrastructure/testing/sessions-test-kit.js';
import { ListSessionsHandler } from './list-sessions.handler.js';
import { ListSessionsQuery } from './list-sessions.query.js';

describe('ListSessionsHandler', () => {
  it('lists the account’s open, unexpired sessions, newest first, marking the current one', async () => {
    const kit = new SessionsTestKit();
    const handler = new ListSessionsHandler(kit.clock, kit.sessions);
    const expired = await kit.signIn();
    kit.clock.advance(1800);
    const older = await kit.signIn('account-1', 'laptop');
    kit.clock.advance(60);
    const ended = await kit.signIn();
    kit.clock.advance(60);
    const newer = await kit.signIn('account-1', null);
    await kit.signIn('account-2');
    await kit.commands.endSession(ended.sessionId, 'sign_out');
    kit.clock.advance(1800);

    const listed = await handler.execute(new ListSessionsQuery('account-1', older.sessionId));
    expect(listed.map((s) => s.id)).toEqual([newer.sessionId, older.sessionId]);
    expect(listed.map((s) => s.id)).not.toContain(expired.sessionId);
    expect(listed[1]).toEqual({
      id: older.sessionId,
      createdAt: new Date('2026-11-27T09:30:00Z'),
      lastUsedAt: new Date('2026-11-27T09:30:00Z'),
      expiresAt: new Date('2026-11-27T10:30:00Z'),
      clientIp: '203.0.113.7',
      userAgent: 'laptop',
      current: true,
    });
    expect(listed[0]).toMatchObject({ userAgent: null, current: false });
  });
});

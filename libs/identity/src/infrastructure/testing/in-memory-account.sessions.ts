import type { IssuedTokens } from '#libs/sessions';
import { AccountSessions } from '../../application/ports/account-sessions.port.js';

/** Records what identity asked of the sessions module. */
export class InMemoryAccountSessions extends AccountSessions {
  readonly calls: Array<{ method: string; id: string; reason?: string }> = [];
  private next = 0;

  async openSession(input: { accountId: string }): Promise<IssuedTokens> {
    const sessionId = `session-${++this.next}`;
    this.calls.push({ method: 'openSession', id: input.accountId });
    return { accessToken: `access-${sessionId}`, tokenType: 'Bearer', expiresIn: 900, refreshToken: `refresh-${sessionId}`, sessionId };
  }

  async endSession(sessionId: string, reason: string): Promise<void> {
    this.calls.push({ method: 'endSession', id: sessionId, reason });
  }

  async endAllSessions(accountId: string, reason: string): Promise<void> {
    this.calls.push({ method: 'endAllSessions', id: accountId, reason });
  }

  async expireAllCredentials(accountId: string, reason: string): Promise<void> {
    this.calls.push({ method: 'expireAllCredentials', id: accountId, reason });
  }
}

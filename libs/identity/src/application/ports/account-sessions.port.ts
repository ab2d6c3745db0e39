export interface IssuedTokens {
  accessToken: string;
  tokenType: 'Bearer';
  expiresIn: number;
  refreshToken: string;
  sessionId: string;
}

/**
 * What identity needs of the sessions module (its `SessionCommands`, see
 * docs/architecture.md). Every call joins the caller's transaction, and the revocations reach
 * Redis after it commits and before the caller's unit of work resolves.
 */
export abstract class AccountSessions {
  abstract openSession(input: { accountId: string; organizationId: string; clientIp: string; userAgent: string | null }): Promise<IssuedTokens>;
  abstract endSession(sessionId: string, reason: string): Promise<void>;
  abstract endAllSessions(accountId: string, reason: string): Promise<void>;
  abstract expireAllCredentials(accountId: string, reason: string): Promise<void>;
}

export interface AccessTokenSubject {
  accountId: string;
  organizationId: string;
  sessionId: string;
  credentialVersion: number;
  now: Date;
}

/** Signs the short-lived access token of a session. */
export abstract class AccessTokenSigner {
  abstract get ttlSeconds(): number;
  abstract sign(subject: AccessTokenSubject): string;
}

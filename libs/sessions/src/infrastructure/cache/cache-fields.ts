import type { ApiToken } from '../../domain/api-token.aggregate.js';
import type { Session } from '../../domain/session.aggregate.js';

/** What the guard needs of a session, as cached: `accountId|organizationId|cv|expiresAtMs`. */
export function sessionCacheFields(
  session: Pick<Session, 'accountId' | 'organizationId' | 'expiresAt'>,
  credentialVersion: number,
): Array<string | number> {
  return [session.accountId, session.organizationId, credentialVersion, session.expiresAt.getTime()];
}

/** `id|accountId|organizationId|createdAtMs|expiresAtMs|cv` (expiresAtMs 0: never expires). */
export function apiTokenCacheFields(
  token: Pick<ApiToken, 'id' | 'accountId' | 'organizationId' | 'createdAt' | 'expiresAt' | 'credentialVersion'>,
): Array<string | number> {
  return [
    token.id,
    token.accountId,
    token.organizationId,
    token.createdAt.getTime(),
    token.expiresAt?.getTime() ?? 0,
    token.credentialVersion,
  ];
}

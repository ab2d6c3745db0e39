import { ACCOUNT_CREDENTIAL_CHANGE_REQUIRED, CREDENTIAL_CHANGE, SESSION_REVOKED } from '../../domain/event-types.js';

export { ACCOUNT_CREDENTIAL_CHANGE_REQUIRED, CREDENTIAL_CHANGE, SESSION_REVOKED };

/** CAEP 1.0 §2: who started what the event reports. */
export type InitiatingEntity = 'admin' | 'user' | 'policy' | 'system';

/**
 * The RFC 9493 subject of an account's events: a `complex` identifier whose `user` is the account id
 * (the `sub` of Latchkey's access tokens) and whose `tenant` is the organization id (their `org`); a
 * session's adds `session`, the session id (their `sid`). Opaque ids, never an e-mail: a receiver
 * matches them against the tokens it accepted, and no personal data travels in the SET.
 */
export function accountSubject(accountId: string, organizationId: string, sessionId?: string): Record<string, unknown> {
  return {
    format: 'complex',
    user: { format: 'opaque', id: accountId },
    tenant: { format: 'opaque', id: organizationId },
    ...(sessionId === undefined ? {} : { session: { format: 'opaque', id: sessionId } }),
  };
}

/** The members CAEP gives every event: when it happened (seconds), who started it, and why in words for an administrator. */
export function caepMembers(occurredAt: Date, initiatingEntity: InitiatingEntity, reasonAdmin: string): Record<string, unknown> {
  return {
    event_timestamp: Math.floor(occurredAt.getTime() / 1000),
    initiating_entity: initiatingEntity,
    reason_admin: { en: reasonAdmin },
  };
}

/** Why sessions ended (SessionsEnded's reason), as CAEP's initiating_entity and reason_admin say it. */
export const SESSION_END_REASONS: Readonly<Record<string, { entity: InitiatingEntity; admin: string }>> = {
  sign_out: { entity: 'user', admin: 'The user signed out.' },
  ended_by_user: { entity: 'user', admin: 'The user ended the session from the list of sessions.' },
  refresh_token_reused: { entity: 'policy', admin: 'A refresh token of the session was used twice (reuse detection).' },
  expired: { entity: 'system', admin: 'The session reached its absolute lifetime.' },
  'password-changed': { entity: 'user', admin: 'The user changed the password.' },
  'password-reset': { entity: 'user', admin: 'The user reset the password.' },
  'admin-expired': { entity: 'admin', admin: 'An administrator expired the sign-in sessions and tokens of the account.' },
};

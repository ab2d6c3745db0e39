import type { DomainEvent } from '#libs/building-blocks';

/** A session that has just ended, as the repository reports it. */
export interface EndedSession {
  readonly id: string;
  readonly accountId: string;
  readonly organizationId: string;
}

/**
 * Sessions of one account ended, in the transaction that ended them: a sign-out (`sign_out`), one
 * ended from the list (`ended_by_user`), a refresh token used twice (`refresh_token_reused`), a
 * refresh after the absolute lifetime (`expired`), a password change or reset (`password-changed`,
 * `password-reset`) or an administrator's expiry (`admin-expired`). An expiry that ends many sessions
 * publishes one event listing them, so the transaction pays one publication, not one per session.
 * Carries ids only — never a token or its hash.
 */
export class SessionsEnded implements DomainEvent {
  readonly type = 'SessionsEnded';

  constructor(
    readonly accountId: string,
    readonly organizationId: string,
    readonly sessionIds: readonly string[],
    readonly reason: string,
    readonly occurredAt: Date,
  ) {}

  /** One event per account among `ended` (an account's sessions share its organization); none when nothing ended. */
  static of(ended: readonly EndedSession[], reason: string, occurredAt: Date): SessionsEnded[] {
    const byAccount = new Map<string, EndedSession[]>();
    for (const session of ended) byAccount.set(session.accountId, [...(byAccount.get(session.accountId) ?? []), session]);
    return [...byAccount.values()].map(
      (sessions) =>
        new SessionsEnded(
          sessions[0].accountId,
          sessions[0].organizationId,
          sessions.map((s) => s.id),
          reason,
          occurredAt,
        ),
    );
  }
}

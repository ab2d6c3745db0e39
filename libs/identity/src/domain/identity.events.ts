import type { DomainEvent, RequestOrigin } from '#libs/building-blocks';
import type { PasswordPolicyOverrides } from '#libs/password-policy';
import type { ResetTokenPurpose } from './password-reset-token.aggregate.js';

/**
 * What happens to organizations and accounts, recorded by the aggregates and published in the
 * transaction of the change (docs/architecture.md#domain-events). Each carries ids and facts
 * only — never a password, a hash or a token — plus the origin of the request, for the audit trail.
 */
abstract class AccountEvent implements DomainEvent {
  abstract readonly type: string;

  constructor(
    readonly accountId: string,
    readonly organizationId: string,
    readonly origin: RequestOrigin,
    readonly occurredAt: Date,
  ) {}
}

export class OrganizationCreated implements DomainEvent {
  readonly type = 'OrganizationCreated';

  constructor(
    readonly organizationId: string,
    readonly name: string,
    readonly origin: RequestOrigin,
    readonly occurredAt: Date,
  ) {}
}

export class PasswordPolicyUpdated implements DomainEvent {
  readonly type = 'PasswordPolicyUpdated';

  constructor(
    readonly organizationId: string,
    /** The organization's choices as stored (what it left out takes the default). */
    readonly settings: PasswordPolicyOverrides,
    readonly origin: RequestOrigin,
    readonly occurredAt: Date,
  ) {}
}

/** An account was registered; `invited` when it has no password yet and its owner is to set one through a link. */
export class AccountCreated extends AccountEvent {
  readonly type = 'AccountCreated';

  constructor(
    accountId: string,
    organizationId: string,
    readonly invited: boolean,
    origin: RequestOrigin,
    occurredAt: Date,
  ) {
    super(accountId, organizationId, origin, occurredAt);
  }
}

/** A sign-in opened a session. */
export class SignedIn extends AccountEvent {
  readonly type = 'SignedIn';

  constructor(
    accountId: string,
    organizationId: string,
    readonly sessionId: string,
    readonly hashUpgraded: boolean,
    origin: RequestOrigin,
    occurredAt: Date,
  ) {
    super(accountId, organizationId, origin, occurredAt);
  }
}

export type SignInFailureReason = 'wrong-password' | 'password-reset-required';

/**
 * A sign-in or a password change with a password refused. `failedSignIns` is the account's count
 * after a wrong password was counted (or found locked); it is null when the right password was refused
 * because a lock, a required reset or another password landed between the verify and the row lock.
 */
export class SignInFailed extends AccountEvent {
  readonly type = 'SignInFailed';

  constructor(
    accountId: string,
    organizationId: string,
    readonly via: 'sign-in' | 'password-change',
    readonly reason: SignInFailureReason,
    readonly failedSignIns: number | null,
    origin: RequestOrigin,
    occurredAt: Date,
  ) {
    super(accountId, organizationId, origin, occurredAt);
  }
}

/** Failed entries locked the account; published once per lock (the one transaction that claims its notice), so the owner is told once. */
export class AccountLocked extends AccountEvent {
  readonly type = 'AccountLocked';

  constructor(
    accountId: string,
    organizationId: string,
    readonly failedSignIns: number,
    readonly lockoutThreshold: number,
    origin: RequestOrigin,
    occurredAt: Date,
  ) {
    super(accountId, organizationId, origin, occurredAt);
  }
}

/** An owner asked for a reset link; `sent` is false when the per-account throttle held it back. */
export class ResetRequested extends AccountEvent {
  readonly type = 'ResetRequested';

  constructor(
    accountId: string,
    organizationId: string,
    readonly sent: boolean,
    origin: RequestOrigin,
    occurredAt: Date,
  ) {
    super(accountId, organizationId, origin, occurredAt);
  }
}

/** An administrator put the account in *password reset required*; its owner gets a reset link. */
export class AccountResetRequired extends AccountEvent {
  readonly type = 'AccountResetRequired';
}

/**
 * The owner changed their password with the current one. When `sessionsExpired` is false only the
 * session that asked (`sessionId`) ends; otherwise a `CredentialsExpired` follows.
 */
export class PasswordChanged extends AccountEvent {
  readonly type = 'PasswordChanged';

  constructor(
    accountId: string,
    organizationId: string,
    readonly sessionId: string,
    readonly sessionsExpired: boolean,
    origin: RequestOrigin,
    occurredAt: Date,
  ) {
    super(accountId, organizationId, origin, occurredAt);
  }
}

/**
 * A reset link set a new password (`via`: the link's purpose). When `sessionsExpired` is false every
 * sign-in session ends (API tokens stay); otherwise a `CredentialsExpired` follows.
 */
export class PasswordReset extends AccountEvent {
  readonly type = 'PasswordReset';

  constructor(
    accountId: string,
    organizationId: string,
    readonly via: ResetTokenPurpose,
    readonly sessionsExpired: boolean,
    origin: RequestOrigin,
    occurredAt: Date,
  ) {
    super(accountId, organizationId, origin, occurredAt);
  }
}

export type CredentialsExpiry = { by: 'owner'; via: 'password-change' | 'password-reset' } | { by: 'administrator' };

/** Every session, refresh, access and API token of the account stops working when the change commits. */
export class CredentialsExpired extends AccountEvent {
  readonly type = 'CredentialsExpired';

  constructor(
    accountId: string,
    organizationId: string,
    readonly expiry: CredentialsExpiry,
    origin: RequestOrigin,
    occurredAt: Date,
  ) {
    super(accountId, organizationId, origin, occurredAt);
  }
}

export { IdentityModule } from './identity.module.js';
export { PasswordRuleExtension } from './infrastructure/policy/password-rule-extension.js';
export { PasswordPolicyWiringModule } from './infrastructure/policy/password-policy-wiring.module.js';
export { SECURITY_EVENT_TYPES, type SecurityEventType } from './domain/security-event.js';
export { LockNoticeSweeper } from './infrastructure/deferred/lock-notice.sweeper.js';
export {
  AccountCreated,
  AccountLocked,
  AccountResetRequired,
  CredentialsExpired,
  type CredentialsExpiry,
  OrganizationCreated,
  PasswordChanged,
  PasswordPolicyUpdated,
  PasswordReset,
  ResetRequested,
  SignedIn,
  SignInFailed,
  type SignInFailureReason,
} from './domain/identity.events.js';

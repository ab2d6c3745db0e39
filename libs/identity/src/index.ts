export { IdentityModule } from './identity.module.js';
export { PasswordRuleExtension } from './infrastructure/policy/password-rule-extension.js';
export { PasswordPolicyWiringModule } from './infrastructure/policy/password-policy-wiring.module.js';
export { SECURITY_EVENT_TYPES, type SecurityEventType } from './domain/security-event.js';
export { LockNoticeSweeper } from './infrastructure/deferred/lock-notice.sweeper.js';

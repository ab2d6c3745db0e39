export type { IssuedTokens, OpenSessionInput, Principal } from './sessions.contract.js';
export { SessionCommands } from './application/services/session-commands.js';
export { CREDENTIALS_EXPIRED_JOB } from './application/ports/revocation-jobs.port.js';
export { UnauthenticatedError } from './domain/sessions.errors.js';
export { AuthGuard } from './interface/http/auth.guard.js';
export { CurrentPrincipal } from './interface/http/current-principal.decorator.js';
export { SessionsModule } from './sessions.module.js';
export { SessionsWorkerModule } from './sessions-worker.module.js';
export { CredentialAudit, type CredentialAuditEvent } from './application/ports/credential-audit.js';

export { SessionCommands, CREDENTIALS_EXPIRED_JOB, type OpenSessionInput } from './application/session-commands.js';
export type { IssuedTokens, Principal } from './application/principal.js';
export { UnauthenticatedError } from './domain/sessions.errors.js';
export { AuthGuard } from './interface/http/auth.guard.js';
export { CurrentPrincipal } from './interface/http/current-principal.decorator.js';
export { SessionsModule } from './sessions.module.js';
export { SessionsWorkerModule } from './sessions-worker.module.js';
export { CredentialAudit, type CredentialAuditEvent } from './application/ports/credential-audit.js';

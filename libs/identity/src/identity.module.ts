import { Module } from '@nestjs/common';
import { MikroOrmModule } from '@mikro-orm/nestjs';
import { SessionCommands, SessionsModule } from '#libs/sessions';
import { ChangePasswordHandler } from './application/commands/change-password/change-password.handler.js';
import { CreateAccountHandler } from './application/commands/create-account/create-account.handler.js';
import { CreateOrganizationHandler } from './application/commands/create-organization/create-organization.handler.js';
import { ExpireAccountSessionsHandler } from './application/commands/expire-account-sessions/expire-account-sessions.handler.js';
import { RequestResetHandler } from './application/commands/request-reset/request-reset.handler.js';
import { RequireAccountResetHandler } from './application/commands/require-account-reset/require-account-reset.handler.js';
import { ResetPasswordHandler } from './application/commands/reset-password/reset-password.handler.js';
import { SignInHandler } from './application/commands/sign-in/sign-in.handler.js';
import { UpdatePasswordPolicyHandler } from './application/commands/update-password-policy/update-password-policy.handler.js';
import { AccountSessions } from './application/ports/account-sessions.port.js';
import { MailOutbox } from './application/ports/mail-outbox.port.js';
import { ResetTokenSecrets } from './application/ports/reset-token-secrets.port.js';
import { DeferredWork } from './application/ports/deferred-work.port.js';
import { CheckPasswordHandler } from './application/queries/check-password/check-password.handler.js';
import { GetMeHandler } from './application/queries/get-me/get-me.handler.js';
import { GetPasswordPolicyHandler } from './application/queries/get-password-policy/get-password-policy.handler.js';
import { ListSecurityEventsHandler } from './application/queries/list-security-events/list-security-events.handler.js';
import { VerifyResetTokenHandler } from './application/queries/verify-reset-token/verify-reset-token.handler.js';
import { AuditTrail } from './application/services/audit-trail.service.js';
import { FailedEntries } from './application/services/failed-entries.service.js';
import { IdentityMail } from './application/services/identity-mail.service.js';
import { OrganizationLookup } from './application/services/organization-lookup.service.js';
import { ResetLinks } from './application/services/reset-links.service.js';
import { AccountOwners } from './application/services/account-owners.service.js';
import { NewPasswords } from './application/services/new-passwords.service.js';
import { PasswordChecks } from './application/services/password-checks.service.js';
import { ResetThrottle } from './application/services/reset-throttle.service.js';
import { ApiTokenAuditSubscriber } from './application/subscribers/api-token-audit.subscriber.js';
import { AuditTrailSubscriber } from './application/subscribers/audit-trail.subscriber.js';
import { OwnerMailSubscriber } from './application/subscribers/owner-mail.subscriber.js';
import { ResetLinkSpendingSubscriber } from './application/subscribers/reset-link-spending.subscriber.js';
import { ResetLinkSubscriber } from './application/subscribers/reset-link.subscriber.js';
import { SessionEndingSubscriber } from './application/subscribers/session-ending.subscriber.js';
import { MeViewReader } from './application/ports/me-view.reader.port.js';
import { AccountRepository } from './domain/account.repository.js';
import { OrganizationRepository } from './domain/organization.repository.js';
import { PasswordResetTokenRepository } from './domain/password-reset-token.repository.js';
import { SecurityEventRepository } from './domain/security-event.repository.js';
import { CachedMeViewReader } from './infrastructure/cache/cached-me-view.reader.js';
import { CachedOrganizationReader } from './infrastructure/cache/cached-organization.reader.js';
import { CommittedChangeInvalidation } from './infrastructure/cache/committed-change-invalidation.js';
import { CryptoResetTokenSecrets } from './infrastructure/crypto/crypto-reset-token.secrets.js';
import { SharedOutboxMail } from './infrastructure/mail/outbox-mail.adapter.js';
import { IDENTITY_SCHEMAS } from './infrastructure/persistence/identity.schemas.js';
import { MikroOrmAccountRepository } from './infrastructure/persistence/mikro-orm-account.repository.js';
import { SqlMeViewReader } from './infrastructure/persistence/sql-me-view.reader.js';
import { MikroOrmOrganizationRepository } from './infrastructure/persistence/mikro-orm-organization.repository.js';
import { MikroOrmPasswordResetTokenRepository } from './infrastructure/persistence/mikro-orm-password-reset-token.repository.js';
import { MikroOrmSecurityEventRepository } from './infrastructure/persistence/mikro-orm-security-event.repository.js';
import { PasswordPolicyWiringModule } from './infrastructure/policy/password-policy-wiring.module.js';
import { UnknownIdentityRepository } from './domain/unknown-identity.repository.js';
import { InProcessDeferredWork } from './infrastructure/deferred/in-process-deferred.work.js';
import { LockNoticeSweeper } from './infrastructure/deferred/lock-notice.sweeper.js';
import { IdentityCounters, IdentityMetricsSubscriber } from './infrastructure/metrics/identity-metrics.subscriber.js';
import { MeteredUnknownIdentityRepository } from './infrastructure/metrics/metered-unknown-identity.repository.js';
import { MeController } from './interface/http/me.controller.js';
import { OrganizationsAdminController } from './interface/http/organizations-admin.controller.js';
import { PasswordPolicyController } from './interface/http/password-policy.controller.js';
import { PasswordResetsController } from './interface/http/password-resets.controller.js';
import { SignInController } from './interface/http/sign-in.controller.js';
import { AdminKeyGuard } from './interface/http/admin-key.guard.js';

/**
 * Organizations, accounts, sign-in with lockout, reset, change and the audit trail. Imports
 * SessionsModule for `SessionCommands` and `AuthGuard`. The command and query buses come from
 * `CqrsModule.forRoot()`, imported once by the API's root module.
 */
@Module({
  imports: [MikroOrmModule.forFeature(IDENTITY_SCHEMAS), PasswordPolicyWiringModule, SessionsModule],
  controllers: [OrganizationsAdminController, PasswordPolicyController, SignInController, PasswordResetsController, MeController],
  providers: [
    { provide: OrganizationRepository, useClass: MikroOrmOrganizationRepository },
    { provide: AccountRepository, useClass: MikroOrmAccountRepository },
    SqlMeViewReader,
    CachedMeViewReader,
    CachedOrganizationReader,
    CommittedChangeInvalidation,
    { provide: MeViewReader, useExisting: CachedMeViewReader },
    { provide: PasswordResetTokenRepository, useClass: MikroOrmPasswordResetTokenRepository },
    { provide: SecurityEventRepository, useClass: MikroOrmSecurityEventRepository },
    { provide: UnknownIdentityRepository, useClass: MeteredUnknownIdentityRepository },
    IdentityCounters,
    { provide: DeferredWork, useClass: InProcessDeferredWork },
    LockNoticeSweeper,
    { provide: MailOutbox, useClass: SharedOutboxMail },
    { provide: ResetTokenSecrets, useClass: CryptoResetTokenSecrets },
    { provide: AccountSessions, useExisting: SessionCommands },
    AuditTrail,
    FailedEntries,
    IdentityMail,
    OrganizationLookup,
    ResetLinks,
    AccountOwners,
    NewPasswords,
    PasswordChecks,
    ResetThrottle,
    // Side effects of identity's domain events (and sessions' API token events), called in the change's transaction.
    AuditTrailSubscriber,
    ApiTokenAuditSubscriber,
    OwnerMailSubscriber,
    ResetLinkSubscriber,
    ResetLinkSpendingSubscriber,
    SessionEndingSubscriber,
    // Counted once the change has committed (docs/operations.md#metrics).
    IdentityMetricsSubscriber,
    AdminKeyGuard,
    SignInHandler,
    CreateOrganizationHandler,
    UpdatePasswordPolicyHandler,
    CreateAccountHandler,
    ExpireAccountSessionsHandler,
    RequireAccountResetHandler,
    RequestResetHandler,
    ResetPasswordHandler,
    ChangePasswordHandler,
    GetPasswordPolicyHandler,
    CheckPasswordHandler,
    GetMeHandler,
    VerifyResetTokenHandler,
    ListSecurityEventsHandler,
  ],
})
export class IdentityModule {}

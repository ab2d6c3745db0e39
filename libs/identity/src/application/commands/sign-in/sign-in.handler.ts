import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AccountRepository } from '../../../domain/account.repository.js';
import { normalizeEmail } from '../../../domain/email-address.vo.js';
import { InvalidCredentialsError, PasswordResetRequiredError } from '../../../domain/identity.errors.js';
import type { Organization } from '../../../domain/organization.aggregate.js';
import { OrganizationRepository } from '../../../domain/organization.repository.js';
import { AccountSessions, type IssuedTokens } from '../../ports/account-sessions.port.js';
import { PasswordHasher } from '../../ports/password-hasher.port.js';
import { UnitOfWork } from '#libs/building-blocks';
import { AuditTrail } from '../../services/audit-trail.service.js';
import { FailedEntries } from '../../services/failed-entries.service.js';
import { SignIn } from './sign-in.command.js';

/**
 * docs/guarantees.md#failures-that-answer-alike: every path costs one password verify, and every failure one counting transaction of the
 * same shape (`FailedEntries`), so an unknown identity answers like an account, and as fast.
 */
@CommandHandler(SignIn)
export class SignInHandler implements ICommandHandler<SignIn> {
  constructor(
    private readonly organizations: OrganizationRepository,
    private readonly accounts: AccountRepository,
    private readonly hasher: PasswordHasher,
    private readonly failedEntries: FailedEntries,
    private readonly sessions: AccountSessions,
    private readonly audit: AuditTrail,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  async execute(command: SignIn): Promise<IssuedTokens> {
    const email = normalizeEmail(command.email);
    const organization = await this.organizations.findByNameForReading(command.organization.toLowerCase());
    const stored = organization && (await this.accounts.findCredentials(organization.id, email));
    if (!organization || !stored) return this.unknownIdentity(command, email, organization);
    const hash = stored.passwordHash;
    const matches = hash === null ? (await this.hasher.verifyDummy(command.password), false) : await this.hasher.verify(hash, command.password);
    if (!matches || hash === null) {
      const outcome = await this.failedEntries.record(stored.accountId, organization, command.origin, 'sign-in');
      throw outcome === 'counted' ? new InvalidCredentialsError() : new PasswordResetRequiredError();
    }
    return this.succeed(stored.accountId, hash, organization, command);
  }

  private async succeed(accountId: string, verifiedHash: string, organization: Organization, command: SignIn): Promise<IssuedTokens> {
    const rehashed = this.hasher.needsRehash(verifiedHash) ? await this.hasher.hash(command.password) : null;
    const tokens = await this.unitOfWork.run(async () => {
      const current = await this.accounts.lock(accountId);
      const subject = { organizationId: organization.id, accountId };
      // The row lock orders this after any failure counted meanwhile: a lock that landed first wins.
      if (!current || current.requiresReset() || current.passwordHash !== verifiedHash) {
        await this.audit.record('sign-in.failed', subject, command.origin, { reason: 'password-reset-required' });
        return null;
      }
      current.recordSuccessfulSignIn();
      if (rehashed) current.upgradeHash(rehashed);
      await this.accounts.save(current);
      const issued = await this.sessions.openSession({ ...subject, ...command.origin });
      await this.audit.record('sign-in.succeeded', subject, command.origin, { sessionId: issued.sessionId, hashUpgraded: rehashed !== null });
      return issued;
    });
    if (!tokens) throw new PasswordResetRequiredError();
    return tokens;
  }

  /** The same 401…423 sequence as a real account, counted on a row of its own. */
  private async unknownIdentity(command: SignIn, email: string, organization: Organization | null): Promise<never> {
    await this.hasher.verifyDummy(command.password);
    const outcome = await this.failedEntries.recordUnknown(command.organization.toLowerCase(), email, organization, command.origin);
    throw outcome === 'counted' ? new InvalidCredentialsError() : new PasswordResetRequiredError();
  }
}

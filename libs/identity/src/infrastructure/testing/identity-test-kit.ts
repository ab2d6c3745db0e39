import { Clock } from '#libs/building-blocks';
import { loadConfig } from '#libs/platform';
import { CommonPasswordList, PasswordHistoryMatcher, type PasswordRule } from '#libs/password-policy';
import { AuditTrail } from '../../application/services/audit-trail.service.js';
import { FailedEntries } from '../../application/services/failed-entries.service.js';
import { IdentityMail } from '../../application/services/identity-mail.service.js';
import { OrganizationLookup } from '../../application/services/organization-lookup.service.js';
import { PasswordPolicies } from '../../application/services/password-policies.service.js';
import { ResetLinks } from '../../application/services/reset-links.service.js';
import { Account } from '../../domain/account.aggregate.js';
import { Organization } from '../../domain/organization.aggregate.js';
import { FakePasswordHasher } from './fake-password.hasher.js';
import { InMemoryAccountRepository } from './in-memory-account.repository.js';
import { InMemoryAccountSessions } from './in-memory-account.sessions.js';
import { InMemoryOrganizationRepository } from './in-memory-organization.repository.js';
import { InMemoryPasswordResetTokenRepository } from './in-memory-password-reset-token.repository.js';
import { InMemorySecurityEventRepository } from './in-memory-security-event.repository.js';
import { FixedPasswordRules, ImmediateUnitOfWork, InMemoryMailOutbox, InMemoryDeferredWork, InMemoryUnknownIdentityRepository, SequentialResetTokenSecrets } from './in-memory-ports.js';

export class MutableClock extends Clock {
  constructor(public current = new Date('2026-11-26T12:00:00Z')) {
    super();
  }

  now(): Date {
    return new Date(this.current);
  }

  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}

class ListedCommonPasswords extends CommonPasswordList {
  has(lowercasePassword: string): boolean {
    return lowercasePassword === 'password123!';
  }
}

class FakeHistoryMatcher extends PasswordHistoryMatcher {
  constructor(private readonly hasher: FakePasswordHasher) {
    super();
  }

  async matchesAny(password: string, hashes: readonly string[]): Promise<boolean> {
    for (const hash of hashes) if (await this.hasher.verify(hash, password)) return true;
    return false;
  }
}

/** Every collaborator of the identity handlers, in memory, wired as the module wires them. */
export class IdentityTestKit {
  readonly config = loadConfig({ PUBLIC_URL: 'https://latchkey.test', RESET_TOKEN_TTL_SECONDS: '1800' });
  readonly clock = new MutableClock();
  readonly organizations = new InMemoryOrganizationRepository();
  readonly accounts = new InMemoryAccountRepository();
  readonly tokens = new InMemoryPasswordResetTokenRepository();
  readonly events = new InMemorySecurityEventRepository();
  readonly hasher = new FakePasswordHasher();
  readonly sessions = new InMemoryAccountSessions();
  readonly outbox = new InMemoryMailOutbox();
  readonly unknownIdentities = new InMemoryUnknownIdentityRepository();
  readonly deferred = new InMemoryDeferredWork();
  readonly secrets = new SequentialResetTokenSecrets();
  readonly unitOfWork = new ImmediateUnitOfWork();
  readonly policies: PasswordPolicies;
  readonly audit = new AuditTrail(this.events, this.clock);
  readonly mail = new IdentityMail(this.outbox);
  readonly resetLinks = new ResetLinks(this.tokens, this.secrets, this.mail, this.config);
  readonly lookup = new OrganizationLookup(this.organizations, this.accounts);
  readonly failedEntries: FailedEntries;

  constructor(extraRules: readonly PasswordRule[] = []) {
    this.policies = new PasswordPolicies(new ListedCommonPasswords(), new FixedPasswordRules(extraRules), new FakeHistoryMatcher(this.hasher));
    this.failedEntries = new FailedEntries(this.accounts, this.organizations, this.unknownIdentities, this.policies, this.resetLinks, this.audit, this.unitOfWork, this.deferred, this.clock);
  }

  async organization(name = 'acme'): Promise<Organization> {
    const organization = Organization.create({ id: `org-${name}`, name, displayName: 'Acme Corp', now: this.clock.now() });
    await this.organizations.add(organization);
    return organization;
  }

  async account(organization: Organization, password: string | null = 'Plum-korb!7', email = 'jane@example.com'): Promise<Account> {
    const account = Account.register({ id: `account-${email}`, organizationId: organization.id, email, locale: 'en', passwordHash: password && `v1:${password}`, now: this.clock.now() });
    await this.accounts.add(account);
    return account;
  }

  eventTypes(): string[] {
    return this.events.items.map((event) => event.type);
  }
}

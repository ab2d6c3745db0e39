import { Clock, type DomainEventClass, type DomainEventSubscriber, INTERNAL_ORIGIN, InMemoryDomainEvents } from '#libs/building-blocks';
import { loadConfig } from '#libs/platform';
import { CommonPasswordList, PasswordHistoryMatcher, type PasswordRule } from '#libs/password-policy';
import { AccountOwners } from '../../application/services/account-owners.service.js';
import { AuditTrail } from '../../application/services/audit-trail.service.js';
import { FailedEntries } from '../../application/services/failed-entries.service.js';
import { IdentityMail } from '../../application/services/identity-mail.service.js';
import { NewPasswords } from '../../application/services/new-passwords.service.js';
import { OrganizationLookup } from '../../application/services/organization-lookup.service.js';
import { PasswordChecks } from '../../application/services/password-checks.service.js';
import { PasswordPolicies } from '../../application/services/password-policies.service.js';
import { ResetLinks } from '../../application/services/reset-links.service.js';
import { ResetThrottle } from '../../application/services/reset-throttle.service.js';
import { AUDITED_EVENTS, AuditTrailSubscriber } from '../../application/subscribers/audit-trail.subscriber.js';
import { OwnerMailSubscriber } from '../../application/subscribers/owner-mail.subscriber.js';
import { ResetLinkSpendingSubscriber } from '../../application/subscribers/reset-link-spending.subscriber.js';
import { ResetLinkSubscriber } from '../../application/subscribers/reset-link.subscriber.js';
import { SessionEndingSubscriber } from '../../application/subscribers/session-ending.subscriber.js';
import { Account } from '../../domain/account.aggregate.js';
import {
  AccountCreated,
  AccountLocked,
  AccountResetRequired,
  CredentialsExpired,
  PasswordChanged,
  PasswordReset,
  ResetRequested,
} from '../../domain/identity.events.js';
import { Organization } from '../../domain/organization.aggregate.js';
import { FakePasswordHasher } from './fake-password.hasher.js';
import { InMemoryAccountRepository } from './in-memory-account.repository.js';
import { InMemoryAccountSessions } from './in-memory-account.sessions.js';
import { InMemoryOrganizationRepository } from './in-memory-organization.repository.js';
import { InMemoryPasswordResetTokenRepository } from './in-memory-password-reset-token.repository.js';
import { InMemorySecurityEventRepository } from './in-memory-security-event.repository.js';
import {
  FixedPasswordRules,
  ImmediateUnitOfWork,
  InMemoryMailOutbox,
  InMemoryDeferredWork,
  InMemoryUnknownIdentityRepository,
  SequentialResetTokenSecrets,
} from './in-memory-ports.js';

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

/**
 * Identity's subscribers and the events each takes, as IdentityModule declares them with @OnDomainEvent, in the
 * platform dispatcher's order (by class name); identity-subscribers.spec.ts checks the two agree.
 */
export function identitySubscriptions(
  kit: IdentityTestKit,
): Array<{ on: readonly DomainEventClass[]; subscriber: DomainEventSubscriber<never> }> {
  return [
    { on: AUDITED_EVENTS, subscriber: new AuditTrailSubscriber(kit.audit) },
    { on: [PasswordChanged, PasswordReset], subscriber: new OwnerMailSubscriber(kit.owners, kit.mail) },
    { on: [PasswordChanged, PasswordReset], subscriber: new ResetLinkSpendingSubscriber(kit.tokens) },
    {
      on: [AccountCreated, ResetRequested, AccountResetRequired, AccountLocked],
      subscriber: new ResetLinkSubscriber(kit.owners, kit.resetLinks),
    },
    { on: [PasswordChanged, PasswordReset, CredentialsExpired], subscriber: new SessionEndingSubscriber(kit.sessions) },
  ];
}

/** Every collaborator of the identity handlers, in memory, wired as the module wires them (identity's subscribers included). */
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
  readonly audit = new AuditTrail(this.events, this.clock);
  readonly mail = new IdentityMail(this.outbox);
  readonly resetLinks = new ResetLinks(this.tokens, this.secrets, this.mail, this.config);
  readonly lookup = new OrganizationLookup(this.organizations, this.accounts);
  readonly owners = new AccountOwners(this.accounts, this.organizations);
  readonly throttle = new ResetThrottle(this.tokens);
  /** What the handlers published, in order; handed to identity's subscribers as the platform's dispatcher does. */
  readonly domainEvents = new InMemoryDomainEvents();
  readonly policies: PasswordPolicies;
  readonly newPasswords: NewPasswords;
  readonly failedEntries: FailedEntries;
  readonly checks: PasswordChecks;

  constructor(extraRules: readonly PasswordRule[] = []) {
    this.policies = new PasswordPolicies(
      new ListedCommonPasswords(),
      new FixedPasswordRules(extraRules),
      new FakeHistoryMatcher(this.hasher),
    );
    this.newPasswords = new NewPasswords(this.accounts, this.policies, this.hasher);
    this.failedEntries = new FailedEntries(
      this.accounts,
      this.organizations,
      this.unknownIdentities,
      this.policies,
      this.audit,
      this.domainEvents,
      this.unitOfWork,
      this.deferred,
      this.clock,
    );
    this.checks = new PasswordChecks(this.organizations, this.accounts, this.hasher, this.failedEntries);
    for (const { on, subscriber } of identitySubscriptions(this)) this.domainEvents.subscribe(on, subscriber as DomainEventSubscriber);
  }

  /** An organization as if created earlier: its events are dropped, not published. */
  async organization(name = 'acme'): Promise<Organization> {
    const organization = Organization.create({
      id: `org-${name}`,
      name,
      displayName: 'Acme Corp',
      now: this.clock.now(),
      origin: INTERNAL_ORIGIN,
    });
    organization.pullEvents();
    await this.organizations.add(organization);
    return organization;
  }

  /** An account as if created earlier: its events are dropped, not published. */
  async account(organization: Organization, password: string | null = 'Plum-korb!7', email = 'jane@example.com'): Promise<Account> {
    const account = Account.register({
      id: `account-${email}`,
      organizationId: organization.id,
      email,
      locale: 'en',
      passwordHash: password && `v1:${password}`,
      now: this.clock.now(),
      origin: INTERNAL_ORIGIN,
    });
    account.pullEvents();
    await this.accounts.add(account);
    return account;
  }

  /** The types of the domain events published so far, in order. */
  published(): string[] {
    return this.domainEvents.types();
  }

  eventTypes(): string[] {
    return this.events.items.map((event) => event.type);
  }
}

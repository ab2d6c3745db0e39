import { randomUUID } from 'node:crypto';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Clock, ConflictError, DomainEvents, UnitOfWork } from '#libs/building-blocks';
import { Account } from '../../../domain/account.aggregate.js';
import { normalizeEmail } from '../../../domain/email-address.vo.js';
import { PasswordPolicyViolatedError } from '../../../domain/identity.errors.js';
import { PasswordHasher } from '../../ports/password-hasher.port.js';
import { OrganizationLookup } from '../../services/organization-lookup.service.js';
import { PasswordPolicies } from '../../services/password-policies.service.js';
import { type AccountView, CreateAccount, toAccountView } from './create-account.command.js';

/** With a password the account is ready; without one it is invited (AccountCreated's subscribers send the link) to set it. */
@CommandHandler(CreateAccount)
export class CreateAccountHandler implements ICommandHandler<CreateAccount> {
  constructor(
    private readonly lookup: OrganizationLookup,
    private readonly policies: PasswordPolicies,
    private readonly hasher: PasswordHasher,
    private readonly events: DomainEvents,
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  async execute({ organization: name, email, password, locale, origin }: CreateAccount): Promise<AccountView> {
    const organization = await this.lookup.organization(name);
    const taken = await this.lookup.accounts.findByEmail(organization.id, normalizeEmail(email));
    if (taken) throw new ConflictError('An account with this e-mail already exists.');
    const policy = this.policies.forOrganization(organization);
    const violations = password === undefined ? [] : policy.evaluate({ password, email, organizationName: organization.name });
    if (violations.length > 0) throw new PasswordPolicyViolatedError(violations);
    const passwordHash = password === undefined ? null : await this.hasher.hash(password);
    const now = this.clock.now();
    const account = Account.register({ id: randomUUID(), organizationId: organization.id, email, locale, passwordHash, now, origin });
    await this.unitOfWork.run(async () => {
      await this.lookup.accounts.add(account);
      await this.events.publishFrom(account);
    });
    return toAccountView(account, organization.name);
  }
}

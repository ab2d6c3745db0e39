import { Injectable } from '@nestjs/common';
import type { Account } from '../../domain/account.aggregate.js';
import { AccountRepository } from '../../domain/account.repository.js';
import type { Organization } from '../../domain/organization.aggregate.js';
import { OrganizationRepository } from '../../domain/organization.repository.js';

/**
 * The account and organization an event names, for what is sent to the owner (a mail carries the
 * address, the locale and the organization's names). Inside the change's transaction both are
 * usually already loaded, and the repositories answer from the ORM's identity map.
 */
@Injectable()
export class AccountOwners {
  constructor(
    private readonly accounts: AccountRepository,
    private readonly organizations: OrganizationRepository,
  ) {}

  async of(event: { accountId: string; organizationId: string }): Promise<{ account: Account; organization: Organization }> {
    const account = await this.accounts.findById(event.accountId);
    const organization = account && (await this.organizations.findById(event.organizationId));
    // Never expected (accounts are not deleted): failing the change beats losing the owner's mail silently.
    if (!account || !organization) throw new Error(`Account ${event.accountId} of organization ${event.organizationId} was not found.`);
    return { account, organization };
  }
}

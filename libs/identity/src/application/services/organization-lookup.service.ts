import { Injectable } from '@nestjs/common';
import { NotFoundError } from '#libs/building-blocks';
import type { Account } from '../../domain/account.aggregate.js';
import { AccountRepository } from '../../domain/account.repository.js';
import type { Organization } from '../../domain/organization.aggregate.js';
import { OrganizationRepository } from '../../domain/organization.repository.js';

/** The 404s of the administration and policy routes (docs/api.md#administration); sign-in never uses it (it must not tell). */
@Injectable()
export class OrganizationLookup {
  constructor(
    readonly organizations: OrganizationRepository,
    readonly accounts: AccountRepository,
  ) {}

  async organization(name: string): Promise<Organization> {
    const organization = await this.organizations.findByName(name.toLowerCase());
    if (!organization) throw new NotFoundError('There is no such organization.');
    return organization;
  }

  async account(organizationName: string, accountId: string): Promise<{ organization: Organization; account: Account }> {
    const organization = await this.organization(organizationName);
    const account = await this.accounts.findById(accountId);
    if (!account || account.organizationId !== organization.id) throw new NotFoundError('There is no such account in this organization.');
    return { organization, account };
  }
}

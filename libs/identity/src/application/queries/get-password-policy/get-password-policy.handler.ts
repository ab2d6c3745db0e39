import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import type { PasswordPolicyDescription } from '#libs/password-policy';
import { OrganizationLookup } from '../../services/organization-lookup.service.js';
import { PasswordPolicies } from '../../services/password-policies.service.js';
import { GetPasswordPolicy } from './get-password-policy.query.js';

@QueryHandler(GetPasswordPolicy)
export class GetPasswordPolicyHandler implements IQueryHandler<GetPasswordPolicy> {
  constructor(
    private readonly lookup: OrganizationLookup,
    private readonly policies: PasswordPolicies,
  ) {}

  async execute({ organization }: GetPasswordPolicy): Promise<PasswordPolicyDescription> {
    return this.policies.forOrganization(await this.lookup.organization(organization)).describe();
  }
}

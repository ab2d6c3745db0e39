import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { OrganizationLookup } from '../../services/organization-lookup.service.js';
import { PasswordPolicies } from '../../services/password-policies.service.js';
import { CheckPassword, type PasswordCheck } from './check-password.query.js';

@QueryHandler(CheckPassword)
export class CheckPasswordHandler implements IQueryHandler<CheckPassword> {
  constructor(
    private readonly lookup: OrganizationLookup,
    private readonly policies: PasswordPolicies,
  ) {}

  async execute({ organization: name, password, email }: CheckPassword): Promise<PasswordCheck> {
    const organization = await this.lookup.organization(name);
    const violations = this.policies.forOrganization(organization).evaluate({ password, email, organizationName: organization.name });
    return { ok: violations.length === 0, violations };
  }
}

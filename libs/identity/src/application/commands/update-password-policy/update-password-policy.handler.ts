import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { PasswordPolicyDescription } from '#libs/password-policy';
import { UnitOfWork } from '#libs/building-blocks';
import { AuditTrail } from '../../services/audit-trail.service.js';
import { OrganizationLookup } from '../../services/organization-lookup.service.js';
import { PasswordPolicies } from '../../services/password-policies.service.js';
import { UpdatePasswordPolicy } from './update-password-policy.command.js';

@CommandHandler(UpdatePasswordPolicy)
export class UpdatePasswordPolicyHandler implements ICommandHandler<UpdatePasswordPolicy> {
  constructor(
    private readonly lookup: OrganizationLookup,
    private readonly policies: PasswordPolicies,
    private readonly audit: AuditTrail,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  async execute({ organization: name, overrides, origin }: UpdatePasswordPolicy): Promise<PasswordPolicyDescription> {
    const settings = this.policies.settings(overrides);
    const organization = await this.lookup.organization(name);
    organization.setPasswordPolicy(settings);
    await this.unitOfWork.run(async () => {
      await this.lookup.organizations.save(organization);
      await this.audit.record('password-policy.updated', { organizationId: organization.id }, origin, { settings: settings.toJSON() });
    });
    return this.policies.forOrganization(organization).describe();
  }
}

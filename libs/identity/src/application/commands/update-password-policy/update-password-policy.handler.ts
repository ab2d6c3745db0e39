import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Clock, DomainEvents, UnitOfWork } from '#libs/building-blocks';
import type { PasswordPolicyDescription } from '#libs/password-policy';
import { OrganizationLookup } from '../../services/organization-lookup.service.js';
import { PasswordPolicies } from '../../services/password-policies.service.js';
import { UpdatePasswordPolicy } from './update-password-policy.command.js';

@CommandHandler(UpdatePasswordPolicy)
export class UpdatePasswordPolicyHandler implements ICommandHandler<UpdatePasswordPolicy> {
  constructor(
    private readonly lookup: OrganizationLookup,
    private readonly policies: PasswordPolicies,
    private readonly events: DomainEvents,
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  async execute({ organization: name, overrides, origin }: UpdatePasswordPolicy): Promise<PasswordPolicyDescription> {
    const settings = this.policies.settings(overrides);
    const organization = await this.lookup.organization(name);
    organization.setPasswordPolicy(settings, origin, this.clock.now());
    await this.unitOfWork.run(async () => {
      await this.lookup.organizations.save(organization);
      await this.events.publishFrom(organization);
    });
    return this.policies.forOrganization(organization).describe();
  }
}

import { randomUUID } from 'node:crypto';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Clock, DomainEvents, UnitOfWork } from '#libs/building-blocks';
import { Organization } from '../../../domain/organization.aggregate.js';
import { OrganizationRepository } from '../../../domain/organization.repository.js';
import { CreateOrganization, type OrganizationView } from './create-organization.command.js';

@CommandHandler(CreateOrganization)
export class CreateOrganizationHandler implements ICommandHandler<CreateOrganization> {
  constructor(
    private readonly organizations: OrganizationRepository,
    private readonly events: DomainEvents,
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  async execute({ name, displayName, origin }: CreateOrganization): Promise<OrganizationView> {
    const organization = Organization.create({ id: randomUUID(), name, displayName, now: this.clock.now(), origin });
    await this.unitOfWork.run(async () => {
      await this.organizations.add(organization);
      await this.events.publishFrom(organization);
    });
    return {
      id: organization.id,
      name: organization.name,
      displayName: organization.displayName,
      createdAt: organization.createdAt.toISOString(),
    };
  }
}

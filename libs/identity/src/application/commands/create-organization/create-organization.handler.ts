import { randomUUID } from 'node:crypto';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Clock } from '#libs/building-blocks';
import { Organization } from '../../../domain/organization.aggregate.js';
import { OrganizationRepository } from '../../../domain/organization.repository.js';
import { UnitOfWork } from '#libs/building-blocks';
import { AuditTrail } from '../../services/audit-trail.service.js';
import { CreateOrganization, type OrganizationView } from './create-organization.command.js';

@CommandHandler(CreateOrganization)
export class CreateOrganizationHandler implements ICommandHandler<CreateOrganization> {
  constructor(
    private readonly organizations: OrganizationRepository,
    private readonly audit: AuditTrail,
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  async execute({ name, displayName, origin }: CreateOrganization): Promise<OrganizationView> {
    const organization = Organization.create({ id: randomUUID(), name, displayName, now: this.clock.now() });
    await this.unitOfWork.run(async () => {
      await this.organizations.add(organization);
      await this.audit.record('organization.created', { organizationId: organization.id }, origin, { name });
    });
    return { id: organization.id, name: organization.name, displayName: organization.displayName, createdAt: organization.createdAt.toISOString() };
  }
}

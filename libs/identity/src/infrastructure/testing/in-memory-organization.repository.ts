import { ConflictError } from '#libs/building-blocks';
import type { Organization } from '../../domain/organization.aggregate.js';
import { OrganizationRepository } from '../../domain/organization.repository.js';

export class InMemoryOrganizationRepository extends OrganizationRepository {
  readonly items = new Map<string, Organization>();

  async findByName(name: string): Promise<Organization | null> {
    return [...this.items.values()].find((organization) => organization.name === name) ?? null;
  }

  findByNameForReading(name: string): Promise<Organization | null> {
    return this.findByName(name);
  }

  async findById(id: string): Promise<Organization | null> {
    return this.items.get(id) ?? null;
  }

  async add(organization: Organization): Promise<void> {
    if (await this.findByName(organization.name)) throw new ConflictError('An organization with this name already exists.');
    this.items.set(organization.id, organization);
  }

  async save(organization: Organization): Promise<void> {
    this.items.set(organization.id, organization);
  }
}

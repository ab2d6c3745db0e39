import type { Organization } from './organization.aggregate.js';

export abstract class OrganizationRepository {
  abstract findByName(name: string): Promise<Organization | null>;
  abstract findById(id: string): Promise<Organization | null>;
  /** Throws ConflictError when the name is taken. */
  abstract add(organization: Organization): Promise<void>;
  abstract save(organization: Organization): Promise<void>;
}

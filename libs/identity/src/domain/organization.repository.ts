import type { Organization } from './organization.aggregate.js';

export abstract class OrganizationRepository {
  abstract findByName(name: string): Promise<Organization | null>;
  /**
   * For reading only (sign-in, reset requests): a copy that may come from memory, kept current on
   * every instance once a change commits. Never pass it to `save`: use `findByName` to change one.
   */
  abstract findByNameForReading(name: string): Promise<Organization | null>;
  abstract findById(id: string): Promise<Organization | null>;
  /** Throws ConflictError when the name is taken. */
  abstract add(organization: Organization): Promise<void>;
  abstract save(organization: Organization): Promise<void>;
}

import { OrganizationDirectory, type OrganizationRef } from '../../application/ports/organization-directory.port.js';

export class InMemoryOrganizationDirectory extends OrganizationDirectory {
  constructor(readonly organizations: OrganizationRef[] = []) {
    super();
  }

  async byName(name: string): Promise<OrganizationRef | null> {
    return this.organizations.find((o) => o.name === name) ?? null;
  }

  async byId(id: string): Promise<OrganizationRef | null> {
    return this.organizations.find((o) => o.id === id) ?? null;
  }
}

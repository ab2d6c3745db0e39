export interface OrganizationRef {
  readonly id: string;
  readonly name: string;
}

/** Organizations as streams need them: identity owns them; this reads them. */
export abstract class OrganizationDirectory {
  abstract byName(name: string): Promise<OrganizationRef | null>;
  abstract byId(id: string): Promise<OrganizationRef | null>;
}

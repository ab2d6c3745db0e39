import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { OrganizationDirectory, type OrganizationRef } from '../../application/ports/organization-directory.port.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Reads identity's `organizations` table (id and name only, never written): an organization is
 * created once and its name never changes, so nothing here can go stale within a request.
 */
@Injectable()
export class SqlOrganizationDirectory extends OrganizationDirectory {
  constructor(private readonly em: EntityManager) {
    super();
  }

  async byName(name: string): Promise<OrganizationRef | null> {
    if (name.length > 63) return null;
    const [row] = await this.em.execute<OrganizationRef[]>('select id, name from organizations where name = ?', [name]);
    return row ?? null;
  }

  async byId(id: string): Promise<OrganizationRef | null> {
    if (!UUID.test(id)) return null;
    const [row] = await this.em.execute<OrganizationRef[]>('select id, name from organizations where id = ?', [id]);
    return row ?? null;
  }
}

import { Injectable } from '@nestjs/common';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { ConflictError } from '#libs/building-blocks';
import { Organization } from '../../domain/organization.aggregate.js';
import { OrganizationRepository } from '../../domain/organization.repository.js';
import { CachedOrganizationReader } from '../cache/cached-organization.reader.js';
import { isUuid } from './uuid.js';

@Injectable()
export class MikroOrmOrganizationRepository extends OrganizationRepository {
  constructor(
    private readonly em: EntityManager,
    private readonly reader: CachedOrganizationReader,
  ) {
    super();
  }

  findByName(name: string): Promise<Organization | null> {
    return this.em.findOne(Organization, { name });
  }

  findByNameForReading(name: string): Promise<Organization | null> {
    return this.reader.byName(name);
  }

  async findById(id: string): Promise<Organization | null> {
    return isUuid(id) ? this.em.findOne(Organization, { id }) : null;
  }

  async add(organization: Organization): Promise<void> {
    try {
      await this.em.persist(organization).flush();
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException) throw new ConflictError('An organization with this name already exists.');
      throw error;
    }
  }

  async save(organization: Organization): Promise<void> {
    this.em.persist(organization);
  }
}

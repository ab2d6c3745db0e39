import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import type { PasswordPolicyOverrides } from '#libs/password-policy';
import { InvalidationChannel, ReadThroughCache } from '#libs/platform';
import { Organization } from '../../domain/organization.aggregate.js';

/** Bounds how long an instance can read old settings if an invalidation could not be broadcast. */
const TTL_MS = 60_000;
const MAX_ENTRIES = 10_000;

interface OrganizationRow {
  id: string;
  name: string;
  display_name: string;
  policy_overrides: PasswordPolicyOverrides | string;
  created_at: Date | string;
}

/**
 * Organizations by name for the paths that only read them (every sign-in looks one up): one raw
 * select on a miss, then memory until `CommittedChangeInvalidation` drops the name on every instance.
 * Each caller gets its own copy, never an entity the ORM manages.
 */
@Injectable()
export class CachedOrganizationReader {
  private readonly cache: ReadThroughCache<OrganizationRow>;

  constructor(
    private readonly em: EntityManager,
    channel: InvalidationChannel,
  ) {
    this.cache = new ReadThroughCache<OrganizationRow>(channel, 'organization', { ttlMs: TTL_MS, maxEntries: MAX_ENTRIES });
  }

  async byName(name: string): Promise<Organization | null> {
    const row = await this.cache.get(name, async () => {
      const [found] = await this.em.execute<OrganizationRow[]>(
        'select id, name, display_name, policy_overrides, created_at from organizations where name = ?',
        [name],
      );
      return found ?? null;
    });
    if (!row) return null;
    const overrides = typeof row.policy_overrides === 'string' ? JSON.parse(row.policy_overrides) : row.policy_overrides;
    return Organization.restore({
      id: row.id,
      name: row.name,
      displayName: row.display_name,
      policyOverrides: structuredClone(overrides) as PasswordPolicyOverrides,
      createdAt: new Date(row.created_at),
    });
  }

  forget(name: string): Promise<void> {
    return this.cache.invalidate(name);
  }
}

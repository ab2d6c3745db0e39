import { createHmac, hkdfSync } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { AppConfig, entityColumns, PreparedStatement } from '#libs/platform';
import { UnknownIdentity } from '../../domain/unknown-identity.aggregate.js';
import { UnknownIdentityRepository } from '../../domain/unknown-identity.repository.js';

// Prepared like the account's lock, so that both failures keep costing alike (docs/security.md).
const LOCK = new PreparedStatement(
  (em) => `insert into unknown_sign_in_identities (key, failed_sign_ins, locked) values ($1, 0, false)
           on conflict (key) do update set key = excluded.key returning ${entityColumns(em, UnknownIdentity)}`,
);

/**
 * Keyed by an HMAC of organization name and e-mail under a key derived from JWT_SECRET: the table
 * holds no typed text, and without the secret nobody can test a guessed address against it.
 */
@Injectable()
export class MikroOrmUnknownIdentityRepository extends UnknownIdentityRepository {
  private readonly hmacKey: Buffer;

  constructor(
    private readonly em: EntityManager,
    config: AppConfig,
  ) {
    super();
    this.hmacKey = Buffer.from(hkdfSync('sha256', config.JWT_SECRET, '', 'latchkey unknown sign-in identity', 32));
  }

  /** One statement that creates the row or takes the existing one, and locks it either way (an account's `select … for update`). */
  async lock(organizationName: string, emailNormalized: string): Promise<UnknownIdentity> {
    const key = createHmac('sha256', this.hmacKey).update(`${organizationName}\n${emailNormalized}`).digest('base64url');
    const [row] = await LOCK.run(this.em, [key]);
    return this.em.map(UnknownIdentity, row);
  }

  async save(identity: UnknownIdentity): Promise<void> {
    await this.em.persist(identity).flush();
  }
}

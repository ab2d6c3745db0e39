import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { AppConfig, CommittedIncrements } from '#libs/platform';
import type { UnknownIdentity } from '../../domain/unknown-identity.aggregate.js';
import { MikroOrmUnknownIdentityRepository } from '../persistence/mikro-orm-unknown-identity.repository.js';
import { IdentityCounters } from './identity-metrics.subscriber.js';

/**
 * A sign-in for an identity that names no account raises no domain event (it is no account), so
 * it is counted where its failure is saved — once that transaction has committed — as
 * `latchkey_sign_ins_total{outcome="unknown_identity"}`. A save is made for each such attempt.
 */
@Injectable()
export class MeteredUnknownIdentityRepository extends MikroOrmUnknownIdentityRepository {
  constructor(
    em: EntityManager,
    config: AppConfig,
    private readonly counters: IdentityCounters,
    private readonly committed: CommittedIncrements,
  ) {
    super(em, config);
  }

  override async save(identity: UnknownIdentity): Promise<void> {
    await super.save(identity);
    this.committed.add(() => this.counters.signIns.inc({ outcome: 'unknown_identity' }));
  }
}

import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { UnitOfWork } from '#libs/building-blocks';

/**
 * Inside the callback the injected EntityManager of every repository resolves to the transaction.
 * `join` adds no savepoint: the credential revocations are registered on the transaction that
 * commits (docs/sessions.md), so callers use it from a top-level transaction.
 */
@Injectable()
export class MikroOrmUnitOfWork extends UnitOfWork {
  constructor(private readonly em: EntityManager) {
    super();
  }

  run<T>(work: () => Promise<T>): Promise<T> {
    return this.em.transactional(() => work());
  }

  join<T>(work: () => Promise<T>): Promise<T> {
    return this.em.isInTransaction() ? work() : this.run(work);
  }
}

import { Injectable } from '@nestjs/common';
import { type EntityManager, MikroORM, RequestContext } from '@mikro-orm/core';

/**
 * The forks of one request, made on first use. MikroORM's own middleware forks the EntityManager
 * for every request up front — a new identity map, unit of work and their helpers — although a
 * request answered from memory or Redis (a token check, `GET /v1/me`) never touches it.
 */
export class LazyForks extends Map<string, EntityManager> {
  /** A fork under construction asks for its context too: it must find none, not fork again. */
  private forking = false;

  constructor(private readonly root: EntityManager) {
    super();
  }

  override get(name: string): EntityManager | undefined {
    let em = super.get(name);
    if (!em && name === this.root.name && !this.forking) {
      this.forking = true;
      try {
        em = this.root.fork({ useContext: true, disableContextResolution: true });
      } finally {
        this.forking = false;
      }
      super.set(name, em);
    }
    return em;
  }
}

/** MikroORM's request context (AsyncLocalStorage, as `RequestContext.create`), with `LazyForks`. */
@Injectable()
export class LazyRequestContext {
  // `RequestContext.create` forks eagerly; its storage is what it runs the request in.
  private readonly storage = RequestContext['storage'];

  constructor(private readonly orm: MikroORM) {}

  /** Runs `next` (the rest of a request) in a context of its own. */
  run(next: () => void): void {
    this.storage.run(new RequestContext(new LazyForks(this.orm.em)), next);
  }
}

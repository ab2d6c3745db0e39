import { Injectable } from '@nestjs/common';
import { InvalidationChannel, ReadThroughCache } from '#libs/platform';
import { MeViewReader } from '../../application/ports/me-view.reader.port.js';
import type { MeView } from '../../application/queries/get-me/get-me.query.js';
import { SqlMeViewReader } from '../persistence/sql-me-view.reader.js';

/** Bounds how long an instance can show an old view if an invalidation could not be broadcast. */
const TTL_MS = 60_000;
const MAX_ENTRIES = 50_000;

/**
 * `GET /v1/me` from memory: the view changes only when the account row does (a password change or
 * reset), and `CommittedChangeInvalidation` drops it on every instance once that change commits.
 * The token checks in front of it never come from here.
 */
@Injectable()
export class CachedMeViewReader extends MeViewReader {
  private readonly cache: ReadThroughCache<MeView>;

  constructor(
    private readonly sql: SqlMeViewReader,
    channel: InvalidationChannel,
  ) {
    super();
    this.cache = new ReadThroughCache<MeView>(channel, 'me-view', { ttlMs: TTL_MS, maxEntries: MAX_ENTRIES });
  }

  read(accountId: string): Promise<MeView | null> {
    return this.cache.get(accountId, async () => {
      const view = await this.sql.read(accountId);
      return view && Object.freeze(view);
    });
  }

  forget(accountId: string): Promise<void> {
    return this.cache.invalidate(accountId);
  }
}

import { Injectable, Logger } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';

const MIN_INTERVAL_MS = 60_000;
const MAX_TRACKED = 100_000;

/**
 * `lastUsedAt` of sessions and API tokens, written at most once a minute per credential and
 * instance, after the request has been let through (never awaited on the hot path).
 */
@Injectable()
export class LastUsedRecorder {
  private readonly logger = new Logger(LastUsedRecorder.name);
  /**
   * Per table, by credential id: the id is the same string on every request of a token (its claims are
   * remembered), so the lookup reuses its hash instead of building and hashing a new key each time.
   */
  private readonly lastWritten = { sessions: new Map<string, number>(), api_tokens: new Map<string, number>() };

  constructor(private readonly orm: MikroORM) {}

  session(id: string): void {
    this.record('sessions', id);
  }

  apiToken(id: string): void {
    this.record('api_tokens', id);
  }

  private record(table: 'sessions' | 'api_tokens', id: string): void {
    const now = Date.now();
    const written = this.lastWritten[table];
    const last = written.get(id);
    if (last !== undefined && now - last < MIN_INTERVAL_MS) return;
    if (written.size >= MAX_TRACKED) written.clear();
    written.set(id, now);
    this.orm.em
      .getConnection()
      .execute(`update ${table} set last_used_at = greatest(coalesce(last_used_at, ?), ?) where id = ?`, [new Date(now), new Date(now), id])
      .catch((error: Error) => this.logger.warn(`lastUsedAt not recorded: ${error.message}`));
  }
}

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
  private readonly lastWritten = new Map<string, number>();

  constructor(private readonly orm: MikroORM) {}

  session(id: string): void {
    this.record('sessions', id);
  }

  apiToken(id: string): void {
    this.record('api_tokens', id);
  }

  private record(table: 'sessions' | 'api_tokens', id: string): void {
    const now = Date.now();
    const key = `${table}:${id}`;
    const last = this.lastWritten.get(key);
    if (last !== undefined && now - last < MIN_INTERVAL_MS) return;
    if (this.lastWritten.size >= MAX_TRACKED) this.lastWritten.clear();
    this.lastWritten.set(key, now);
    this.orm.em
      .getConnection()
      .execute(`update ${table} set last_used_at = greatest(coalesce(last_used_at, ?), ?) where id = ?`, [new Date(now), new Date(now), id])
      .catch((error: Error) => this.logger.warn(`lastUsedAt not recorded: ${error.message}`));
  }
}

import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import { EventLog, type LoggedEvent, type SetError } from '../../application/ports/event-log.port.js';

/** How long a lease lasts without renewal: longer than a push's timeout, so only a dead holder loses it. */
const LEASE_SECONDS = 60;
const RENEW_EVERY_MS = 10_000;

interface Row {
  seq: string;
  jti: string;
  claims: Record<string, unknown>;
  attempts: number;
  created_at: Date;
  next_attempt_at: Date;
}

const toEvent = (row: Row): LoggedEvent => ({
  seq: String(row.seq),
  jti: row.jti,
  claims: row.claims,
  attempts: row.attempts,
  createdAt: new Date(row.created_at),
  nextAttemptAt: new Date(row.next_attempt_at),
});

/**
 * EventLog over `ssf_events` and `ssf_delivery_leases`. Each statement runs on its own (autocommit):
 * delivery never holds a transaction, or a row lock, while it waits for a receiver. The lease (a row per
 * stream, `held_until` in the future) keeps a stream's deliveries one at a time across processes.
 */
@Injectable()
export class PostgresEventLog extends EventLog {
  /** This process, as a lease holder. */
  private readonly holder = randomUUID();
  /** When this process last took or renewed each stream's lease. */
  private readonly renewedAt = new Map<string, number>();

  constructor(private readonly orm: MikroORM) {
    super();
  }

  private execute<T extends object[] = Array<Record<string, unknown>>>(sql: string, params: unknown[] = []): Promise<T> {
    return this.orm.em.getConnection().execute<T>(sql, params);
  }

  async lease(streamId: string): Promise<boolean> {
    for (;;) {
      const taken = await this.execute<object[]>(
        `insert into ssf_delivery_leases (stream_id, holder, held_until) values (?, ?, now() + make_interval(secs => ?))
         on conflict (stream_id) do update set holder = excluded.holder, held_until = excluded.held_until, rerun = false
         where ssf_delivery_leases.held_until < now()
         returning stream_id`,
        [streamId, this.holder, LEASE_SECONDS],
      );
      if (taken.length > 0) {
        this.renewedAt.set(streamId, Date.now());
        return true;
      }
      // Held elsewhere: its holder goes once more before letting go, and sees what was just committed.
      // If it let go in between, take the lease again rather than leave the event to the sweeper.
      const asked = await this.execute<object[]>(
        'update ssf_delivery_leases set rerun = true where stream_id = ? and held_until >= now() returning stream_id',
        [streamId],
      );
      if (asked.length > 0) return false;
    }
  }

  async release(streamId: string): Promise<boolean> {
    // A millisecond back, so that a lease asked for at once is never "held until now" (taken nor asked again).
    const released = await this.execute<object[]>(
      `update ssf_delivery_leases set held_until = now() - interval '1 millisecond'
        where stream_id = ? and holder = ? and not rerun returning stream_id`,
      [streamId, this.holder],
    );
    if (released.length > 0) {
      this.renewedAt.delete(streamId);
      return true;
    }
    const again = await this.execute<object[]>(
      'update ssf_delivery_leases set rerun = false where stream_id = ? and holder = ? and rerun returning stream_id',
      [streamId, this.holder],
    );
    // No row: the lease lapsed and another process holds it now; it delivers.
    if (again.length === 0) this.renewedAt.delete(streamId);
    return again.length === 0;
  }

  async head(streamId: string): Promise<LoggedEvent | null> {
    // Renewed at most every few seconds: a long pass (a slow receiver, a backlog) keeps its lease.
    const renewedAt = this.renewedAt.get(streamId) ?? 0;
    if (Date.now() - renewedAt > RENEW_EVERY_MS) {
      await this.execute(
        'update ssf_delivery_leases set held_until = now() + make_interval(secs => ?) where stream_id = ? and holder = ?',
        [LEASE_SECONDS, streamId, this.holder],
      );
      this.renewedAt.set(streamId, Date.now());
    }
    const [row] = await this.execute<Row[]>(
      `select seq, jti, claims, attempts, created_at, next_attempt_at from ssf_events
        where stream_id = ? and state = 'pending' order by seq limit 1`,
      [streamId],
    );
    return row ? toEvent(row) : null;
  }

  async delivered(seq: string): Promise<void> {
    await this.execute(`update ssf_events set state = 'delivered', attempts = attempts + 1, finished_at = now() where seq = ?`, [seq]);
  }

  async failed(seq: string, error: string): Promise<void> {
    await this.execute(
      `update ssf_events set state = 'failed', attempts = attempts + 1, last_error = ?, finished_at = now() where seq = ?`,
      [error.slice(0, 500), seq],
    );
  }

  async retryAt(seq: string, error: string, at: Date): Promise<void> {
    await this.execute(`update ssf_events set attempts = attempts + 1, last_error = ?, next_attempt_at = ? where seq = ?`, [
      error.slice(0, 500),
      at,
      seq,
    ]);
  }

  async park(streamId: string, ms: number): Promise<void> {
    await this.execute('update ssf_delivery_leases set parked_until = now() + make_interval(secs => ?) where stream_id = ?', [
      ms / 1000,
      streamId,
    ]);
  }

  async dueStreams(limit: number): Promise<string[]> {
    const rows = await this.execute<Array<{ stream_id: string }>>(
      `select e.stream_id from ssf_events e
         left join ssf_delivery_leases l on l.stream_id = e.stream_id
        where e.state = 'pending' and e.next_attempt_at <= now() and (l.parked_until is null or l.parked_until <= now())
        group by e.stream_id order by min(e.next_attempt_at) limit ?`,
      [limit],
    );
    return rows.map((row) => row.stream_id);
  }

  async dropPending(streamId: string, reason: string): Promise<void> {
    await this.execute(
      `update ssf_events set state = 'failed', last_error = ?, finished_at = now() where stream_id = ? and state = 'pending'`,
      [reason, streamId],
    );
  }

  async pending(streamId: string, limit: number): Promise<LoggedEvent[]> {
    const rows = await this.execute<Row[]>(
      `select seq, jti, claims, attempts, created_at, next_attempt_at from ssf_events
        where stream_id = ? and state = 'pending' order by seq limit ?`,
      [streamId, limit],
    );
    return rows.map(toEvent);
  }

  async settle(streamId: string, acknowledged: readonly string[], errors: Readonly<Record<string, SetError>>): Promise<void> {
    if (acknowledged.length > 0) {
      await this.execute(
        `update ssf_events set state = 'acknowledged', finished_at = now()
          where stream_id = ? and state = 'pending' and jti in (?)`,
        [streamId, [...acknowledged]],
      );
    }
    for (const [jti, { err, description }] of Object.entries(errors)) {
      await this.execute(
        `update ssf_events set state = 'failed', last_error = ?, finished_at = now() where stream_id = ? and state = 'pending' and jti = ?`,
        [(description ? `${err}: ${description}` : err).slice(0, 500), streamId, jti],
      );
    }
  }

  async prune(hours: number): Promise<void> {
    await this.execute(`delete from ssf_events where state <> 'pending' and finished_at < now() - make_interval(hours => ?)`, [hours]);
  }
}

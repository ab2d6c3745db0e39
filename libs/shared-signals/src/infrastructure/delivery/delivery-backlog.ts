import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import { HealthDetails, MetricsRegistry } from '#libs/platform';

/** Scrapes and health checks closer together than this share one query. */
const CACHE_MS = 1_000;
/** A stream whose head has failed this many pushes in a row is "failing". */
export const FAILING_AFTER_ATTEMPTS = 3;

interface Backlog {
  pending: number;
  oldestAgeSeconds: number;
  failingStreams: number;
}

/**
 * How delivery is doing, read from PostgreSQL (one query on the partial index of pending events, at
 * most once a second): totals on /metrics (`latchkey_ssf_pending_events`,
 * `latchkey_ssf_oldest_pending_age_seconds`, `latchkey_ssf_failing_streams` — no per-stream labels)
 * and a `sharedSignals` detail on /health, which stays healthy: a receiver that keeps failing is the
 * receiver's problem, reported, never a reason to take Latchkey out of a load balancer.
 */
@Injectable()
export class DeliveryBacklog implements OnModuleInit {
  private readonly logger = new Logger(DeliveryBacklog.name);
  private cached: { at: number; value: Promise<Backlog | null> } | null = null;

  constructor(
    private readonly orm: MikroORM,
    private readonly metrics: MetricsRegistry,
    private readonly health: HealthDetails,
  ) {}

  onModuleInit(): void {
    const read = () => this.read();
    const gauge = (name: string, help: string, pick: (backlog: Backlog) => number) =>
      this.metrics.gauge({
        name,
        help,
        async collect() {
          const backlog = await read();
          if (backlog) this.set(pick(backlog));
        },
      });
    gauge('latchkey_ssf_pending_events', 'Shared Signals events not yet delivered or acknowledged, all streams', (b) => b.pending);
    gauge(
      'latchkey_ssf_oldest_pending_age_seconds',
      'Age of the oldest pending Shared Signals event (0 when none)',
      (b) => b.oldestAgeSeconds,
    );
    gauge(
      'latchkey_ssf_failing_streams',
      `Push streams whose next event has failed ${FAILING_AFTER_ATTEMPTS} or more attempts in a row`,
      (b) => b.failingStreams,
    );
    this.health.register('sharedSignals', async () => {
      const backlog = await read();
      if (!backlog) throw new Error('the event log could not be read');
      return { pendingEvents: backlog.pending, failingStreams: backlog.failingStreams };
    });
  }

  read(): Promise<Backlog | null> {
    const now = Date.now();
    if (this.cached && now - this.cached.at < CACHE_MS) return this.cached.value;
    const value = this.orm.em
      .getConnection()
      .execute<Array<{ pending: string; oldest_age: string | null; failing: string }>>(
        `select count(*) as pending, extract(epoch from now() - min(created_at)) as oldest_age,
                count(distinct stream_id) filter (where attempts >= ?) as failing
           from ssf_events where state = 'pending'`,
        [FAILING_AFTER_ATTEMPTS],
      )
      .then(([row]) => ({
        pending: Number(row.pending),
        oldestAgeSeconds: Math.max(0, Number(row.oldest_age ?? 0)),
        failingStreams: Number(row.failing),
      }))
      .catch((error: Error) => {
        this.logger.warn(`Shared Signals backlog not measured: ${error.message}`);
        return null;
      });
    this.cached = { at: now, value };
    return value;
  }
}

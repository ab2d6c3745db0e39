import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import { InvalidationChannel } from '../cache/invalidation-channel.js';
import { MetricsRegistry } from './metrics-registry.js';

/** Scrapes closer together than this share one outbox query. */
const OUTBOX_CACHE_MS = 1_000;

interface OutboxBacklog {
  pending: number;
  oldestAgeSeconds: number;
}

/**
 * Figures read when Prometheus scrapes: the outbox backlog (one query on the partial index of
 * pending rows, at most once a second) and whether this instance receives cache invalidations.
 */
@Injectable()
export class PlatformMetrics implements OnApplicationBootstrap {
  private readonly logger = new Logger(PlatformMetrics.name);
  private backlog: { at: number; value: Promise<OutboxBacklog | null> } | null = null;

  constructor(
    private readonly metrics: MetricsRegistry,
    private readonly orm: MikroORM,
    private readonly channel: InvalidationChannel,
  ) {
    const readBacklog = () => this.outboxBacklog();
    metrics.gauge({
      name: 'latchkey_outbox_pending_messages',
      help: 'Outbox rows committed but not yet handed to their queue',
      async collect() {
        const backlog = await readBacklog();
        if (backlog) this.set(backlog.pending);
      },
    });
    metrics.gauge({
      name: 'latchkey_outbox_oldest_pending_age_seconds',
      help: 'Age of the oldest outbox row not yet handed to its queue (0 when none is pending)',
      async collect() {
        const backlog = await readBacklog();
        if (backlog) this.set(backlog.oldestAgeSeconds);
      },
    });
  }

  /** Registered once the modules have started: only where something caches locally (the API; never the worker). */
  onApplicationBootstrap(): void {
    if (!this.channel.isInUse) return;
    const channel = this.channel;
    this.metrics.gauge({
      name: 'latchkey_cache_invalidation_channel_up',
      help: '1 while this instance receives cache invalidations, 0 while its local caches are off (absent where nothing caches locally)',
      collect() {
        this.set(channel.isListening ? 1 : 0);
      },
    });
  }

  private outboxBacklog(): Promise<OutboxBacklog | null> {
    const now = Date.now();
    if (this.backlog && now - this.backlog.at < OUTBOX_CACHE_MS) return this.backlog.value;
    const value = this.orm.em
      .getConnection()
      .execute<Array<{ pending: string | number; oldest_age: string | number | null }>>(
        `select count(*) as pending, extract(epoch from now() - min(created_at)) as oldest_age from outbox where sent_at is null`,
      )
      .then(([row]) => ({ pending: Number(row.pending), oldestAgeSeconds: Math.max(0, Number(row.oldest_age ?? 0)) }))
      .catch((error: Error) => {
        this.logger.warn(`Outbox backlog not measured: ${error.message}`);
        return null;
      });
    this.backlog = { at: now, value };
    return value;
  }
}

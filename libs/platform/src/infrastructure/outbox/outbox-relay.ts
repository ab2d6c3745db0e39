import { type BeforeApplicationShutdown, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import type { EventSubscriber, FlushEventArgs } from '@mikro-orm/core';
import { QueueRegistry } from '../queue/queue-registry.js';
import { relayInTrace } from '../telemetry/trace-context.js';
import { OutboxMessage } from './outbox-message.entity.js';

interface PendingRow {
  id: string;
  queue: string;
  name: string;
  payload: Record<string, unknown>;
  attempts: number;
  trace_context: Record<string, string> | null;
}

const BATCH = 100;
// BullMQ waits for its connection to be ready without a limit; the relay holds a transaction meanwhile.
const ENQUEUE_TIMEOUT_MS = 2_000;

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Redis did not accept the job within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
const POLL_MS = 1_000;

/**
 * Moves committed outbox rows to BullMQ. The job id is the row id, so a relay that runs twice
 * (two instances, or a crash between enqueue and marking the row) enqueues once. While Redis
 * is down the rows stay and are retried with backoff; nothing is lost (docs/guarantees.md#side-effects-are-not-lost).
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, BeforeApplicationShutdown, EventSubscriber {
  private readonly logger = new Logger(OutboxRelay.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private again = false;
  private stopped = false;
  private committedSoon = false;
  private redisCameBack = false;
  /** Some row failed to enqueue since the last one that went through: rows may be waiting out a backoff. */
  private rowsHeldBack = false;

  constructor(
    private readonly orm: MikroORM,
    private readonly queues: QueueRegistry,
  ) {}

  onApplicationBootstrap(): void {
    this.orm.em.getEventManager().registerSubscriber(this);
    // Rows that waited out an outage are due the moment Redis is back, not at their backoff time.
    this.queues.onReady(() => {
      this.redisCameBack = true;
      this.nudge();
    });
    this.timer = setInterval(() => this.nudge(), POLL_MS);
    this.timer.unref();
    this.nudge();
  }

  /** Before any connection closes: a pass cut off from its database would wait out the pool's timeout. */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.running;
  }

  /** New outbox rows are relayed as soon as their transaction commits, not at the next poll. */
  afterFlush(args: FlushEventArgs): void {
    const wroteOutbox = args.uow.getChangeSets().some((changeSet) => changeSet.entity instanceof OutboxMessage);
    if (!wroteOutbox) return;
    if (args.em.isInTransaction()) this.committedSoon = true;
    else this.nudge();
  }

  afterTransactionCommit(): void {
    if (!this.committedSoon) return;
    this.committedSoon = false;
    this.nudge();
  }

  /** Asks for a relay pass soon; passes never overlap, and a nudge during one schedules another. */
  nudge(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.drain().finally(() => {
      this.running = undefined;
      if (this.again) {
        this.again = false;
        this.nudge();
      }
    });
  }

  /** Relays everything committed so far; resolves when no pass is running (tests wait on it). */
  async flush(): Promise<void> {
    this.nudge();
    while (this.running) await this.running;
  }

  private async drain(): Promise<void> {
    try {
      while (!this.stopped && (await this.relayBatch()) === BATCH);
    } catch (error) {
      this.logger.warn(`Outbox relay pass failed: ${(error as Error).message}`);
    }
  }

  private async relayBatch(): Promise<number> {
    const em = this.orm.em.fork();
    if (this.redisCameBack) {
      this.redisCameBack = false;
      await em.execute('update outbox set available_at = now() where sent_at is null and available_at > now()');
    }
    return em.transactional(async (tx) => {
      const rows = await tx.execute<PendingRow[]>(
        `select id, queue, name, payload, attempts, trace_context from outbox
          where sent_at is null and available_at <= now()
          order by created_at limit ${BATCH} for update skip locked`,
      );
      if (rows.length === 0) return 0;
      const sent: string[] = [];
      for (const row of rows) {
        try {
          const message = { id: row.id, queue: row.queue, name: row.name, traceContext: row.trace_context };
          await relayInTrace(message, (metadata) =>
            withTimeout(
              this.queues.get(row.queue).add(row.name, row.payload, { jobId: row.id, ...(metadata && { telemetry: { metadata } }) }),
              ENQUEUE_TIMEOUT_MS,
            ),
          );
          sent.push(row.id);
        } catch (error) {
          const delaySeconds = Math.min(2 ** row.attempts, 60);
          await tx.execute(
            `update outbox set attempts = attempts + 1, last_error = ?, available_at = now() + make_interval(secs => ?) where id = ?`,
            [(error as Error).message.slice(0, 500), delaySeconds, row.id],
          );
        }
      }
      if (sent.length > 0) {
        await tx.execute(`update outbox set sent_at = now() where id in (${sent.map(() => '?').join(', ')})`, sent);
        // Redis took a job again: rows an earlier failure put off are due now, not at their backoff time
        // (a connection that recovers without reconnecting never says "ready").
        if (this.rowsHeldBack) this.redisCameBack = this.again = true;
        this.rowsHeldBack = sent.length < rows.length;
      } else this.rowsHeldBack = true;
      return rows.length;
    });
  }
}

import { WorkerHost } from '@nestjs/bullmq';
import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import type { Job } from 'bullmq';
import type { Counter, Histogram } from 'prom-client';
import { LATENCY_BUCKETS_SECONDS, MetricsRegistry, QueueRegistry } from '#libs/platform';

const STATES = ['waiting', 'active', 'delayed', 'failed'] as const;
type Outcome = 'completed' | 'retried' | 'failed';
/** Scrapes closer together than this share one read of the counts; a Redis that does not answer costs a scrape at most this long. */
const COUNTS_CACHE_MS = 1_000;
const COUNTS_TIMEOUT_MS = 1_000;

type Counts = Partial<Record<(typeof STATES)[number], number>>;

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Every queue this worker processes (found from its BullMQ processors, so a module's own queue is
 * included): its jobs by state, read from Redis when Prometheus scrapes (`Queue.getJobCounts`), and
 * the jobs this worker ran, by outcome and duration, from the worker's events.
 */
@Injectable()
export class QueueMetrics implements OnApplicationBootstrap {
  private readonly processed: Counter<'queue' | 'outcome'>;
  private readonly duration: Histogram<'queue'>;
  private queueNames: string[] = [];
  private counts: { at: number; value: Promise<Map<string, Counts>> } | null = null;

  constructor(
    metrics: MetricsRegistry,
    private readonly discovery: DiscoveryService,
    private readonly queues: QueueRegistry,
  ) {
    const readCounts = () => this.jobCounts();
    metrics.gauge({
      name: 'latchkey_queue_jobs',
      help: 'Jobs in each queue by state (waiting, active, delayed, failed), as BullMQ counts them in Redis',
      labelNames: ['queue', 'state'],
      async collect() {
        const counts = await readCounts();
        this.reset();
        for (const [queue, byState] of counts) for (const state of STATES) this.set({ queue, state }, byState[state] ?? 0);
      },
    });
    this.processed = metrics.counter({
      name: 'latchkey_queue_jobs_processed_total',
      help: 'Job attempts this worker finished, by queue and outcome: completed, retried (failed, will run again), failed (given up)',
      labelNames: ['queue', 'outcome'],
    });
    this.duration = metrics.histogram({
      name: 'latchkey_queue_job_duration_seconds',
      help: 'Time one attempt of a job ran in this worker, by queue',
      labelNames: ['queue'],
      buckets: LATENCY_BUCKETS_SECONDS,
    });
  }

  onApplicationBootstrap(): void {
    const hosts = this.discovery.getProviders().flatMap(({ instance }) => (instance instanceof WorkerHost ? [instance] : []));
    for (const { worker } of hosts) {
      const queue = worker.name;
      this.queueNames.push(queue);
      for (const outcome of ['completed', 'retried', 'failed'] satisfies Outcome[]) this.processed.inc({ queue, outcome }, 0);
      worker.on('completed', (job: Job) => this.finished(queue, job, 'completed'));
      worker.on('failed', (job: Job | undefined) => {
        if (job) this.finished(queue, job, job.finishedOn ? 'failed' : 'retried');
      });
    }
  }

  private finished(queue: string, job: Job, outcome: Outcome): void {
    this.processed.inc({ queue, outcome });
    if (job.processedOn) this.duration.observe({ queue }, Math.max(0, (job.finishedOn ?? Date.now()) - job.processedOn) / 1000);
  }

  private jobCounts(): Promise<Map<string, Counts>> {
    const now = Date.now();
    if (this.counts && now - this.counts.at < COUNTS_CACHE_MS) return this.counts.value;
    const value = Promise.all(
      this.queueNames.map(async (queue) => {
        try {
          return [queue, (await withTimeout(this.queues.get(queue).getJobCounts(...STATES), COUNTS_TIMEOUT_MS)) as Counts] as const;
        } catch {
          return null; // Redis unreachable: the queue's figures are left out of this scrape (/health says why).
        }
      }),
    ).then((entries) => new Map(entries.filter((entry) => entry !== null)));
    this.counts = { at: now, value };
    return value;
  }
}

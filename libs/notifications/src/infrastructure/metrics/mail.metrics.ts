import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import type { Job } from 'bullmq';
import { MetricsRegistry } from '#libs/platform';
import type { Counter } from 'prom-client';
import type { MailDeliveryOutcome } from '../../application/services/once-per-job.service.js';
import { MAIL_JOB_NAMES } from '../../domain/mail-job.js';
import { MailProcessor } from '../queue/mail.processor.js';

type Outcome = 'sent' | 'already_sent' | 'retried' | 'failed';
type Labels = Record<'template' | 'outcome', string>;

const OUTCOMES: Outcome[] = ['sent', 'already_sent', 'retried', 'failed'];
/** The label of a job whose name is none of the templates (dropped as a broken contract): names are not trusted as labels. */
const OTHER = 'other';

/**
 * `latchkey_mail_deliveries_total{template, outcome}`, from this worker's mail jobs once BullMQ has
 * filed them: sent; already_sent (a job relayed again after its mail had left: nothing sent twice);
 * retried (an attempt failed, another will follow); failed (given up: its last attempt failed, or
 * the job broke the contract).
 */
@Injectable()
export class MailMetrics implements OnApplicationBootstrap {
  private readonly deliveries: Counter<keyof Labels>;
  private readonly labels = new Map<string, Record<Outcome, Labels>>();

  constructor(
    metrics: MetricsRegistry,
    private readonly processor: MailProcessor,
  ) {
    this.deliveries = metrics.counter({
      name: 'latchkey_mail_deliveries_total',
      help: 'Mail jobs by template and outcome: sent, already_sent, retried (will be tried again), failed (given up)',
      labelNames: ['template', 'outcome'],
    });
    for (const template of [...MAIL_JOB_NAMES, OTHER]) {
      const byOutcome = Object.fromEntries(OUTCOMES.map((outcome) => [outcome, { template, outcome }])) as Record<Outcome, Labels>;
      this.labels.set(template, byOutcome);
      for (const outcome of OUTCOMES) this.deliveries.inc(byOutcome[outcome], 0);
    }
  }

  onApplicationBootstrap(): void {
    const worker = this.processor.worker;
    worker.on('completed', (job: Job, outcome: MailDeliveryOutcome) => this.count(job, outcome === 'sent' ? 'sent' : 'already_sent'));
    worker.on('failed', (job: Job | undefined) => {
      if (job) this.count(job, job.finishedOn ? 'failed' : 'retried');
    });
  }

  private count(job: Job, outcome: Outcome): void {
    this.deliveries.inc((this.labels.get(job.name) ?? this.labels.get(OTHER)!)[outcome]);
  }
}

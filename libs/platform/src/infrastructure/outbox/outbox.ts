import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { captureTraceContext } from '../telemetry/trace-context.js';
import { OutboxMessage } from './outbox-message.entity.js';

export const MAIL_QUEUE = 'mail';
export const REVOCATION_QUEUE = 'revocation';

export interface OutboxEntry {
  queue: string;
  /** The job name the processor dispatches on. */
  name: string;
  payload: Record<string, unknown>;
}

/**
 * Adds messages to the unit of work of the current (transactional) EntityManager, so they
 * commit or roll back with the change that caused them (docs/guarantees.md#side-effects-are-not-lost).
 * With tracing on, each message keeps the trace context of that change, so its job joins the same trace.
 */
@Injectable()
export class Outbox {
  constructor(private readonly em: EntityManager) {}

  add(...entries: OutboxEntry[]): void {
    const traceContext = captureTraceContext();
    for (const entry of entries) {
      const message = new OutboxMessage(entry.queue, entry.name, entry.payload);
      message.traceContext = traceContext;
      this.em.persist(message);
    }
  }
}

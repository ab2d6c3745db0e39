import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
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
 */
@Injectable()
export class Outbox {
  constructor(private readonly em: EntityManager) {}

  add(...entries: OutboxEntry[]): void {
    for (const entry of entries) this.em.persist(new OutboxMessage(entry.queue, entry.name, entry.payload));
  }
}

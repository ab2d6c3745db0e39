import { randomUUID } from 'node:crypto';
import { EntitySchema } from '@mikro-orm/core';

/** A side effect that must not be lost, written in the transaction of the change that causes it. */
export class OutboxMessage {
  id = randomUUID();
  createdAt = new Date();
  availableAt = new Date();
  attempts = 0;
  sentAt: Date | null = null;
  lastError: string | null = null;
  /** The W3C trace context of the change that wrote the message, when tracing is on: the relay continues it. */
  traceContext: Record<string, string> | null = null;

  constructor(
    readonly queue: string,
    readonly name: string,
    readonly payload: Record<string, unknown>,
  ) {}
}

export const OutboxMessageSchema = new EntitySchema<OutboxMessage>({
  class: OutboxMessage,
  tableName: 'outbox',
  properties: {
    id: { type: 'uuid', primary: true },
    queue: { type: 'text' },
    name: { type: 'text' },
    payload: { type: 'json' },
    createdAt: { type: 'Date', columnType: 'timestamptz' },
    availableAt: { type: 'Date', columnType: 'timestamptz' },
    attempts: { type: 'integer' },
    sentAt: { type: 'Date', columnType: 'timestamptz', nullable: true },
    lastError: { type: 'text', nullable: true },
    traceContext: { type: 'json', nullable: true },
  },
});

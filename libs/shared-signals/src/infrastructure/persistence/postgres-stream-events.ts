import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { Clock } from '#libs/building-blocks';
import { type StreamEventInput, StreamEvents } from '../../application/ports/stream-events.port.js';
import { DeliveryNudges } from '../delivery/delivery-nudges.js';
import { StreamEventRecord } from './stream-event.record.js';

/**
 * The StreamEvents port over PostgreSQL: each append joins the caller's unit of work, so the rows are
 * inserted (one batched insert) and committed with the change, or not at all; once it commits, the
 * streams are nudged (DeliveryNudges). Outside a transaction the row is written at once.
 */
@Injectable()
export class PostgresStreamEvents extends StreamEvents {
  constructor(
    private readonly em: EntityManager,
    private readonly clock: Clock,
    private readonly nudges: DeliveryNudges,
  ) {
    super();
  }

  async append(streamId: string, event: StreamEventInput): Promise<void> {
    const jti = randomUUID();
    const claims = {
      jti,
      iat: Math.floor(this.clock.now().getTime() / 1000),
      ...(event.txn === undefined ? {} : { txn: event.txn }),
      // SSF 1.0: a stream-level event (verification, stream-updated) is about the stream itself.
      sub_id: event.subject ?? { format: 'opaque', id: streamId },
      events: { [event.eventType]: event.payload },
    };
    this.em.persist(new StreamEventRecord(streamId, jti, claims, this.clock.now()));
    this.nudges.appended(streamId);
    if (!this.em.isInTransaction()) await this.em.flush();
  }
}

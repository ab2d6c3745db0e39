import { Injectable } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import { QueueRegistry } from '../queue/queue-registry.js';

// Outbox rows have uuid ids; a job enqueued by other means has no row (and a query with its id would fail).
const ROW_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What a stored copy of a payload becomes once `fields` are erased: they are gone, and named under `erased`. */
export function erasePayloadFields(payload: Record<string, unknown>, fields: readonly string[]): Record<string, unknown> {
  if (!fields.some((field) => field in payload)) return payload;
  const kept = Object.entries(payload).filter(([key]) => !fields.includes(key));
  return { ...Object.fromEntries(kept), erased: [...fields] };
}

/**
 * A message's payload is stored twice: in its outbox row and in the job the relay made of it
 * (job id = row id). A consumer that has settled a message erases its secrets from both, so
 * neither PostgreSQL nor Redis (nor a backup of either) keeps them (docs/security.md#secrets-at-rest). Both erasures
 * are no-ops the second time, and the row keeps its id, so a relay that enqueues it again
 * hands over the erased payload.
 */
@Injectable()
export class OutboxSecrets {
  constructor(
    private readonly orm: MikroORM,
    private readonly queues: QueueRegistry,
  ) {}

  async erase(queue: string, id: string, fields: readonly string[]): Promise<void> {
    const job = await this.queues.get(queue).getJob(id);
    if (job && typeof job.data === 'object' && job.data !== null) {
      const erased = erasePayloadFields(job.data as Record<string, unknown>, fields);
      if (erased !== job.data) await job.updateData(erased);
    }
    if (!ROW_ID.test(id)) return;
    // Waits for the relay's row lock if a pass is enqueuing this row: the pass commits first.
    await this.orm.em.fork().execute(
      `update outbox set payload = (payload - array[?]::text[]) || jsonb_build_object('erased', array[?]::text[])
        where id = ? and (payload - array[?]::text[]) <> payload`,
      [fields, fields, id, fields],
    );
  }
}

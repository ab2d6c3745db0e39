import { EntitySchema } from '@mikro-orm/core';

/**
 * A row of the per-stream event log as it is appended (table `ssf_events`). Appended through the unit
 * of work so that the SETs of one change are written in one batched insert when its transaction
 * commits; delivery reads and updates the table with SQL of its own (PostgresEventLog).
 */
export class StreamEventRecord {
  /** The per-stream order (a table-wide identity: a stream's events are in the order of their `seq`). */
  seq?: string;

  constructor(
    readonly streamId: string,
    readonly jti: string,
    /** The SET's claims but `iss` and `aud` (added when it is signed): the same `jti`, `iat` and `txn` on every delivery. */
    readonly claims: Record<string, unknown>,
    readonly createdAt: Date,
  ) {}
}

export const StreamEventRecordSchema = new EntitySchema<StreamEventRecord>({
  class: StreamEventRecord,
  tableName: 'ssf_events',
  properties: {
    seq: { type: 'bigint', primary: true, autoincrement: true },
    streamId: { type: 'text' },
    jti: { type: 'text', unique: true },
    claims: { type: 'json' },
    createdAt: { type: 'Date', columnType: 'timestamptz' },
  },
});

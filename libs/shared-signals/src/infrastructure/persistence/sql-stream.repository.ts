import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import type { Stream } from '../../domain/stream.aggregate.js';
import { StreamRepository } from '../../domain/stream.repository.js';
import { type StreamSubject, subjectKey } from '../../domain/subject.js';
import { AtRestCipher } from '../keys/at-rest-cipher.js';
import { STREAM_COLUMNS, type StreamRow, rowValues, streamFromRow } from './stream.rows.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const PLACEHOLDERS = STREAM_COLUMNS.split(',')
  .map((column) => (['audience', 'events_requested'].includes(column.trim()) ? '?::jsonb' : '?'))
  .join(', ');
const UPDATES = STREAM_COLUMNS.split(',')
  .map((column) => column.trim())
  .filter((column) => !['id', 'organization_id', 'created_at'].includes(column))
  .map((column) => `${column} = excluded.${column}`)
  .join(', ');

/** Streams in `ssf_streams`, subjects in `ssf_stream_subjects`, in the caller's transaction. */
@Injectable()
export class SqlStreamRepository extends StreamRepository {
  constructor(
    private readonly em: EntityManager,
    private readonly cipher: AtRestCipher,
  ) {
    super();
  }

  async add(stream: Stream): Promise<void> {
    await this.em.execute(`insert into ssf_streams (${STREAM_COLUMNS}) values (${PLACEHOLDERS})`, await rowValues(stream, this.cipher));
  }

  async save(stream: Stream): Promise<void> {
    await this.em.execute(
      `insert into ssf_streams (${STREAM_COLUMNS}) values (${PLACEHOLDERS}) on conflict (id) do update set ${UPDATES}`,
      await rowValues(stream, this.cipher),
    );
  }

  async delete(streamId: string): Promise<void> {
    await this.em.execute('delete from ssf_streams where id = ?', [streamId]);
  }

  findById(streamId: string): Promise<Stream | null> {
    return this.one(`select ${STREAM_COLUMNS} from ssf_streams where id = ?`, streamId);
  }

  lock(streamId: string): Promise<Stream | null> {
    return this.one(`select ${STREAM_COLUMNS} from ssf_streams where id = ? for update`, streamId);
  }

  async list(organizationId: string | null): Promise<Stream[]> {
    const rows =
      organizationId === null
        ? await this.em.execute<StreamRow[]>(`select ${STREAM_COLUMNS} from ssf_streams order by created_at, id`)
        : await this.em.execute<StreamRow[]>(
            `select ${STREAM_COLUMNS} from ssf_streams where organization_id = ? order by created_at, id`,
            [organizationId],
          );
    return Promise.all(rows.map((row) => streamFromRow(row, this.cipher)));
  }

  async countLocked(organizationId: string): Promise<number> {
    await this.em.execute("select pg_advisory_xact_lock(hashtextextended('ssf_streams:' || ?, 0))", [organizationId]);
    const [row] = await this.em.execute<Array<{ count: string | number }>>(
      'select count(*) as count from ssf_streams where organization_id = ?',
      [organizationId],
    );
    return Number(row.count);
  }

  async addSubject(streamId: string, subject: StreamSubject, now: Date): Promise<boolean> {
    const rows = await this.em.execute<unknown[]>(
      'insert into ssf_stream_subjects (stream_id, subject_key, added_at) values (?, ?, ?) on conflict do nothing returning stream_id',
      [streamId, subjectKey(subject), now],
    );
    return rows.length > 0;
  }

  async removeSubject(streamId: string, subject: StreamSubject): Promise<boolean> {
    const rows = await this.em.execute<unknown[]>(
      'delete from ssf_stream_subjects where stream_id = ? and subject_key = ? returning stream_id',
      [streamId, subjectKey(subject)],
    );
    return rows.length > 0;
  }

  private async one(sql: string, streamId: string): Promise<Stream | null> {
    if (!UUID.test(streamId)) return null;
    const [row] = await this.em.execute<StreamRow[]>(sql, [streamId]);
    return row ? streamFromRow(row, this.cipher) : null;
  }
}

import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { StreamDirectory, type StreamTarget } from '../../application/ports/stream-directory.port.js';
import { TransmitterSettings } from '../../application/ports/transmitter-settings.port.js';
import { pollEndpointUrl, SUPPORTED_EVENT_TYPES } from '../../domain/event-types.js';
import type { Stream } from '../../domain/stream.aggregate.js';
import { AtRestCipher } from '../keys/at-rest-cipher.js';
import { STREAM_COLUMNS, type StreamRow, streamFromRow } from './stream.rows.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const COLUMNS = STREAM_COLUMNS.split(',')
  .map((column) => `s.${column.trim()}`)
  .join(', ');

/**
 * The StreamDirectory port over PostgreSQL. `targetsFor` runs inside sign-in and expiry transactions,
 * so it is one statement: the organization's streams (index on organization_id) that are not disabled
 * and requested the type, with a subject row (primary key look-up) for the whole organization, the
 * account's id, or the account's e-mail (read from identity's `accounts` row, so an e-mail subject added
 * before the account existed matches too). An organization has few streams (SSF_MAX_STREAMS_PER_ORGANIZATION).
 */
@Injectable()
export class SqlStreamDirectory extends StreamDirectory {
  constructor(
    private readonly em: EntityManager,
    private readonly cipher: AtRestCipher,
    private readonly settings: TransmitterSettings,
  ) {
    super();
  }

  async targetsFor(organizationId: string, accountId: string | null, eventType: string): Promise<StreamTarget[]> {
    if (!UUID.test(organizationId) || !SUPPORTED_EVENT_TYPES.includes(eventType)) return [];
    const account = accountId !== null && UUID.test(accountId) ? accountId.toLowerCase() : null;
    const rows = await this.em.execute<StreamRow[]>(
      `select ${COLUMNS} from ssf_streams s
        where s.organization_id = ? and s.status <> 'disabled' and s.events_requested @> ?::jsonb
          and exists (select 1 from ssf_stream_subjects x where x.stream_id = s.id and (
            x.subject_key = 'organization'
            or x.subject_key = ?
            or x.subject_key = (select 'email:' || a.email_normalized from accounts a where a.id = ? and a.organization_id = s.organization_id)))
        order by s.created_at, s.id`,
      [organizationId, JSON.stringify([eventType]), account === null ? 'organization' : `account:${account}`, account],
    );
    return Promise.all(rows.map(async (row) => this.target(await streamFromRow(row, this.cipher))));
  }

  async find(streamId: string): Promise<StreamTarget | null> {
    if (!UUID.test(streamId)) return null;
    const [row] = await this.em.execute<StreamRow[]>(`select ${STREAM_COLUMNS} from ssf_streams where id = ?`, [streamId]);
    return row ? this.target(await streamFromRow(row, this.cipher)) : null;
  }

  private target(stream: Stream): StreamTarget {
    return {
      streamId: stream.id,
      organizationId: stream.organizationId,
      audience: stream.audience,
      eventsDelivered: stream.eventsDelivered,
      delivery: stream.delivery(pollEndpointUrl(this.settings.issuer, stream.id)),
      status: stream.status,
    };
  }
}

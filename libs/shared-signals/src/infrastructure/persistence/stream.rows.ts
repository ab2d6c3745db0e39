import { Stream, type StoredDelivery } from '../../domain/stream.aggregate.js';
import type { AtRestCipher } from '../keys/at-rest-cipher.js';

export interface StreamRow {
  id: string;
  organization_id: string;
  audience: string[] | string | null;
  events_requested: string[] | string;
  delivery_method: 'push' | 'poll';
  endpoint_url: string | null;
  authorization_header: string | null;
  description: string | null;
  status: 'enabled' | 'paused' | 'disabled';
  status_reason: string | null;
  created_at: string | Date;
  updated_at: string | Date;
  verification_requested_at: string | Date | null;
}

export const STREAM_COLUMNS =
  'id, organization_id, audience, events_requested, delivery_method, endpoint_url, authorization_header, description, status, status_reason, created_at, updated_at, verification_requested_at';

const json = <T>(value: T | string): T => (typeof value === 'string' ? (JSON.parse(value) as T) : value);

/** A row as the aggregate; the authorization header is decrypted (it never leaves the process otherwise). */
export async function streamFromRow(row: StreamRow, cipher: AtRestCipher): Promise<Stream> {
  const delivery: StoredDelivery =
    row.delivery_method === 'push'
      ? {
          method: 'push',
          endpointUrl: row.endpoint_url as string,
          authorizationHeader: row.authorization_header === null ? null : await cipher.decrypt(row.authorization_header),
        }
      : { method: 'poll' };
  return Stream.restore({
    id: row.id,
    organizationId: row.organization_id,
    audience: row.audience === null ? null : json<string[]>(row.audience),
    eventsRequested: json<string[]>(row.events_requested),
    delivery,
    description: row.description,
    status: row.status,
    statusReason: row.status_reason,
    createdAt: new Date(row.created_at),
    updatedAt: new Date(row.updated_at),
    verificationRequestedAt: row.verification_requested_at === null ? null : new Date(row.verification_requested_at),
  });
}

/** The column values of a stream, in STREAM_COLUMNS order, with the authorization header encrypted. */
export async function rowValues(stream: Stream, cipher: AtRestCipher): Promise<unknown[]> {
  const s = stream.snapshot();
  const header = s.delivery.method === 'push' && s.delivery.authorizationHeader !== null ? s.delivery.authorizationHeader : null;
  return [
    s.id,
    s.organizationId,
    s.audience === null ? null : JSON.stringify(s.audience),
    JSON.stringify(s.eventsRequested),
    s.delivery.method,
    s.delivery.method === 'push' ? s.delivery.endpointUrl : null,
    header === null ? null : await cipher.encrypt(header, 'authorization_header'),
    s.description,
    s.status,
    s.statusReason,
    s.createdAt,
    s.updatedAt,
    s.verificationRequestedAt,
  ];
}

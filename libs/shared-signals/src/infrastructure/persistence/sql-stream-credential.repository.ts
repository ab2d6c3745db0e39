import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { type StreamCredential, StreamCredentialRepository } from '../../domain/stream-credential.js';

interface CredentialRow {
  id: string;
  organization_id: string;
  name: string;
  secret_hash: string;
  created_at: string | Date;
  revoked_at: string | Date | null;
  last_used_at: string | Date | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const date = (value: string | Date | null): Date | null => (value === null ? null : new Date(value));

function toCredential(row: CredentialRow): StreamCredential {
  return {
    id: row.id,
    organizationId: row.organization_id,
    name: row.name,
    secretHash: row.secret_hash,
    createdAt: new Date(row.created_at),
    revokedAt: date(row.revoked_at),
    lastUsedAt: date(row.last_used_at),
  };
}

@Injectable()
export class SqlStreamCredentialRepository extends StreamCredentialRepository {
  constructor(private readonly em: EntityManager) {
    super();
  }

  async add(c: StreamCredential): Promise<void> {
    await this.em.execute(
      'insert into ssf_stream_credentials (id, organization_id, name, secret_hash, created_at) values (?, ?, ?, ?, ?)',
      [c.id, c.organizationId, c.name, c.secretHash, c.createdAt],
    );
  }

  /** Also records the use, at most once a minute per credential: a busy credential does not write on every call. */
  async findActiveByHash(secretHash: string): Promise<StreamCredential | null> {
    const [row] = await this.em.execute<CredentialRow[]>(
      'select * from ssf_stream_credentials where secret_hash = ? and revoked_at is null',
      [secretHash],
    );
    if (!row) return null;
    const lastUsed = date(row.last_used_at);
    if (lastUsed === null || lastUsed.getTime() < Date.now() - 60_000) {
      await this.em.execute('update ssf_stream_credentials set last_used_at = now() where id = ?', [row.id]);
    }
    return toCredential(row);
  }

  async list(organizationId: string): Promise<StreamCredential[]> {
    const rows = await this.em.execute<CredentialRow[]>(
      'select * from ssf_stream_credentials where organization_id = ? order by created_at, id',
      [organizationId],
    );
    return rows.map(toCredential);
  }

  async revoke(organizationId: string, credentialId: string, now: Date): Promise<boolean> {
    if (!UUID.test(credentialId)) return false;
    const rows = await this.em.execute<Array<{ id: string }>>(
      'update ssf_stream_credentials set revoked_at = ? where id = ? and organization_id = ? and revoked_at is null returning id',
      [now, credentialId, organizationId],
    );
    return rows.length > 0;
  }
}

import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { CredentialVersionRepository } from '../../domain/credential-version.repository.js';

/**
 * The account's credential version, named by every access token. `advance` locks the row, as does
 * the statement that opens a session (`MikroOrmSessionRepository.insertOpened`), so a sign-in and an
 * expiry of the same account serialize: a session is never opened with a version that an expiry
 * committing at the same time has already left behind.
 */
@Injectable()
export class MikroOrmCredentialVersionRepository extends CredentialVersionRepository {
  constructor(private readonly em: EntityManager) {
    super();
  }

  async advance(accountId: string): Promise<number> {
    const [row] = await this.em.execute<Array<{ version: number }>>(
      `insert into credential_versions (account_id, version) values (?, 2)
       on conflict (account_id) do update set version = credential_versions.version + 1
       returning version`,
      [accountId],
    );
    return row.version;
  }
}

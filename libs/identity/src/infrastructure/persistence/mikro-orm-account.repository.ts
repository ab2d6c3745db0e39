import { Injectable } from '@nestjs/common';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { ConflictError } from '#libs/building-blocks';
import { entityColumns, PreparedStatement } from '#libs/platform';
import { Account } from '../../domain/account.aggregate.js';
import { AccountRepository, type StoredCredentials } from '../../domain/account.repository.js';
import { PasswordHistory } from '../../domain/password-history.vo.js';
import { isUuid } from './uuid.js';

const CREDENTIALS = new PreparedStatement<{ id: string; password_hash: string | null }>(
  'select id, password_hash from accounts where organization_id = $1 and email_normalized = $2',
);
const LOCK = new PreparedStatement((em) => `select ${entityColumns(em, Account)} from accounts where id = $1 for update`);

@Injectable()
export class MikroOrmAccountRepository extends AccountRepository {
  constructor(private readonly em: EntityManager) {
    super();
  }

  async findById(id: string): Promise<Account | null> {
    return isUuid(id) ? this.em.findOne(Account, { id }) : null;
  }

  findByEmail(organizationId: string, email: string): Promise<Account | null> {
    return this.em.findOne(Account, { organizationId, emailNormalized: email });
  }

  async findCredentials(organizationId: string, email: string): Promise<StoredCredentials | null> {
    const [row] = await CREDENTIALS.run(this.em, [organizationId, email]);
    return row ? { accountId: row.id, passwordHash: row.password_hash } : null;
  }

  /**
   * The row, locked until the transaction ends, as a managed (and freshly read) aggregate. A prepared
   * statement mapped with `em.map` rather than `findOne`: same row, same tracking, without building
   * the query anew on every sign-in.
   */
  async lock(id: string): Promise<Account | null> {
    if (!isUuid(id)) return null;
    const [row] = await LOCK.run(this.em, [id]);
    return row ? this.em.map(Account, row) : null;
  }

  async add(account: Account): Promise<void> {
    try {
      await this.em.persist(account).flush();
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException) throw new ConflictError('An account with this e-mail already exists.');
      throw error;
    }
  }

  async save(account: Account): Promise<void> {
    await this.em.persist(account).flush();
  }

  async claimLockNotice(id: string): Promise<boolean> {
    const rows = await this.em.execute(
      'update accounts set lock_notice_pending = false where id = ? and lock_notice_pending returning id',
      [id],
    );
    return rows.length === 1;
  }

  async withPendingLockNotice(limit: number): Promise<string[]> {
    const rows = await this.em.execute<Array<{ id: string }>>('select id from accounts where lock_notice_pending limit ?', [limit]);
    return rows.map((row) => row.id);
  }

  async history(accountId: string): Promise<PasswordHistory> {
    const rows = await this.em.execute<Array<{ password_hash: string }>>(
      'select password_hash from password_history where account_id = ? order by position',
      [accountId],
    );
    return PasswordHistory.of(rows.map((row) => row.password_hash));
  }

  async saveHistory(accountId: string, history: PasswordHistory, now: Date): Promise<void> {
    await this.em.execute('delete from password_history where account_id = ?', [accountId]);
    const hashes = history.previousHashes;
    if (hashes.length === 0) return;
    const values = hashes.map(() => '(?, ?, ?, ?)').join(', ');
    await this.em.execute(
      `insert into password_history (account_id, position, password_hash, created_at) values ${values}`,
      hashes.flatMap((hash, position) => [accountId, position, hash, now]),
    );
  }
}

import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { PasswordResetToken } from '../../domain/password-reset-token.aggregate.js';
import { PasswordResetTokenRepository } from '../../domain/password-reset-token.repository.js';

@Injectable()
export class MikroOrmPasswordResetTokenRepository extends PasswordResetTokenRepository {
  constructor(private readonly em: EntityManager) {
    super();
  }

  findByHash(tokenHash: string): Promise<PasswordResetToken | null> {
    return this.em.findOne(PasswordResetToken, { tokenHash }, { refresh: true });
  }

  async add(token: PasswordResetToken): Promise<void> {
    this.em.persist(token);
  }

  async spendIfUsable(token: PasswordResetToken, now: Date): Promise<boolean> {
    const rows = await this.em.execute<Array<{ id: string }>>(
      'update password_reset_tokens set used_at = ? where id = ? and used_at is null and expires_at > ? returning id',
      [now, token.id, now],
    );
    return rows.length === 1;
  }

  async spendAllOf(accountId: string, now: Date): Promise<void> {
    await this.em.execute('update password_reset_tokens set used_at = ? where account_id = ? and used_at is null', [now, accountId]);
  }

  async countRequestedSince(accountId: string, since: Date): Promise<number> {
    const [row] = await this.em.execute<Array<{ count: string }>>(
      "select count(*) as count from password_reset_tokens where account_id = ? and purpose = 'reset' and created_at > ?",
      [accountId, since],
    );
    return Number(row.count);
  }
}

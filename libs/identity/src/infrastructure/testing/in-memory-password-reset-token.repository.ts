import type { PasswordResetToken } from '../../domain/password-reset-token.aggregate.js';
import { PasswordResetTokenRepository } from '../../domain/password-reset-token.repository.js';

export class InMemoryPasswordResetTokenRepository extends PasswordResetTokenRepository {
  readonly items: PasswordResetToken[] = [];

  async findByHash(tokenHash: string): Promise<PasswordResetToken | null> {
    return this.items.find((token) => token.tokenHash === tokenHash) ?? null;
  }

  async add(token: PasswordResetToken): Promise<void> {
    this.items.push(token);
  }

  async spendIfUsable(token: PasswordResetToken, now: Date): Promise<boolean> {
    if (!token.isUsable(now)) return false;
    token.spend(now);
    return true;
  }

  async spendAllOf(accountId: string, now: Date): Promise<void> {
    for (const token of this.items) if (token.accountId === accountId && token.usedAt === null) token.usedAt = now;
  }

  async countRequestedSince(accountId: string, since: Date): Promise<number> {
    return this.items.filter((t) => t.accountId === accountId && t.purpose === 'reset' && t.createdAt > since).length;
  }
}

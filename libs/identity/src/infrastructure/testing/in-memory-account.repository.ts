import { ConflictError } from '#libs/building-blocks';
import type { Account } from '../../domain/account.aggregate.js';
import { AccountRepository, type StoredCredentials } from '../../domain/account.repository.js';
import { PasswordHistory } from '../../domain/password-history.vo.js';

export class InMemoryAccountRepository extends AccountRepository {
  readonly items = new Map<string, Account>();
  readonly histories = new Map<string, PasswordHistory>();

  async findById(id: string): Promise<Account | null> {
    return this.items.get(id) ?? null;
  }

  async findByEmail(organizationId: string, email: string): Promise<Account | null> {
    return [...this.items.values()].find((a) => a.organizationId === organizationId && a.emailNormalized === email) ?? null;
  }

  async findCredentials(organizationId: string, email: string): Promise<StoredCredentials | null> {
    const account = await this.findByEmail(organizationId, email);
    return account && { accountId: account.id, passwordHash: account.passwordHash };
  }

  lock(id: string): Promise<Account | null> {
    return this.findById(id);
  }

  async add(account: Account): Promise<void> {
    if (await this.findByEmail(account.organizationId, account.emailNormalized))
      throw new ConflictError('An account with this e-mail already exists.');
    this.items.set(account.id, account);
  }

  async save(account: Account): Promise<void> {
    this.items.set(account.id, account);
  }

  async claimLockNotice(id: string): Promise<boolean> {
    const account = this.items.get(id);
    if (!account?.lockNoticePending) return false;
    account.lockNoticePending = false;
    return true;
  }

  async withPendingLockNotice(limit: number): Promise<string[]> {
    return [...this.items.values()]
      .filter((a) => a.lockNoticePending)
      .slice(0, limit)
      .map((a) => a.id);
  }

  async history(accountId: string): Promise<PasswordHistory> {
    return this.histories.get(accountId) ?? PasswordHistory.of([]);
  }

  async saveHistory(accountId: string, history: PasswordHistory): Promise<void> {
    this.histories.set(accountId, history);
  }
}

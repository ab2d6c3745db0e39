import { Injectable } from '@nestjs/common';
import type { Account } from '../../domain/account.aggregate.js';
import { AccountRepository } from '../../domain/account.repository.js';
import type { Organization } from '../../domain/organization.aggregate.js';
import type { NewPassword, PasswordHistory } from '../../domain/password-history.vo.js';
import { PasswordHasher } from '../ports/password-hasher.port.js';
import { PasswordPolicies } from './password-policies.service.js';

/** What a password change and a reset share: the new password judged and hashed before the row lock, and stored under it. */
@Injectable()
export class NewPasswords {
  constructor(
    private readonly accounts: AccountRepository,
    private readonly policies: PasswordPolicies,
    private readonly hasher: PasswordHasher,
  ) {}

  /**
   * Every violation including REUSED, or a 422 with all of them. The history is read with the hash
   * it was judged against: it stays the account's as long as that hash does, which the caller
   * re-checks under the lock.
   */
  async prepare(password: string, account: Account, organization: Organization): Promise<NewPassword> {
    const history = await this.accounts.history(account.id);
    await this.policies.assertAcceptable(password, account, organization, history);
    const historyDepth = this.policies.settings(organization.policyOverrides).historyDepth;
    return { hash: await this.hasher.hash(password), history, historyDepth };
  }

  /** Stores the account with its new password and the history that password replaced. */
  async store(account: Account, history: PasswordHistory, now: Date): Promise<void> {
    await this.accounts.saveHistory(account.id, history, now);
    await this.accounts.save(account);
  }
}

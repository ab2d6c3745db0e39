import { Injectable } from '@nestjs/common';
import { PasswordResetTokenRepository } from '../../domain/password-reset-token.repository.js';

/** docs/api.md#password-reset-by-e-mail: per account, one e-mail a minute and five an hour. */
export const RESET_THROTTLE = [
  { windowMs: 60_000, max: 1 },
  { windowMs: 3_600_000, max: 5 },
] as const;

/** Counts requested reset links only (not invitation, lockout or administrator links); call it under the account's row lock. */
@Injectable()
export class ResetThrottle {
  constructor(private readonly tokens: PasswordResetTokenRepository) {}

  async holdsBack(accountId: string, now: Date): Promise<boolean> {
    for (const { windowMs, max } of RESET_THROTTLE) {
      if ((await this.tokens.countRequestedSince(accountId, new Date(now.getTime() - windowMs))) >= max) return true;
    }
    return false;
  }
}

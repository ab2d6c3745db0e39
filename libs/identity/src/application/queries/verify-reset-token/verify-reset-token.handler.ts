import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { Clock } from '#libs/building-blocks';
import { AccountRepository } from '../../../domain/account.repository.js';
import { maskEmail } from '../../../domain/email-address.vo.js';
import { ResetTokenInvalidError } from '../../../domain/identity.errors.js';
import { PasswordResetTokenRepository } from '../../../domain/password-reset-token.repository.js';
import { ResetTokenSecrets } from '../../ports/reset-token-secrets.port.js';
import { type ResetTokenView, VerifyResetToken } from './verify-reset-token.query.js';

@QueryHandler(VerifyResetToken)
export class VerifyResetTokenHandler implements IQueryHandler<VerifyResetToken> {
  constructor(
    private readonly tokens: PasswordResetTokenRepository,
    private readonly secrets: ResetTokenSecrets,
    private readonly accounts: AccountRepository,
    private readonly clock: Clock,
  ) {}

  async execute({ token: secret }: VerifyResetToken): Promise<ResetTokenView> {
    const token = await this.tokens.findByHash(this.secrets.hashOf(secret));
    const account = token?.isUsable(this.clock.now()) ? await this.accounts.findById(token.accountId) : null;
    if (!token || !account) throw new ResetTokenInvalidError();
    return { email: maskEmail(account.email), expiresAt: token.expiresAt.toISOString() };
  }
}

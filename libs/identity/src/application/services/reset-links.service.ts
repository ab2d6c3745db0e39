import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AppConfig } from '#libs/platform';
import type { Account } from '../../domain/account.aggregate.js';
import type { Organization } from '../../domain/organization.aggregate.js';
import { PasswordResetToken, type ResetTokenPurpose } from '../../domain/password-reset-token.aggregate.js';
import { PasswordResetTokenRepository } from '../../domain/password-reset-token.repository.js';
import type { MailJobName } from '../ports/mail-outbox.port.js';
import { ResetTokenSecrets } from '../ports/reset-token-secrets.port.js';
import { IdentityMail } from './identity-mail.service.js';

// An invitation waits for a person to read their mail, not for a person at the keyboard.
const INVITATION_TTL_SECONDS = 72 * 3600;

const MAIL_OF: Record<ResetTokenPurpose, MailJobName> = {
  reset: 'password-reset',
  'admin-required': 'password-reset',
  'account-locked': 'account-locked',
  invitation: 'invitation',
};

/** Issues a reset token and queues the e-mail carrying its link, in the caller's transaction. */
@Injectable()
export class ResetLinks {
  constructor(
    private readonly tokens: PasswordResetTokenRepository,
    private readonly secrets: ResetTokenSecrets,
    private readonly mail: IdentityMail,
    private readonly config: AppConfig,
  ) {}

  async send(account: Account, organization: Organization, purpose: ResetTokenPurpose, now: Date): Promise<void> {
    const { secret, hash } = this.secrets.generate();
    const ttlSeconds =
      purpose === 'invitation'
        ? Math.max(INVITATION_TTL_SECONDS, this.config.RESET_TOKEN_TTL_SECONDS)
        : this.config.RESET_TOKEN_TTL_SECONDS;
    const token = PasswordResetToken.issue({ id: randomUUID(), accountId: account.id, tokenHash: hash, purpose, now, ttlSeconds });
    await this.tokens.add(token);
    // The secret travels in the fragment: browsers send it neither to servers nor in Referer headers.
    const link = `${this.config.PUBLIC_URL.replace(/\/+$/, '')}/reset-password#token=${secret}`;
    this.mail.queue(MAIL_OF[purpose], account, organization, { link, expiresAt: token.expiresAt.toISOString() });
  }
}

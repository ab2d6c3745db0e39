import { Command } from '@nestjs/cqrs';
import type { Account, AccountLocale, AccountStatus } from '../../../domain/account.aggregate.js';
import type { RequestOrigin } from '#libs/building-blocks';

export interface AccountView {
  id: string;
  email: string;
  organization: string;
  locale: AccountLocale;
  status: AccountStatus;
  createdAt: string;
}

/** The account as the administration API answers it. */
export function toAccountView({ id, email, locale, status, createdAt }: Account, organization: string): AccountView {
  return { id, email, organization, locale, status, createdAt: createdAt.toISOString() };
}

export class CreateAccount extends Command<AccountView> {
  constructor(
    readonly organization: string,
    readonly email: string,
    readonly password: string | undefined,
    readonly locale: AccountLocale,
    readonly origin: RequestOrigin,
  ) {
    super();
  }
}

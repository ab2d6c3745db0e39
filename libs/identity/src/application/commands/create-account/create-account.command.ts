import { Command } from '@nestjs/cqrs';
import type { AccountLocale, AccountStatus } from '../../../domain/account.aggregate.js';
import type { RequestOrigin } from '#libs/building-blocks';

export interface AccountView {
  id: string;
  email: string;
  organization: string;
  locale: AccountLocale;
  status: AccountStatus;
  createdAt: string;
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

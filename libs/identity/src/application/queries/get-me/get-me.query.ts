import { Query } from '@nestjs/cqrs';
import type { AccountLocale } from '../../../domain/account.aggregate.js';

export interface MeView {
  id: string;
  email: string;
  organization: string;
  locale: AccountLocale;
  passwordChangedAt: string | null;
  createdAt: string;
}

export class GetMe extends Query<MeView> {
  constructor(readonly accountId: string) {
    super();
  }
}

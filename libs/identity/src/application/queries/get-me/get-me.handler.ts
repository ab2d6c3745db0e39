import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { NotFoundError } from '#libs/shared-kernel';
import { AccountRepository } from '../../../domain/account.repository.js';
import { OrganizationRepository } from '../../../domain/organization.repository.js';
import { GetMe, type MeView } from './get-me.query.js';

@QueryHandler(GetMe)
export class GetMeHandler implements IQueryHandler<GetMe> {
  constructor(
    private readonly accounts: AccountRepository,
    private readonly organizations: OrganizationRepository,
  ) {}

  async execute({ accountId }: GetMe): Promise<MeView> {
    const account = await this.accounts.findById(accountId);
    const organization = account && (await this.organizations.findById(account.organizationId));
    if (!account || !organization) throw new NotFoundError('The account no longer exists.');
    const { id, email, locale, passwordChangedAt, createdAt } = account;
    return { id, email, organization: organization.name, locale, passwordChangedAt: passwordChangedAt?.toISOString() ?? null, createdAt: createdAt.toISOString() };
  }
}

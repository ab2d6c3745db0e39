import { Command } from '@nestjs/cqrs';
import type { RequestOrigin } from '#libs/building-blocks';

export interface OrganizationView {
  id: string;
  name: string;
  displayName: string;
  createdAt: string;
}

export class CreateOrganization extends Command<OrganizationView> {
  constructor(
    readonly name: string,
    readonly displayName: string | undefined,
    readonly origin: RequestOrigin,
  ) {
    super();
  }
}

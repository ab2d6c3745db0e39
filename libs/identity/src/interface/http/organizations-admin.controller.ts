import { ClientOrigin } from '#libs/platform';
import { Body, Controller, Get, HttpCode, Param, Post, Put, Query, UseGuards } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiTags,
  ApiServiceUnavailableResponse,
} from '@nestjs/swagger';
import type { PasswordPolicyDescription } from '#libs/password-policy';
import type { AccountView } from '../../application/commands/create-account/create-account.command.js';
import { CreateAccount } from '../../application/commands/create-account/create-account.command.js';
import { CreateOrganization, type OrganizationView } from '../../application/commands/create-organization/create-organization.command.js';
import { ExpireAccountSessions } from '../../application/commands/expire-account-sessions/expire-account-sessions.command.js';
import { RequireAccountReset } from '../../application/commands/require-account-reset/require-account-reset.command.js';
import { UpdatePasswordPolicy } from '../../application/commands/update-password-policy/update-password-policy.command.js';
import { ListSecurityEvents, type SecurityEventPage } from '../../application/queries/list-security-events/list-security-events.query.js';
import type { RequestOrigin } from '#libs/building-blocks';
import { AdminKeyGuard } from './admin-key.guard.js';
import { CreateAccountDto } from './dtos/account.dto.js';
import { CreateOrganizationDto, PasswordPolicyDto, SecurityEventsQueryDto } from './dtos/organization.dto.js';
import { AccountResponse, OrganizationResponse, PasswordPolicyResponse, SecurityEventPageResponse } from './dtos/responses.dto.js';

/** docs/api.md#administration and #audit-trail, with the administration key. */
@ApiTags('administration')
@ApiBearerAuth()
@UseGuards(AdminKeyGuard)
@Controller('v1/organizations')
export class OrganizationsAdminController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  @ApiCreatedResponse({ type: OrganizationResponse })
  create(@Body() body: CreateOrganizationDto, @ClientOrigin() origin: RequestOrigin): Promise<OrganizationView> {
    return this.commands.execute(new CreateOrganization(body.name, body.displayName, origin));
  }

  @Put(':organization/password-policy')
  @ApiOkResponse({ type: PasswordPolicyResponse })
  setPolicy(
    @Param('organization') organization: string,
    @Body() body: PasswordPolicyDto,
    @ClientOrigin() origin: RequestOrigin,
  ): Promise<PasswordPolicyDescription> {
    return this.commands.execute(new UpdatePasswordPolicy(organization, body, origin));
  }

  @Post(':organization/accounts')
  @ApiCreatedResponse({ type: AccountResponse })
  createAccount(
    @Param('organization') organization: string,
    @Body() body: CreateAccountDto,
    @ClientOrigin() origin: RequestOrigin,
  ): Promise<AccountView> {
    return this.commands.execute(new CreateAccount(organization, body.email, body.password, body.locale ?? 'en', origin));
  }

  @Post(':organization/accounts/:id/expire-sessions')
  @ApiNoContentResponse({ description: 'Every session, refresh, access and API token of the account stopped working.' })
  @ApiServiceUnavailableResponse({
    description:
      'The expiry could not be made visible on every instance (Redis unreachable from this one): nothing was changed; retry after Retry-After seconds.',
  })
  @HttpCode(204)
  async expireSessions(
    @Param('organization') organization: string,
    @Param('id') id: string,
    @ClientOrigin() origin: RequestOrigin,
  ): Promise<void> {
    await this.commands.execute(new ExpireAccountSessions(organization, id, origin));
  }

  @Post(':organization/accounts/:id/require-reset')
  @ApiNoContentResponse({ description: 'The account must reset its password; a reset link was e-mailed.' })
  @HttpCode(204)
  async requireReset(
    @Param('organization') organization: string,
    @Param('id') id: string,
    @ClientOrigin() origin: RequestOrigin,
  ): Promise<void> {
    await this.commands.execute(new RequireAccountReset(organization, id, origin));
  }

  @Get(':organization/security-events')
  @ApiOkResponse({ type: SecurityEventPageResponse })
  securityEvents(@Param('organization') organization: string, @Query() query: SecurityEventsQueryDto): Promise<SecurityEventPage> {
    const { accountId, type, before, limit = 50 } = query;
    return this.queries.execute(new ListSecurityEvents(organization, { accountId, type, before, limit }));
  }
}

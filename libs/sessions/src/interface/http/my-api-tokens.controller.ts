import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, UseGuards } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CreateApiTokenCommand, type CreatedApiToken } from '../../application/commands/create-api-token/create-api-token.command.js';
import { RevokeApiTokenCommand } from '../../application/commands/revoke-api-token/revoke-api-token.command.js';
import type { Principal } from '../../sessions.contract.js';
import { type ApiTokenView, ListApiTokensQuery } from '../../application/queries/list-api-tokens/list-api-tokens.query.js';
import { ForbiddenError } from '#libs/building-blocks';
import { AuthGuard } from './auth.guard.js';
import { CurrentPrincipal } from './current-principal.decorator.js';
import type { RequestOrigin } from '#libs/building-blocks';
import { ClientOrigin } from '#libs/platform';
import { ApiTokenDto, CreateApiTokenDto, CreatedApiTokenDto } from './dtos/api-token.dto.js';

@ApiTags('me')
@ApiBearerAuth()
@UseGuards(AuthGuard)
@Controller('v1/me/api-tokens')
export class MyApiTokensController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  /** Only a signed-in user creates tokens: a leaked API token cannot mint successors that outlive its revocation. */
  @Post()
  @ApiCreatedResponse({ type: CreatedApiTokenDto })
  create(
    @CurrentPrincipal() principal: Principal,
    @Body() body: CreateApiTokenDto,
    @ClientOrigin() origin: RequestOrigin,
  ): Promise<CreatedApiToken> {
    if (principal.apiTokenId) throw new ForbiddenError('API tokens are created with an access token, not with another API token.');
    return this.commands.execute(
      new CreateApiTokenCommand(
        principal.accountId,
        principal.organizationId,
        body.name,
        body.expiresInDays ?? null,
        origin,
        principal.credentialVersion,
      ),
    );
  }

  @Get()
  @ApiOkResponse({ type: [ApiTokenDto] })
  list(@CurrentPrincipal() principal: Principal): Promise<ApiTokenView[]> {
    return this.queries.execute(new ListApiTokensQuery(principal.accountId));
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Revoked; the token answers 401 from now on.' })
  async revoke(
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @ClientOrigin() origin: RequestOrigin,
  ): Promise<void> {
    await this.commands.execute(new RevokeApiTokenCommand(principal.accountId, id, principal.organizationId, origin));
  }
}

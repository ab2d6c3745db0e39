import { ClientOrigin } from '#libs/platform';
import { Body, Controller, Get, HttpCode, Post, UseGuards } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiTags, ApiServiceUnavailableResponse } from '@nestjs/swagger';
import { AuthGuard, CurrentPrincipal, type Principal } from '#libs/sessions';
import { ChangePassword } from '../../application/commands/change-password/change-password.command.js';
import { GetMe, type MeView } from '../../application/queries/get-me/get-me.query.js';
import type { RequestOrigin } from '#libs/building-blocks';
import { ChangePasswordDto } from './dtos/account.dto.js';
import { MeResponse } from './dtos/responses.dto.js';

@ApiTags('me')
@ApiBearerAuth()
@UseGuards(AuthGuard)
@Controller('v1/me')
export class MeController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Get()
  @ApiOkResponse({ type: MeResponse })
  me(@CurrentPrincipal() principal: Principal): Promise<MeView> {
    return this.queries.execute(new GetMe(principal.accountId));
  }

  @Post('password')
  @ApiNoContentResponse({ description: 'Changed; the current session (or, with the option, every credential) has ended.' })
  @ApiServiceUnavailableResponse({
    description:
      'The expiry could not be made visible on every instance (Redis unreachable from this one): nothing was changed; retry after Retry-After seconds.',
  })
  @HttpCode(204)
  async changePassword(
    @CurrentPrincipal() principal: Principal,
    @Body() body: ChangePasswordDto,
    @ClientOrigin() origin: RequestOrigin,
  ): Promise<void> {
    await this.commands.execute(
      new ChangePassword(principal, body.currentPassword, body.newPassword, body.expireSessionsAndTokens, origin),
    );
  }
}

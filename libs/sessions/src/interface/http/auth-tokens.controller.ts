import { Body, Controller, HttpCode, Post, UseGuards } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { EndSessionCommand } from '../../application/commands/end-session/end-session.command.js';
import { RefreshSessionCommand } from '../../application/commands/refresh-session/refresh-session.command.js';
import type { IssuedTokens, Principal } from '../../sessions.contract.js';
import { RateLimit } from '#libs/platform';
import { ForbiddenError } from '#libs/building-blocks';
import { AuthGuard } from './auth.guard.js';
import { CurrentPrincipal } from './current-principal.decorator.js';
import { IssuedTokensDto } from './dtos/issued-tokens.dto.js';
import { RefreshDto } from './dtos/refresh.dto.js';

@ApiTags('auth')
@Controller('v1/auth')
export class AuthTokensController {
  constructor(private readonly commands: CommandBus) {}

  /** A new token pair; an already-used refresh token ends its whole session (reuse detection). */
  @Post('refresh')
  @HttpCode(200)
  @RateLimit('refresh')
  @ApiOkResponse({ type: IssuedTokensDto })
  refresh(@Body() body: RefreshDto): Promise<IssuedTokens> {
    return this.commands.execute(new RefreshSessionCommand(body.refreshToken));
  }

  @Post('sign-out')
  @HttpCode(204)
  @UseGuards(AuthGuard)
  @ApiBearerAuth()
  @ApiNoContentResponse({ description: 'The current session has ended.' })
  async signOut(@CurrentPrincipal() principal: Principal): Promise<void> {
    if (!principal.sessionId) throw new ForbiddenError('An API token has no session; revoke it with DELETE /v1/me/api-tokens/{id}.');
    await this.commands.execute(new EndSessionCommand(principal.accountId, principal.sessionId, 'sign_out'));
  }
}

import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { IssuedTokens } from '../../application/ports/account-sessions.port.js';
import { SignIn } from '../../application/commands/sign-in/sign-in.command.js';
import type { RequestOrigin } from '#libs/building-blocks';
import { SignInDto } from './dtos/account.dto.js';
import { SignInResponse } from './dtos/responses.dto.js';
import { ClientOrigin, RateLimit } from '#libs/platform';

@ApiTags('authentication')
@Controller('v1/auth')
export class SignInController {
  constructor(private readonly commands: CommandBus) {}

  @RateLimit('sign-in')
  @Post('sign-in')
  @ApiOkResponse({ type: SignInResponse })
  @HttpCode(200)
  signIn(@Body() body: SignInDto, @ClientOrigin() origin: RequestOrigin): Promise<IssuedTokens> {
    return this.commands.execute(new SignIn(body.organization, body.email, body.password, origin));
  }
}

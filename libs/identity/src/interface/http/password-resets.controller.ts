import { Body, Controller, HttpCode, Logger, Post } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiAcceptedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags, ApiServiceUnavailableResponse } from '@nestjs/swagger';
import { RequestReset } from '../../application/commands/request-reset/request-reset.command.js';
import { ResetPassword } from '../../application/commands/reset-password/reset-password.command.js';
import { type ResetTokenView, VerifyResetToken } from '../../application/queries/verify-reset-token/verify-reset-token.query.js';
import type { RequestOrigin } from '#libs/building-blocks';
import { ResetConfirmDto, ResetRequestDto, ResetTokenDto } from './dtos/account.dto.js';
import { ResetRequestedResponse, ResetTokenResponse } from './dtos/responses.dto.js';
import { ClientOrigin, RateLimit } from '#libs/platform';

export const RESET_REQUESTED = { message: 'If the account exists, an e-mail has been sent.' } as const;

@ApiTags('password reset')
@Controller('v1/password-resets')
export class PasswordResetsController {
  private readonly logger = new Logger(PasswordResetsController.name);

  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  /** Answers before doing anything, so existing and unknown accounts take the same time (docs/guarantees.md#failures-that-answer-alike). */
  @RateLimit('reset-request')
  @Post()
  @ApiAcceptedResponse({ type: ResetRequestedResponse })
  @HttpCode(202)
  request(@Body() body: ResetRequestDto, @ClientOrigin() origin: RequestOrigin): typeof RESET_REQUESTED {
    this.commands.execute(new RequestReset(body.organization, body.email, origin)).catch((error: Error) => {
      this.logger.error(`Reset request failed after answering: ${error.message}`);
    });
    return RESET_REQUESTED;
  }

  @RateLimit('reset-token')
  @Post('verify')
  @ApiOkResponse({ type: ResetTokenResponse })
  @HttpCode(200)
  verify(@Body() body: ResetTokenDto): Promise<ResetTokenView> {
    return this.queries.execute(new VerifyResetToken(body.token));
  }

  @RateLimit('reset-token')
  @Post('confirm')
  @ApiNoContentResponse({ description: 'The password was reset.' })
  @ApiServiceUnavailableResponse({
    description:
      'The expiry could not be made visible on every instance (Redis unreachable from this one): nothing was changed; retry after Retry-After seconds.',
  })
  @HttpCode(204)
  async confirm(@Body() body: ResetConfirmDto, @ClientOrigin() origin: RequestOrigin): Promise<void> {
    await this.commands.execute(new ResetPassword(body.token, body.newPassword, body.expireSessionsAndTokens ?? false, origin));
  }
}

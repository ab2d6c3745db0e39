import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { PasswordPolicyDescription } from '#libs/password-policy';
import { CheckPassword, type PasswordCheck } from '../../application/queries/check-password/check-password.query.js';
import { GetPasswordPolicy } from '../../application/queries/get-password-policy/get-password-policy.query.js';
import { PasswordCheckResponse, PasswordPolicyResponse } from './dtos/responses.dto.js';
import { PasswordCheckDto } from './dtos/account.dto.js';
import { RateLimit } from '#libs/platform';

/** Public (docs/api.md#password-policy): a client renders the rules and checks as the user types. */
@ApiTags('password policy')
@Controller('v1')
export class PasswordPolicyController {
  constructor(private readonly queries: QueryBus) {}

  @Get('organizations/:organization/password-policy')
  @ApiOkResponse({ type: PasswordPolicyResponse })
  policy(@Param('organization') organization: string): Promise<PasswordPolicyDescription> {
    return this.queries.execute(new GetPasswordPolicy(organization));
  }

  @RateLimit('policy-check')
  @Post('password-policy/check')
  @ApiOkResponse({ type: PasswordCheckResponse })
  @HttpCode(200)
  check(@Body() body: PasswordCheckDto): Promise<PasswordCheck> {
    return this.queries.execute(new CheckPassword(body.organization, body.password, body.email));
  }
}

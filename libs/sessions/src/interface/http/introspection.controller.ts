import { Body, Controller, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiConsumes, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AcceptsFormBody } from '#libs/platform';
import { CredentialVerifier } from '../../infrastructure/auth/credential-verifier.js';
import { IntrospectDto, IntrospectionDto } from './dtos/introspection.dto.js';
import { ServiceKeyGuard } from './service-key.guard.js';

/** RFC 7662, for other services and the gateways and OAuth libraries they use (docs/api.md). */
@ApiTags('tokens')
@ApiBearerAuth()
@UseGuards(ServiceKeyGuard)
@Controller('v1/tokens')
export class IntrospectionController {
  constructor(private readonly verifier: CredentialVerifier) {}

  @Post('introspect')
  @AcceptsFormBody()
  @HttpCode(200)
  @ApiConsumes('application/json', 'application/x-www-form-urlencoded')
  @ApiOperation({
    description:
      'Client `service`, secret SERVICE_API_KEY: HTTP Basic, `client_id`/`client_secret` in the body, or the key as a Bearer token.',
  })
  @ApiOkResponse({ type: IntrospectionDto })
  async introspect(@Body() body: IntrospectDto): Promise<IntrospectionDto> {
    const verified = await this.verifier.verify(body.token);
    if (!verified) return { active: false };
    const { principal } = verified;
    return {
      active: true,
      sub: principal.accountId,
      org: principal.organizationId,
      ...(principal.sessionId ? { sid: principal.sessionId } : {}),
      token_type: verified.kind,
      ...(verified.expiresAt !== null ? { exp: verified.expiresAt } : {}),
      iat: verified.issuedAt,
      jti: verified.tokenId,
    };
  }
}

import { Body, Controller, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CredentialVerifier } from '../../infrastructure/auth/credential-verifier.js';
import { IntrospectDto, IntrospectionDto } from './dtos/introspection.dto.js';
import { ServiceKeyGuard } from './service-key.guard.js';

/** RFC 7662 style, for other services, with `Authorization: Bearer {SERVICE_API_KEY}`. */
@ApiTags('tokens')
@ApiBearerAuth()
@UseGuards(ServiceKeyGuard)
@Controller('v1/tokens')
export class IntrospectionController {
  constructor(private readonly verifier: CredentialVerifier) {}

  @Post('introspect')
  @HttpCode(200)
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

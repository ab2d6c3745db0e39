import { ApiProperty } from '@nestjs/swagger';
import type { IssuedTokens } from '../../../sessions.contract.js';

/** `IssuedTokens` as the OpenAPI document describes it. */
export class IssuedTokensDto implements IssuedTokens {
  @ApiProperty({ description: 'JWT for `Authorization: Bearer`.' }) accessToken!: string;
  @ApiProperty({ enum: ['Bearer'] }) tokenType!: 'Bearer';
  @ApiProperty({ description: 'Seconds until the access token expires.' }) expiresIn!: number;
  @ApiProperty({ description: 'Opaque, single use: exchange it at /v1/auth/refresh.' }) refreshToken!: string;
  @ApiProperty({ format: 'uuid' }) sessionId!: string;
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';

/** RFC 7662 §2.1, form-encoded or JSON. */
export class IntrospectDto {
  @ApiProperty({ description: 'An access token or an API token.' })
  @IsString()
  @MaxLength(4096)
  token!: string;

  @ApiPropertyOptional({ description: 'Accepted and ignored: every kind of token is looked up.', example: 'access_token' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  token_type_hint?: string;

  @ApiPropertyOptional({ description: '`service` (client_secret_post).' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  client_id?: string;

  @ApiPropertyOptional({ description: 'SERVICE_API_KEY (client_secret_post).' })
  @IsOptional()
  @IsString()
  @MaxLength(4096)
  client_secret?: string;
}

/** RFC 7662 §2.2; the inactive answer carries nothing but `active: false`. */
export class IntrospectionDto {
  @ApiProperty() active!: boolean;
  @ApiPropertyOptional({ description: 'Account id.' }) sub?: string;
  @ApiPropertyOptional({ description: 'Organization id.' }) org?: string;
  @ApiPropertyOptional({ description: 'Session id (access tokens).' }) sid?: string;
  @ApiPropertyOptional({ enum: ['access_token', 'api_token'] }) token_type?: string;
  @ApiPropertyOptional({ description: 'Seconds since the epoch; absent for an API token that never expires.' }) exp?: number;
  @ApiPropertyOptional() iat?: number;
  @ApiPropertyOptional({ description: 'The JWT id, or the API token id.' }) jti?: string;
}

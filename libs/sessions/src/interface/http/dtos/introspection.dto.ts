import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';

export class IntrospectDto {
  @ApiProperty({ description: 'An access token or an API token.' })
  @IsString()
  @MaxLength(4096)
  token!: string;
}

/** RFC 7662 §2.2; the inactive answer carries nothing but `active: false`. */
export class IntrospectionDto {
  @ApiProperty() active!: boolean;
  @ApiPropertyOptional({ description: 'Account id.' }) sub?: string;
  @ApiPropertyOptional({ description: 'Organization id.' }) org?: string;
  @ApiPropertyOptional({ description: 'Session id (access tokens).' }) sid?: string;
  @ApiPropertyOptional({ enum: ['access_token', 'api_token'] }) token_type?: 'access_token' | 'api_token';
  @ApiPropertyOptional({ description: 'Seconds since the epoch; absent for an API token that never expires.' }) exp?: number;
  @ApiPropertyOptional() iat?: number;
  @ApiPropertyOptional({ description: 'The JWT id, or the API token id.' }) jti?: string;
}

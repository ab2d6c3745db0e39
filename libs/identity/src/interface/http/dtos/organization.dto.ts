import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsArray, IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { SECURITY_EVENT_TYPES, type SecurityEventType } from '../../../domain/security-event.js';

export class CreateOrganizationDto {
  @ApiProperty({ example: 'acme', pattern: '^[a-z0-9-]{3,63}$' })
  @IsString()
  @Matches(/^[a-z0-9-]{3,63}$/, { message: 'name must be 3 to 63 characters of a-z, 0-9 and -' })
  name!: string;

  @ApiPropertyOptional({ example: 'Acme Corporation', maxLength: 200 })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  displayName?: string;
}

/** PUT replaces the organization's choices; a field left out takes the default. Ranges: docs/api.md#password-policy. */
export class PasswordPolicyDto {
  @ApiPropertyOptional({ minimum: 9, maximum: 64, default: 9 }) @IsOptional() @IsInt() minLength?: number;
  @ApiPropertyOptional({ minimum: 30, maximum: 128, default: 30 }) @IsOptional() @IsInt() maxLength?: number;
  @ApiPropertyOptional({ minimum: 0, maximum: 24, default: 3 }) @IsOptional() @IsInt() historyDepth?: number;
  @ApiPropertyOptional({ minimum: 3, maximum: 10, default: 5 }) @IsOptional() @IsInt() lockoutThreshold?: number;

  @ApiPropertyOptional({
    type: [String],
    example: ['SEQUENTIAL'],
    description: 'Rule codes to turn off (not LENGTH, INVALID_CHARACTER, REUSED).',
  })
  @IsOptional()
  @IsArray()
  @IsString({ each: true })
  @MaxLength(64, { each: true })
  disabledRules?: string[];
}

export class SecurityEventsQueryDto {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() accountId?: string;
  @ApiPropertyOptional({ enum: SECURITY_EVENT_TYPES }) @IsOptional() @IsIn(SECURITY_EVENT_TYPES) type?: SecurityEventType;

  @ApiPropertyOptional({ description: 'An event id (the `nextBefore` of the previous page) or an ISO timestamp: only older events.' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  before?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;
}

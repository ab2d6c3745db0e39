import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { DELIVERY_METHODS, POLL_METHOD, PUSH_METHOD } from '../../../domain/event-types.js';
import { STREAM_STATUSES } from '../../../domain/stream.aggregate.js';

const asArray = ({ value }: { value: unknown }): unknown => (typeof value === 'string' ? [value] : value);
const AUD_SCHEMA = { oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }] };

export class StreamDeliveryDto {
  @ApiProperty({ enum: DELIVERY_METHODS, description: `${PUSH_METHOD} (push, RFC 8935) or ${POLL_METHOD} (poll, RFC 8936)` })
  @IsString()
  @IsIn(DELIVERY_METHODS)
  method!: string;

  @ApiPropertyOptional({
    description: 'Push: the receiver URL (https; http for localhost). Poll: assigned by the transmitter.',
    maxLength: 2048,
  })
  @IsOptional()
  @IsString()
  @MaxLength(2048)
  endpoint_url?: string;

  @ApiPropertyOptional({
    description: 'Push: the Authorization header value sent with each SET; stored encrypted, never shown.',
    maxLength: 4096,
  })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(4096)
  authorization_header?: string;
}

/** The receiver-supplied properties of SSF 1.0 §8.1.1. */
class ReceiverPropertiesDto {
  @ApiPropertyOptional({ type: [String], description: 'Event type URIs; events_delivered is these ∩ events_supported.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(64)
  @IsString({ each: true })
  @MaxLength(512, { each: true })
  events_requested?: string[];

  @ApiPropertyOptional({ maxLength: 1000 })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  description?: string;

  @ApiPropertyOptional({
    ...AUD_SCHEMA,
    description: "The SETs' aud; default: the push endpoint's origin (push) or urn:latchkey:ssf:stream:{id} (poll).",
  })
  @IsOptional()
  @Transform(asArray)
  @IsArray()
  @ArrayMaxSize(10)
  @IsString({ each: true })
  @MaxLength(512, { each: true })
  aud?: string[];
}

export class CreateStreamDto extends ReceiverPropertiesDto {
  @ApiProperty({ type: StreamDeliveryDto })
  @IsObject()
  @ValidateNested()
  @Type(() => StreamDeliveryDto)
  delivery!: StreamDeliveryDto;

  @ApiPropertyOptional({ example: 'acme', description: "Required with the administration key: the stream's organization." })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9-]{3,63}$/, { message: 'organization must be an organization name' })
  organization?: string;
}

/** PATCH and PUT: the stream, its receiver-supplied properties, and transmitter-supplied ones that must match if sent. */
export class UpdateStreamDto extends ReceiverPropertiesDto {
  @ApiProperty({ format: 'uuid' }) @IsString() @MaxLength(100) stream_id!: string;

  @ApiPropertyOptional({ type: StreamDeliveryDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => StreamDeliveryDto)
  delivery?: StreamDeliveryDto;

  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2048) iss?: string;
  @ApiPropertyOptional({ type: [String] }) @IsOptional() @IsArray() @ArrayMaxSize(64) @IsString({ each: true }) events_supported?: string[];
  @ApiPropertyOptional({ type: [String] }) @IsOptional() @IsArray() @ArrayMaxSize(64) @IsString({ each: true }) events_delivered?: string[];
  @ApiPropertyOptional() @IsOptional() @IsInt() min_verification_interval?: number;
}

export class StreamIdQueryDto {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsString() @MaxLength(100) stream_id?: string;
}

export class RequiredStreamIdQueryDto {
  @ApiProperty({ format: 'uuid' }) @IsString() @MaxLength(100) stream_id!: string;
}

export class UpdateStreamStatusDto {
  @ApiProperty({ format: 'uuid' }) @IsString() @MaxLength(100) stream_id!: string;
  @ApiProperty({ enum: STREAM_STATUSES }) @IsString() @IsIn(STREAM_STATUSES) status!: 'enabled' | 'paused' | 'disabled';
  @ApiPropertyOptional({ maxLength: 500 }) @IsOptional() @IsString() @MaxLength(500) reason?: string;
}

export class StreamSubjectDto {
  @ApiProperty({ format: 'uuid' }) @IsString() @MaxLength(100) stream_id!: string;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    example: { format: 'email', email: 'jane@example.com' },
    description:
      'RFC 9493: {"format":"opaque","id":"<account id>"}, {"format":"email","email":"…"}, or the whole organization: {"format":"complex","tenant":{"format":"opaque","id":"<organization name or id>"}}',
  })
  @IsObject()
  subject!: Record<string, unknown>;

  @ApiPropertyOptional({ description: 'Accepted and ignored: Latchkey knows its own accounts.' })
  @IsOptional()
  @IsBoolean()
  verified?: boolean;
}

export class VerifyStreamDto {
  @ApiProperty({ format: 'uuid' }) @IsString() @MaxLength(100) stream_id!: string;
  @ApiPropertyOptional({ maxLength: 256, description: 'Echoed in the verification event.' })
  @IsOptional()
  @IsString()
  @MaxLength(256)
  state?: string;
}

import { ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsBoolean, IsInt, IsObject, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

/** The most SETs one poll answers. */
export const MAX_POLL_EVENTS = 1000;
/** When maxEvents is left out (RFC 8936 lets the transmitter choose). */
export const DEFAULT_POLL_EVENTS = 100;

/** RFC 8936 §2.2 poll request (its member names, camelCase as the RFC spells them). */
export class PollRequestDto {
  @ApiPropertyOptional({ minimum: 0, maximum: MAX_POLL_EVENTS, default: DEFAULT_POLL_EVENTS, description: '0: acknowledge only.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_POLL_EVENTS)
  maxEvents?: number;

  @ApiPropertyOptional({
    default: false,
    description: 'false: wait (at most SSF_POLL_MAX_WAIT_SECONDS) until at least one SET is available.',
  })
  @IsOptional()
  @IsBoolean()
  returnImmediately?: boolean;

  @ApiPropertyOptional({ type: [String], description: 'The jti of each SET received and processed: not served again.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_POLL_EVENTS)
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  ack?: string[];

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'object', properties: { err: { type: 'string' }, description: { type: 'string' } } },
    description: 'SETs refused, by jti: {"err": "<RFC 8935 code>", "description": "…"}; recorded as failed, not served again.',
  })
  @IsOptional()
  @IsObject()
  setErrs?: Record<string, { err: string; description?: string }>;
}

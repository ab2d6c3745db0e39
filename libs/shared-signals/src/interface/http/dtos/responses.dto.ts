import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DELIVERY_METHODS } from '../../../domain/event-types.js';
import { STREAM_STATUSES } from '../../../domain/stream.aggregate.js';

/** Response shapes, for the OpenAPI document only (handlers return plain objects). */
export class TransmitterConfigurationResponse {
  @ApiProperty({ example: '1_0' }) spec_version!: string;
  @ApiProperty({ example: 'https://id.example.com' }) issuer!: string;
  @ApiProperty() jwks_uri!: string;
  @ApiProperty({ enum: DELIVERY_METHODS, isArray: true }) delivery_methods_supported!: string[];
  @ApiProperty() configuration_endpoint!: string;
  @ApiProperty() status_endpoint!: string;
  @ApiProperty() add_subject_endpoint!: string;
  @ApiProperty() remove_subject_endpoint!: string;
  @ApiProperty() verification_endpoint!: string;
  @ApiProperty({ example: [{ spec_urn: 'urn:ietf:rfc:6750' }] }) authorization_schemes!: Array<{ spec_urn: string }>;
  @ApiProperty({ enum: ['NONE'] }) default_subjects!: string;
}

class JwkResponse {
  @ApiProperty({ example: 'RSA' }) kty!: string;
  @ApiProperty() kid!: string;
  @ApiProperty({ example: 'RS256' }) alg!: string;
  @ApiProperty({ example: 'sig' }) use!: string;
  @ApiProperty() n!: string;
  @ApiProperty({ example: 'AQAB' }) e!: string;
}

export class JwksResponse {
  @ApiProperty({ type: [JwkResponse] }) keys!: JwkResponse[];
}

export class SigningKeyResponse {
  @ApiProperty() kid!: string;
  @ApiProperty({ example: 'RS256' }) alg!: string;
  @ApiProperty({ enum: ['upcoming', 'signing', 'retired'] }) state!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) activatesAt!: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) dropsAt!: string | null;
}

class StreamDeliveryResponse {
  @ApiProperty({ enum: DELIVERY_METHODS }) method!: string;
  @ApiProperty() endpoint_url!: string;
}

export class StreamConfigurationResponse {
  @ApiProperty({ format: 'uuid' }) stream_id!: string;
  @ApiProperty() iss!: string;
  @ApiProperty({ oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }] }) aud!: string | string[];
  @ApiProperty({ type: StreamDeliveryResponse }) delivery!: StreamDeliveryResponse;
  @ApiProperty({ type: [String] }) events_supported!: string[];
  @ApiProperty({ type: [String] }) events_requested!: string[];
  @ApiProperty({ type: [String] }) events_delivered!: string[];
  @ApiPropertyOptional() description?: string;
  @ApiProperty({ example: 15 }) min_verification_interval!: number;
}

export class StreamStatusResponse {
  @ApiProperty({ format: 'uuid' }) stream_id!: string;
  @ApiProperty({ enum: STREAM_STATUSES }) status!: string;
  @ApiPropertyOptional() reason?: string;
}

export class StreamCredentialResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'acme' }) organization!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) revokedAt!: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) lastUsedAt!: string | null;
}

export class CreatedStreamCredentialResponse extends StreamCredentialResponse {
  @ApiProperty({ description: 'The secret (Authorization: Bearer …), shown this once.', example: 'lkssf_…' }) token!: string;
}

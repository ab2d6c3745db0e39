import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ACCOUNT_LOCALES } from '../../../domain/account.aggregate.js';
import { SECURITY_EVENT_TYPES } from '../../../domain/security-event.js';

/** Response shapes, for the OpenAPI document only (handlers return plain objects). */
export class OrganizationResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'acme' }) name!: string;
  @ApiProperty({ example: 'Acme Corporation' }) displayName!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class AccountResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'jane@example.com' }) email!: string;
  @ApiProperty({ example: 'acme' }) organization!: string;
  @ApiProperty({ enum: ACCOUNT_LOCALES }) locale!: string;
  @ApiProperty({ enum: ['active', 'password_reset_required'] }) status!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class MeResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() email!: string;
  @ApiProperty() organization!: string;
  @ApiProperty({ enum: ACCOUNT_LOCALES }) locale!: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) passwordChangedAt!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class SignInResponse {
  @ApiProperty() accessToken!: string;
  @ApiProperty({ enum: ['Bearer'] }) tokenType!: string;
  @ApiProperty({ example: 900 }) expiresIn!: number;
  @ApiProperty() refreshToken!: string;
  @ApiProperty({ format: 'uuid' }) sessionId!: string;
}

export class ViolationResponse {
  @ApiProperty({ example: 'MISSING_DIGIT' }) code!: string;
  @ApiProperty() message!: string;
}

export class PasswordCheckResponse {
  @ApiProperty() ok!: boolean;
  @ApiProperty({ type: [ViolationResponse] }) violations!: ViolationResponse[];
}

export class PolicyRuleResponse {
  @ApiProperty({ example: 'SEQUENTIAL' }) code!: string;
  @ApiProperty() enabled!: boolean;
  @ApiProperty() description!: string;
}

export class PasswordPolicyResponse {
  @ApiProperty() minLength!: number;
  @ApiProperty() maxLength!: number;
  @ApiProperty() historyDepth!: number;
  @ApiProperty() lockoutThreshold!: number;
  @ApiProperty({ type: [PolicyRuleResponse] }) rules!: PolicyRuleResponse[];
}

export class ResetRequestedResponse {
  @ApiProperty({ example: 'If the account exists, an e-mail has been sent.' }) message!: string;
}

export class ResetTokenResponse {
  @ApiProperty({ example: 'j***@example.com' }) email!: string;
  @ApiProperty({ format: 'date-time' }) expiresAt!: string;
}

export class SecurityEventResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: SECURITY_EVENT_TYPES }) type!: string;
  @ApiProperty({ format: 'uuid' }) organizationId!: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) accountId!: string | null;
  @ApiProperty({ format: 'date-time' }) occurredAt!: string;
  @ApiProperty() clientIp!: string;
  @ApiProperty({ nullable: true, type: String }) userAgent!: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true }) details!: Record<string, unknown>;
}

export class SecurityEventPageResponse {
  @ApiProperty({ type: [SecurityEventResponse] }) events!: SecurityEventResponse[];
  @ApiPropertyOptional({ nullable: true, type: String, description: 'Pass as `before` for the next, older page.' }) nextBefore!:
    string | null;
}

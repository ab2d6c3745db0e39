import { EntitySchema } from '@mikro-orm/core';
import { Account } from '../../domain/account.aggregate.js';
import { Organization } from '../../domain/organization.aggregate.js';
import { PasswordResetToken } from '../../domain/password-reset-token.aggregate.js';
import { SecurityEvent } from '../../domain/security-event.js';
import { UnknownIdentity } from '../../domain/unknown-identity.aggregate.js';

const timestamp = { type: 'Date', columnType: 'timestamptz' } as const;

export const OrganizationSchema = new EntitySchema<Organization>({
  class: Organization,
  tableName: 'organizations',
  properties: {
    id: { type: 'uuid', primary: true },
    name: { type: 'text' },
    displayName: { type: 'text' },
    policyOverrides: { type: 'json' },
    createdAt: timestamp,
  },
});

export const AccountSchema = new EntitySchema<Account>({
  class: Account,
  tableName: 'accounts',
  properties: {
    id: { type: 'uuid', primary: true },
    organizationId: { type: 'uuid' },
    email: { type: 'text' },
    emailNormalized: { type: 'text' },
    locale: { type: 'text' },
    passwordHash: { type: 'text', nullable: true },
    status: { type: 'text' },
    failedSignIns: { type: 'integer' },
    lockNoticePending: { type: 'boolean' },
    passwordChangedAt: { ...timestamp, nullable: true },
    createdAt: timestamp,
  },
});

export const PasswordResetTokenSchema = new EntitySchema<PasswordResetToken>({
  class: PasswordResetToken,
  tableName: 'password_reset_tokens',
  properties: {
    id: { type: 'uuid', primary: true },
    accountId: { type: 'uuid' },
    tokenHash: { type: 'text' },
    purpose: { type: 'text' },
    createdAt: timestamp,
    expiresAt: timestamp,
    usedAt: { ...timestamp, nullable: true },
  },
});

export const SecurityEventSchema = new EntitySchema<SecurityEvent>({
  class: SecurityEvent,
  tableName: 'security_events',
  properties: {
    id: { type: 'uuid', primary: true },
    type: { type: 'text' },
    organizationId: { type: 'uuid' },
    accountId: { type: 'uuid', nullable: true },
    occurredAt: timestamp,
    clientIp: { type: 'text' },
    userAgent: { type: 'text', nullable: true },
    details: { type: 'json' },
  },
});

export const UnknownIdentitySchema = new EntitySchema<UnknownIdentity>({
  class: UnknownIdentity,
  tableName: 'unknown_sign_in_identities',
  properties: {
    key: { type: 'text', primary: true },
    failedSignIns: { type: 'integer' },
    locked: { type: 'boolean' },
    lastFailedAt: { ...timestamp, nullable: true },
  },
});

export const IDENTITY_SCHEMAS = [OrganizationSchema, AccountSchema, PasswordResetTokenSchema, SecurityEventSchema, UnknownIdentitySchema];

import { EntitySchema } from '@mikro-orm/core';
import { RefreshToken } from '../../domain/refresh-token.entity.js';
import { Session } from '../../domain/session.aggregate.js';

export const SessionSchema = new EntitySchema<Session>({
  class: Session,
  tableName: 'sessions',
  properties: {
    id: { type: 'uuid', primary: true },
    accountId: { type: 'uuid' },
    organizationId: { type: 'uuid' },
    createdAt: { type: 'Date', columnType: 'timestamptz' },
    lastUsedAt: { type: 'Date', columnType: 'timestamptz' },
    expiresAt: { type: 'Date', columnType: 'timestamptz' },
    endedAt: { type: 'Date', columnType: 'timestamptz', nullable: true },
    endReason: { type: 'text', nullable: true },
    clientIp: { type: 'text' },
    userAgent: { type: 'text', nullable: true },
    credentialVersion: { type: 'integer' },
  },
});

export const RefreshTokenSchema = new EntitySchema<RefreshToken>({
  class: RefreshToken,
  tableName: 'refresh_tokens',
  properties: {
    id: { type: 'uuid', primary: true },
    sessionId: { type: 'uuid' },
    tokenHash: { type: 'text', unique: true },
    createdAt: { type: 'Date', columnType: 'timestamptz' },
    usedAt: { type: 'Date', columnType: 'timestamptz', nullable: true },
  },
});

import { EntitySchema } from '@mikro-orm/core';
import { ApiToken } from '../../domain/api-token.aggregate.js';

export const ApiTokenSchema = new EntitySchema<ApiToken>({
  class: ApiToken,
  tableName: 'api_tokens',
  properties: {
    id: { type: 'uuid', primary: true },
    accountId: { type: 'uuid' },
    organizationId: { type: 'uuid' },
    name: { type: 'text' },
    tokenPrefix: { type: 'text' },
    secretHash: { type: 'text', unique: true },
    createdAt: { type: 'Date', columnType: 'timestamptz' },
    expiresAt: { type: 'Date', columnType: 'timestamptz', nullable: true },
    lastUsedAt: { type: 'Date', columnType: 'timestamptz', nullable: true },
    revokedAt: { type: 'Date', columnType: 'timestamptz', nullable: true },
    credentialVersion: { type: 'integer' },
  },
});

import { randomUUID } from 'node:crypto';
import { EntityManager } from '@mikro-orm/postgresql';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { type IssuedTokens, SessionCommands } from '#libs/sessions';

export interface SignedIn extends IssuedTokens {
  accountId: string;
  organizationId: string;
}

/**
 * A session opened the way identity's sign-in opens one: SessionCommands inside the caller's
 * transaction. (Sessions does not know accounts, so any account id will do.)
 */
export async function openSession(
  api: NestFastifyApplication,
  account: { accountId?: string; organizationId?: string } = {},
): Promise<SignedIn> {
  const accountId = account.accountId ?? randomUUID();
  const organizationId = account.organizationId ?? randomUUID();
  const commands = api.get(SessionCommands);
  const tokens = await api
    .get(EntityManager)
    .fork()
    .transactional(() => commands.openSession({ accountId, organizationId, clientIp: '203.0.113.7', userAgent: 'jest' }));
  return { ...tokens, accountId, organizationId };
}

export function bearer(token: string): [string, string] {
  return ['authorization', `Bearer ${token}`];
}

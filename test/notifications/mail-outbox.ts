import { EntityManager } from '@mikro-orm/postgresql';
import type { INestApplicationContext } from '@nestjs/common';
import { MAIL_QUEUE, Outbox } from '#libs/platform';

/** Commits a mail job to the outbox as a producer does, in a transaction; returns the row (and job) id. */
export async function commitMailJob(app: INestApplicationContext, name: string, payload: Record<string, unknown>): Promise<string> {
  const em = app.get(EntityManager);
  await em.transactional(async () => new Outbox(em).add({ queue: MAIL_QUEUE, name, payload }));
  const [row] = await em
    .fork()
    .execute<{ id: string }[]>(`select id from outbox where name = ? and payload->>'to' = ? order by created_at desc limit 1`, [
      name,
      payload.to,
    ]);
  return row.id;
}

export function linkJob(to: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    to,
    locale: 'en',
    organizationName: 'acme',
    organizationDisplayName: 'Acme Corp',
    link: `http://localhost:3000/reset-password#token=${Buffer.from(to).toString('base64url')}`,
    expiresAt: new Date(Date.now() + 30 * 60_000).toISOString(),
    ...overrides,
  };
}

export function changeJob(to: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    to,
    locale: 'en',
    organizationName: 'acme',
    organizationDisplayName: 'Acme Corp',
    occurredAt: new Date().toISOString(),
    sessionsExpired: true,
    ...overrides,
  };
}

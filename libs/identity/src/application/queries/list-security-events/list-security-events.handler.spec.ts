import { IdentityTestKit } from '../../../infrastructure/testing/identity-test-kit.js';
import { ListSecurityEvents } from './list-security-events.query.js';
import { ListSecurityEventsHandler } from './list-security-events.handler.js';

const origin = { clientIp: '203.0.113.9', userAgent: 'jest' };

describe('ListSecurityEventsHandler', () => {
  let kit: IdentityTestKit;
  let handler: ListSecurityEventsHandler;

  beforeEach(async () => {
    kit = new IdentityTestKit();
    handler = new ListSecurityEventsHandler(kit.lookup, kit.events);
    const organization = await kit.organization();
    // Three events share each timestamp, so paging must break ties by id.
    for (let minute = 0; minute < 4; minute++) {
      for (let i = 0; i < 3; i++)
        await kit.audit.record('sign-in.failed', { organizationId: organization.id, accountId: i === 0 ? 'a1' : null }, origin);
      kit.clock.advance(60_000);
    }
  });

  const page = (filter: { before?: string; limit: number; accountId?: string }) => handler.execute(new ListSecurityEvents('acme', filter));

  it('pages newest first by event id without skipping or repeating an event', async () => {
    const ids: string[] = [];
    let before: string | undefined;
    for (;;) {
      const result = await page({ before, limit: 5 });
      ids.push(...result.events.map((event) => event.id));
      if (!result.nextBefore) break;
      before = result.nextBefore;
    }
    const expected = [...kit.events.items].sort((a, b) => +b.occurredAt - +a.occurredAt || (a.id < b.id ? 1 : -1)).map((event) => event.id);
    expect(ids).toEqual(expected);
  });

  it('accepts a timestamp cursor and filters by account', async () => {
    const result = await page({ before: '2026-11-26T12:02:00.000Z', limit: 50 });
    expect(result.events).toHaveLength(6);
    expect((await page({ limit: 50, accountId: 'a1' })).events).toHaveLength(4);
  });

  it('refuses a cursor that is neither an event of the organization nor a timestamp', async () => {
    await expect(page({ before: 'yesterday', limit: 5 })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(page({ before: '00000000-0000-4000-8000-000000000000', limit: 5 })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });
});

import { Clock } from '#libs/building-blocks';
import { InMemorySecurityEventRepository } from '../../infrastructure/testing/in-memory-security-event.repository.js';
import { AuditTrail } from './audit-trail.service.js';

class StoppedClock extends Clock {
  now(): Date {
    return new Date('2026-11-27T10:00:00.000Z');
  }
}

describe('AuditTrail', () => {
  it('keeps events of one millisecond in the order they happened, newest first', async () => {
    const events = new InMemorySecurityEventRepository();
    const audit = new AuditTrail(events, new StoppedClock());
    const subject = { organizationId: 'org-1', accountId: 'account-1' };
    const origin = { clientIp: '203.0.113.7', userAgent: null };
    const types = ['sign-in.failed', 'account.locked', 'password-reset.requested'] as const;
    for (let round = 0; round < 50; round++) {
      events.items.length = 0;
      for (const type of types) await audit.record(type, subject, origin);
      const listed = await events.list({ organizationId: 'org-1', limit: 10 });
      expect(listed.map((event) => event.type)).toEqual([...types].reverse());
    }
  });
});

import { IdentityTestKit } from '../../../infrastructure/testing/identity-test-kit.js';
import { ResetRequested } from '../../../domain/identity.events.js';
import { RequestReset } from './request-reset.command.js';
import { RequestResetHandler } from './request-reset.handler.js';

const origin = { clientIp: '203.0.113.9', userAgent: null };

describe('RequestResetHandler', () => {
  let kit: IdentityTestKit;
  let handler: RequestResetHandler;

  beforeEach(async () => {
    kit = new IdentityTestKit();
    handler = new RequestResetHandler(kit.organizations, kit.accounts, kit.throttle, kit.domainEvents, kit.unitOfWork, kit.clock);
    await kit.account(await kit.organization());
  });

  const request = (email = 'Jane@Example.com', organization = 'acme') => handler.execute(new RequestReset(organization, email, origin));

  it('mails a link to the fragment of PUBLIC_URL/reset-password', async () => {
    await request();
    expect(kit.outbox.jobs).toEqual([
      {
        name: 'password-reset',
        payload: {
          to: 'jane@example.com',
          locale: 'en',
          organizationName: 'acme',
          organizationDisplayName: 'Acme Corp',
          link: 'https://latchkey.test/reset-password#token=secret-1',
          expiresAt: '2026-11-26T12:30:00.000Z',
        },
      },
    ]);
    expect(kit.tokens.items[0].tokenHash).toBe('hash(secret-1)');
    expect(kit.domainEvents.published).toEqual([new ResetRequested('account-jane@example.com', 'org-acme', true, origin, kit.clock.now())]);
  });

  it('does nothing for unknown accounts and organizations', async () => {
    await request('nobody@example.com');
    await request('jane@example.com', 'other');
    expect(kit.outbox.jobs).toEqual([]);
    expect(kit.events.items).toEqual([]);
    expect(kit.published()).toEqual([]);
  });

  it('sends at most one e-mail a minute and five an hour per account', async () => {
    const sent = (): number => kit.outbox.jobs.length;
    await request();
    await request();
    expect(sent()).toBe(1);
    for (let minute = 1; minute <= 6; minute++) {
      kit.clock.advance(61_000);
      await request();
    }
    expect(sent()).toBe(5);
    kit.clock.advance(3_600_000);
    await request();
    expect(sent()).toBe(6);
    expect(kit.events.items.map((event) => event.details.sent)).toEqual([true, false, true, true, true, true, false, false, true]);
  });
});

import { IdentityTestKit } from '../../../infrastructure/testing/identity-test-kit.js';
import { AccountCreated } from '../../../domain/identity.events.js';
import { CreateAccount } from './create-account.command.js';
import { CreateAccountHandler } from './create-account.handler.js';

const origin = { clientIp: '203.0.113.9', userAgent: null };

describe('CreateAccountHandler', () => {
  let kit: IdentityTestKit;
  let handler: CreateAccountHandler;

  beforeEach(async () => {
    kit = new IdentityTestKit();
    handler = new CreateAccountHandler(kit.lookup, kit.policies, kit.hasher, kit.domainEvents, kit.unitOfWork, kit.clock);
    await kit.organization();
  });

  it('creates an active account with a password that passes the policy', async () => {
    const view = await handler.execute(new CreateAccount('acme', 'Jane@Example.com', 'Plum-korb!7', 'en', origin));
    expect(view).toMatchObject({ email: 'Jane@Example.com', organization: 'acme', status: 'active' });
    expect(kit.domainEvents.published).toEqual([new AccountCreated(view.id, 'org-acme', false, origin, kit.clock.now())]);
    expect(kit.outbox.jobs).toEqual([]);
    expect(kit.events.items.map((event) => [event.type, event.details])).toEqual([['account.created', { invited: false }]]);
  });

  it('invites an account created without a password', async () => {
    const view = await handler.execute(new CreateAccount('acme', 'kim@example.com', undefined, 'ko', origin));
    expect(view.status).toBe('password_reset_required');
    expect(kit.outbox.jobs).toEqual([
      { name: 'invitation', payload: expect.objectContaining({ locale: 'ko', link: expect.stringContaining('#token=') }) },
    ]);
    expect(kit.tokens.items[0].expiresAt.getTime() - kit.clock.now().getTime()).toBe(72 * 3600 * 1000);
    expect(kit.published()).toEqual(['AccountCreated']);
    expect(kit.events.items.map((event) => [event.type, event.details])).toEqual([['account.created', { invited: true }]]);
  });

  it('reports every violation at once', async () => {
    await expect(handler.execute(new CreateAccount('acme', 'jane@example.com', 'password123!', 'en', origin))).rejects.toMatchObject({
      code: 'PASSWORD_POLICY_VIOLATION',
      violations: [
        expect.objectContaining({ code: 'MISSING_UPPERCASE' }),
        expect.objectContaining({ code: 'SEQUENTIAL' }),
        expect.objectContaining({ code: 'COMMON' }),
      ],
    });
    expect(kit.published()).toEqual([]);
  });

  it('refuses a second account with the same e-mail in another case, and unknown organizations', async () => {
    await handler.execute(new CreateAccount('acme', 'jane@example.com', undefined, 'en', origin));
    await expect(handler.execute(new CreateAccount('acme', 'JANE@example.com', undefined, 'en', origin))).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    await expect(handler.execute(new CreateAccount('nope', 'jane@example.com', undefined, 'en', origin))).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});

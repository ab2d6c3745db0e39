import { IdentityTestKit } from '../../../infrastructure/testing/identity-test-kit.js';
import { UpdatePasswordPolicy } from './update-password-policy.command.js';
import { UpdatePasswordPolicyHandler } from './update-password-policy.handler.js';

const origin = { clientIp: '203.0.113.9', userAgent: null };

describe('UpdatePasswordPolicyHandler', () => {
  let kit: IdentityTestKit;
  let handler: UpdatePasswordPolicyHandler;

  beforeEach(async () => {
    kit = new IdentityTestKit();
    handler = new UpdatePasswordPolicyHandler(kit.lookup, kit.policies, kit.domainEvents, kit.unitOfWork, kit.clock);
    await kit.organization();
  });

  it('replaces the organization choices and describes the result', async () => {
    await handler.execute(new UpdatePasswordPolicy('acme', { minLength: 12, historyDepth: 5 }, origin));
    const description = await handler.execute(new UpdatePasswordPolicy('acme', { lockoutThreshold: 3 }, origin));
    expect(description).toMatchObject({ minLength: 9, historyDepth: 3, lockoutThreshold: 3 });
    expect(kit.published()).toEqual(['PasswordPolicyUpdated', 'PasswordPolicyUpdated']);
    expect(kit.eventTypes()).toEqual(['password-policy.updated', 'password-policy.updated']);
    expect(kit.events.items[1].details).toEqual({ settings: (await kit.organizations.findByName('acme'))?.policyOverrides });
    expect(kit.events.items[1].details).toMatchObject({ settings: { lockoutThreshold: 3 } });
  });

  it('names every field outside the policy limits of docs/api.md and changes nothing', async () => {
    const error = await handler
      .execute(new UpdatePasswordPolicy('acme', { minLength: 8, maxLength: 200, historyDepth: 25, lockoutThreshold: 2 }, origin))
      .catch((e) => e);
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.extensions.errors.map((e: { field: string }) => e.field)).toEqual([
      'minLength',
      'maxLength',
      'historyDepth',
      'lockoutThreshold',
    ]);
    expect((await kit.organizations.findByName('acme'))?.policyOverrides).toEqual({});
    expect(kit.published()).toEqual([]);
  });

  it('answers NOT_FOUND for an unknown organization', async () => {
    await expect(handler.execute(new UpdatePasswordPolicy('nope', {}, origin))).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

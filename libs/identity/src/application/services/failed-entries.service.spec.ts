import { INTERNAL_ORIGIN } from '#libs/building-blocks';
import { IdentityTestKit } from '../../infrastructure/testing/identity-test-kit.js';
import { AccountLocked } from '../../domain/identity.events.js';

const origin = { clientIp: '203.0.113.9', userAgent: null };

describe('FailedEntries', () => {
  it('publishes a failure in the counting transaction, and the lock once, after the answer, whoever claims its notice first', async () => {
    const kit = new IdentityTestKit();
    const organization = await kit.organization();
    const account = await kit.account(organization);
    const outcomes = [];
    for (let i = 0; i < 5; i++) outcomes.push(await kit.failedEntries.record(account.id, organization, origin, 'sign-in'));
    expect(outcomes).toEqual(['counted', 'counted', 'counted', 'counted', 'locked']);
    expect(kit.published()).toEqual(Array(5).fill('SignInFailed'));
    // The sweeper gets there before the deferred sender (its process died, say): the notice goes out once.
    await kit.failedEntries.sendPendingNotice(account.id);
    await kit.deferred.settled();
    await kit.failedEntries.sendPendingNotice(account.id);
    expect(kit.domainEvents.published.slice(5)).toEqual([
      new AccountLocked(account.id, organization.id, 5, 5, INTERNAL_ORIGIN, kit.clock.now()),
    ]);
    expect(kit.outbox.jobs.map((job) => job.name)).toEqual(['account-locked']);
    expect(kit.eventTypes().slice(-1)).toEqual(['account.locked']);
  });
});

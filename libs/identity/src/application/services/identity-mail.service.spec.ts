import type { Account } from '../../domain/account.aggregate.js';
import type { Organization } from '../../domain/organization.aggregate.js';
import { InMemoryMailOutbox } from '../../infrastructure/testing/in-memory-ports.js';
import { IdentityMail } from './identity-mail.service.js';

const account = { email: 'Ada@Example.com', locale: 'ko' } as Account;
const organization = { name: 'acme', displayName: 'Acme Corp' } as Organization;

describe('IdentityMail', () => {
  it('queues the job with the common fields of the contract and its own fields', () => {
    const outbox = new InMemoryMailOutbox();
    new IdentityMail(outbox).queue('password-changed', account, organization, {
      occurredAt: '2026-11-26T03:05:00.000Z',
      sessionsExpired: true,
    });
    expect(outbox.jobs).toEqual([
      {
        name: 'password-changed',
        payload: {
          to: 'Ada@Example.com',
          locale: 'ko',
          organizationName: 'acme',
          organizationDisplayName: 'Acme Corp',
          occurredAt: '2026-11-26T03:05:00.000Z',
          sessionsExpired: true,
        },
      },
    ]);
  });

  /**
   * Compile-time checks against notifications' contract (`MailJobPayloads`): `tsc --noEmit` fails when one of
   * these lines compiles, that is when a payload that breaks the contract would reach the outbox.
   */
  it('takes only the fields of the named job', () => {
    const mail = new IdentityMail(new InMemoryMailOutbox());
    const send = (): void => {
      // @ts-expect-error a link job needs its expiry
      mail.queue('password-reset', account, organization, { link: 'https://latchkey.test/reset-password#token=x' });
      // @ts-expect-error a change e-mail carries no link
      mail.queue('password-changed', account, organization, { link: 'https://latchkey.test/', expiresAt: '2026-11-26T03:35:00.000Z' });
      // @ts-expect-error nor does it take one beside its own fields
      mail.queue('password-changed', account, organization, { occurredAt: '2026-11-26T03:05Z', sessionsExpired: true, link: 'x' });
      // @ts-expect-error sessionsExpired is a boolean
      mail.queue('password-reset-completed', account, organization, { occurredAt: '2026-11-26T03:05:00.000Z', sessionsExpired: 'yes' });
      // @ts-expect-error not a job of the mail queue
      mail.queue('password-forgotten', account, organization, { occurredAt: '2026-11-26T03:05:00.000Z', sessionsExpired: true });
    };
    expect(send).toBeInstanceOf(Function);
  });
});

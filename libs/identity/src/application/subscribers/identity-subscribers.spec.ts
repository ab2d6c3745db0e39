import { type INestApplicationContext, Module } from '@nestjs/common';
import { DiscoveryModule, NestFactory } from '@nestjs/core';
import { type DomainEvent, DomainEvents, InMemoryDomainEvents } from '#libs/building-blocks';
import { DomainEventDispatcher } from '#libs/platform';
import { ApiTokenCreated, ApiTokenRevoked } from '#libs/sessions';
import { identitySubscriptions, IdentityTestKit } from '../../infrastructure/testing/identity-test-kit.js';
import {
  AccountCreated,
  AccountLocked,
  AccountResetRequired,
  CredentialsExpired,
  OrganizationCreated,
  PasswordChanged,
  PasswordPolicyUpdated,
  PasswordReset,
  ResetRequested,
  SignedIn,
  SignInFailed,
} from '../../domain/identity.events.js';
import { PasswordResetTokenRepository } from '../../domain/password-reset-token.repository.js';
import { AccountSessions } from '../ports/account-sessions.port.js';
import { AccountOwners } from '../services/account-owners.service.js';
import { AuditTrail } from '../services/audit-trail.service.js';
import { IdentityMail } from '../services/identity-mail.service.js';
import { ResetLinks } from '../services/reset-links.service.js';
import { ApiTokenAuditSubscriber } from './api-token-audit.subscriber.js';
import { AuditTrailSubscriber } from './audit-trail.subscriber.js';
import { OwnerMailSubscriber } from './owner-mail.subscriber.js';
import { ResetLinkSpendingSubscriber } from './reset-link-spending.subscriber.js';
import { ResetLinkSubscriber } from './reset-link.subscriber.js';
import { SessionEndingSubscriber } from './session-ending.subscriber.js';

const SUBSCRIBERS = [
  AuditTrailSubscriber,
  ApiTokenAuditSubscriber,
  OwnerMailSubscriber,
  ResetLinkSubscriber,
  ResetLinkSpendingSubscriber,
  SessionEndingSubscriber,
];

@Module({
  imports: [DiscoveryModule],
  providers: [
    ...SUBSCRIBERS,
    ...[AuditTrail, AccountOwners, IdentityMail, ResetLinks, PasswordResetTokenRepository, AccountSessions].map((token) => ({
      provide: token,
      useValue: {},
    })),
    { provide: DomainEvents, useClass: DomainEventDispatcher },
  ],
})
class SubscribersModule {}

const origin = { clientIp: '203.0.113.9', userAgent: null };
const now = new Date('2026-11-26T12:00:00Z');
const EVENTS: DomainEvent[] = [
  new OrganizationCreated('o1', 'acme', origin, now),
  new PasswordPolicyUpdated('o1', {}, origin, now),
  new AccountCreated('a1', 'o1', true, origin, now),
  new SignedIn('a1', 'o1', 's1', false, origin, now),
  new SignInFailed('a1', 'o1', 'sign-in', 'wrong-password', 1, origin, now),
  new AccountLocked('a1', 'o1', 5, 5, origin, now),
  new ResetRequested('a1', 'o1', true, origin, now),
  new AccountResetRequired('a1', 'o1', origin, now),
  new PasswordChanged('a1', 'o1', 's1', true, origin, now),
  new PasswordReset('a1', 'o1', 'reset', true, origin, now),
  new CredentialsExpired('a1', 'o1', { by: 'administrator' }, origin, now),
  new ApiTokenCreated('t1', 'a1', 'o1', 'ci', origin, now),
  new ApiTokenRevoked('t1', 'a1', 'o1', origin, now),
];

/** Replaces each subscriber's handle with one that notes who heard which event. */
function listen(subscribers: Array<{ handle: (event: never) => Promise<void> }>): string[] {
  const heard: string[] = [];
  for (const subscriber of subscribers)
    subscriber.handle = async (event: DomainEvent) => void heard.push(`${event.type} → ${subscriber.constructor.name}`);
  return heard;
}

describe('identity’s subscribers', () => {
  let app: INestApplicationContext;

  beforeAll(async () => {
    app = await NestFactory.createApplicationContext(SubscribersModule, { logger: false });
  });
  afterAll(() => app.close());

  it('hear, through the platform’s dispatcher, the events their @OnDomainEvent names, in the order the test kit wires them', async () => {
    const heard = listen(SUBSCRIBERS.map((type) => app.get<{ handle: (event: never) => Promise<void> }>(type)));
    await app.get(DomainEvents).publish(EVENTS);

    const kit = new IdentityTestKit();
    const wired = new InMemoryDomainEvents();
    const subscriptions = identitySubscriptions(kit);
    const kitHeard = listen(subscriptions.map(({ subscriber }) => subscriber));
    for (const { on, subscriber } of subscriptions) wired.subscribe(on, subscriber);
    await wired.publish(EVENTS.filter((event) => !(event instanceof ApiTokenCreated || event instanceof ApiTokenRevoked)));

    expect(heard.filter((line) => !line.startsWith('ApiToken'))).toEqual(kitHeard);
    expect(heard.filter((line) => line.startsWith('ApiToken'))).toEqual([
      'ApiTokenCreated → ApiTokenAuditSubscriber',
      'ApiTokenRevoked → ApiTokenAuditSubscriber',
    ]);
    // The expiry is the last thing a change with the option does in identity (docs/architecture.md#domain-events).
    expect(heard.filter((line) => line.startsWith('PasswordChanged') || line.startsWith('CredentialsExpired'))).toEqual([
      'PasswordChanged → AuditTrailSubscriber',
      'PasswordChanged → OwnerMailSubscriber',
      'PasswordChanged → ResetLinkSpendingSubscriber',
      'PasswordChanged → SessionEndingSubscriber',
      'CredentialsExpired → AuditTrailSubscriber',
      'CredentialsExpired → SessionEndingSubscriber',
    ]);
  });
});

import { Injectable } from '@nestjs/common';
import type { DomainEventSubscriber } from '#libs/building-blocks';
import { CommittedIncrements, MetricsRegistry, OnDomainEvent } from '#libs/platform';
import type { Counter } from 'prom-client';
import { AccountLocked, CredentialsExpired, ResetRequested, SignedIn, SignInFailed } from '../../domain/identity.events.js';

/** `latchkey_sign_ins_total`'s outcomes. */
export type SignInOutcome = 'succeeded' | 'failed' | 'locked' | 'unknown_identity';

type CountedEvent = SignedIn | SignInFailed | AccountLocked | ResetRequested | CredentialsExpired;

/**
 * Identity's counters, one set per application, shared by the subscriber below and by the unknown
 * identities' repository (an unknown identity raises no event).
 */
@Injectable()
export class IdentityCounters {
  readonly signIns: Counter<'outcome'>;
  readonly lockouts: Counter;
  readonly resetRequests: Counter<'outcome'>;
  readonly expiries: Counter<'by'>;

  constructor(metrics: MetricsRegistry) {
    this.signIns = metrics.counter({
      name: 'latchkey_sign_ins_total',
      help: 'Sign-ins by outcome: succeeded, failed (wrong password), locked (refused: the account is locked or needs a reset), unknown_identity (no such account)',
      labelNames: ['outcome'],
    });
    this.lockouts = metrics.counter({ name: 'latchkey_lockouts_total', help: 'Accounts locked by failed password entries' });
    this.resetRequests = metrics.counter({
      name: 'latchkey_password_reset_requests_total',
      help: 'Reset links asked for by the owner of an account: sent, or throttled (held back by the per-account limit)',
      labelNames: ['outcome'],
    });
    this.expiries = metrics.counter({
      name: 'latchkey_credential_expiries_total',
      help: 'Expiries of every session and token of an account, by who asked: owner (with a change or reset) or administrator',
      labelNames: ['by'],
    });
    for (const outcome of ['succeeded', 'failed', 'locked', 'unknown_identity'] satisfies SignInOutcome[]) this.signIns.inc({ outcome }, 0);
    for (const outcome of ['sent', 'throttled']) this.resetRequests.inc({ outcome }, 0);
    for (const by of ['owner', 'administrator']) this.expiries.inc({ by }, 0);
  }
}

/**
 * Counts identity's domain events once their transaction has committed (a change that rolls back
 * counted nothing). A password change refused for a wrong current password counts towards the lock
 * but is no sign-in, so it is not among the sign-ins.
 */
@OnDomainEvent(SignedIn, SignInFailed, AccountLocked, ResetRequested, CredentialsExpired)
@Injectable()
export class IdentityMetricsSubscriber implements DomainEventSubscriber<CountedEvent> {
  constructor(
    private readonly counters: IdentityCounters,
    private readonly committed: CommittedIncrements,
  ) {}

  handle(event: CountedEvent): Promise<void> {
    const { signIns, lockouts, resetRequests, expiries } = this.counters;
    if (event instanceof SignedIn) this.committed.add(() => signIns.inc({ outcome: 'succeeded' }));
    else if (event instanceof SignInFailed) {
      const outcome: SignInOutcome = event.reason === 'wrong-password' ? 'failed' : 'locked';
      if (event.via === 'sign-in') this.committed.add(() => signIns.inc({ outcome }));
    } else if (event instanceof AccountLocked) this.committed.add(() => lockouts.inc());
    else if (event instanceof ResetRequested) this.committed.add(() => resetRequests.inc({ outcome: event.sent ? 'sent' : 'throttled' }));
    else this.committed.add(() => expiries.inc({ by: event.expiry.by }));
    return Promise.resolve();
  }
}

import type { PasswordRule } from '#libs/password-policy';
import { ExtraPasswordRules } from '../../application/ports/extra-password-rules.port.js';
import type { MailJobCommonFields, MailJobFields } from '#libs/notifications';
import { type MailJobName, MailOutbox } from '../../application/ports/mail-outbox.port.js';
import { type ResetSecret, ResetTokenSecrets } from '../../application/ports/reset-token-secrets.port.js';
import { UnitOfWork } from '#libs/building-blocks';
import { DeferredWork } from '../../application/ports/deferred-work.port.js';
import { UnknownIdentity } from '../../domain/unknown-identity.aggregate.js';
import { UnknownIdentityRepository } from '../../domain/unknown-identity.repository.js';

export class InMemoryMailOutbox extends MailOutbox {
  readonly jobs: Array<{ name: MailJobName; payload: MailJobCommonFields & MailJobFields<MailJobName> }> = [];

  add<N extends MailJobName>(name: N, payload: MailJobCommonFields & MailJobFields<N>): void {
    this.jobs.push({ name, payload });
  }
}

/** No rollback: unit tests check what handlers decide, the int and e2e specs check atomicity. */
export class ImmediateUnitOfWork extends UnitOfWork {
  run<T>(work: () => Promise<T>): Promise<T> {
    return work();
  }

  join<T>(work: () => Promise<T>): Promise<T> {
    return work();
  }
}

/** Keyed by the typed pair itself: nothing here is stored. */
export class InMemoryUnknownIdentityRepository extends UnknownIdentityRepository {
  readonly items = new Map<string, UnknownIdentity>();

  async lock(organizationName: string, emailNormalized: string): Promise<UnknownIdentity> {
    const key = `${organizationName}\n${emailNormalized}`;
    const stored = this.items.get(key) ?? new UnknownIdentity(key, 0, false, null);
    return new UnknownIdentity(stored.key, stored.failedSignIns, stored.locked, stored.lastFailedAt);
  }

  async save(identity: UnknownIdentity): Promise<void> {
    this.items.set(identity.key, identity);
  }
}

/** Holds deferred work until `settled()` runs it: a spec sees the answer before the work, as a client does. */
export class InMemoryDeferredWork extends DeferredWork {
  private readonly waiting: Array<() => Promise<void>> = [];

  defer(_description: string, work: () => Promise<void>): void {
    this.waiting.push(work);
  }

  async settled(): Promise<void> {
    for (const work of this.waiting.splice(0)) await work();
  }
}

export class SequentialResetTokenSecrets extends ResetTokenSecrets {
  private next = 0;

  generate(): ResetSecret {
    const secret = `secret-${++this.next}`;
    return { secret, hash: this.hashOf(secret) };
  }

  hashOf(secret: string): string {
    return `hash(${secret})`;
  }
}

export class FixedPasswordRules extends ExtraPasswordRules {
  constructor(private readonly rules: readonly PasswordRule[] = []) {
    super();
  }

  all(): readonly PasswordRule[] {
    return this.rules;
  }
}

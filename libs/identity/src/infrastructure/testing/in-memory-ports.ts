import type { PasswordRule } from '#libs/password-policy';
import { ExtraPasswordRules } from '../../application/ports/extra-password-rules.port.js';
import { type MailJobName, MailOutbox } from '../../application/ports/mail-outbox.port.js';
import { type ResetSecret, ResetTokenSecrets } from '../../application/ports/reset-token-secrets.port.js';
import { UnitOfWork } from '../../application/ports/unit-of-work.port.js';
import { UnknownSignInCounter } from '../../application/ports/unknown-sign-in-counter.port.js';

export class InMemoryMailOutbox extends MailOutbox {
  readonly jobs: Array<{ name: MailJobName; payload: Record<string, unknown> }> = [];

  add(name: MailJobName, payload: Record<string, unknown>): void {
    this.jobs.push({ name, payload });
  }
}

/** No rollback: unit tests check what handlers decide, the int and e2e specs check atomicity. */
export class ImmediateUnitOfWork extends UnitOfWork {
  run<T>(work: () => Promise<T>): Promise<T> {
    return work();
  }
}

export class InMemoryUnknownSignInCounter extends UnknownSignInCounter {
  readonly counts = new Map<string, number>();

  async increment(organizationName: string, email: string): Promise<number> {
    const key = `${organizationName}\n${email}`;
    const count = (this.counts.get(key) ?? 0) + 1;
    this.counts.set(key, count);
    return count;
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

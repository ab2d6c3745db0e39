import { countFailedEntry, type FailedEntryOutcome } from './lockout.rule.js';

/**
 * An organization name and e-mail that name no account, as far as failed sign-ins go: counted
 * and locked by the same rule as an account, and never unlocked (no one can reset it), so its
 * answers follow a real account's over any stretch of time. `key` is opaque: it holds no typed text.
 */
export class UnknownIdentity {
  constructor(
    readonly key: string,
    public failedSignIns: number,
    public locked: boolean,
    public lastFailedAt: Date | null,
  ) {}

  recordFailedSignIn(lockoutThreshold: number, now: Date): FailedEntryOutcome {
    const next = countFailedEntry(this, lockoutThreshold);
    this.failedSignIns = next.failedSignIns;
    this.locked = next.locked;
    // Like an account's row, a locked identity's is left as it is: no write an account would not make.
    if (next.outcome !== 'already-locked') this.lastFailedAt = now;
    return next.outcome;
  }
}

/** What a failed password entry led to. */
export type FailedEntryOutcome = 'counted' | 'locked' | 'already-locked';

export interface LockoutState {
  readonly failedSignIns: number;
  readonly locked: boolean;
}

/**
 * docs/guarantees.md#lockout: the failure that reaches the threshold locks, and a locked identity counts no more.
 * One rule for accounts and for identities that do not exist, so both answer the same sequence.
 */
export function countFailedEntry(state: LockoutState, lockoutThreshold: number): LockoutState & { outcome: FailedEntryOutcome } {
  if (state.locked) return { ...state, outcome: 'already-locked' };
  const failedSignIns = state.failedSignIns + 1;
  const locked = failedSignIns >= lockoutThreshold;
  return { failedSignIns, locked, outcome: locked ? 'locked' : 'counted' };
}

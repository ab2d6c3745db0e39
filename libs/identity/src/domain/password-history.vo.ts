/** The hashes an account used before its current one, newest first (REUSED, docs/api.md#password-policy). */
export class PasswordHistory {
  private constructor(readonly previousHashes: readonly string[]) {}

  static of(previousHashes: readonly string[]): PasswordHistory {
    return new PasswordHistory([...previousHashes]);
  }

  /** What REUSED compares with: the current hash first, then the earlier ones. */
  withCurrent(currentHash: string | null): string[] {
    return currentHash === null ? [...this.previousHashes] : [currentHash, ...this.previousHashes];
  }

  /**
   * The history once `replacedHash` stops being current. Only `depth` earlier passwords
   * are kept: an old hash nobody compares with is only a liability if the database leaks.
   */
  after(replacedHash: string | null, depth: number): PasswordHistory {
    const hashes = replacedHash === null ? this.previousHashes : [replacedHash, ...this.previousHashes];
    return new PasswordHistory(hashes.slice(0, depth));
  }
}

/** A new password judged acceptable and hashed before the row lock (a hash is too slow to hold one), with the history it was judged against. */
export interface NewPassword {
  readonly hash: string;
  readonly history: PasswordHistory;
  readonly historyDepth: number;
}

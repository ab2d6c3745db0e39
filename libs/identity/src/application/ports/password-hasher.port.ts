export abstract class PasswordHasher {
  abstract hash(password: string): Promise<string>;
  abstract verify(hash: string, password: string): Promise<boolean>;
  /** True when the hash was made with other parameters than the configured ones. */
  abstract needsRehash(hash: string): boolean;
  /** Costs one verify, for identities that do not exist (docs/guarantees.md#failures-that-answer-alike: no timing difference). */
  abstract verifyDummy(password: string): Promise<void>;
}

/**
 * Tells whether a password matches any of an account's stored password hashes. The
 * identity module implements it with argon2 verify; the domain never sees a hash format.
 */
export abstract class PasswordHistoryMatcher {
  abstract matchesAny(password: string, hashes: readonly string[]): Promise<boolean>;
}

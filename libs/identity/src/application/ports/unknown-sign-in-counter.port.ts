/**
 * Failed sign-ins for identities that do not exist, so they answer the same 401…423
 * sequence as a real account (SPEC §2). Counts expire; no account row holds them.
 */
export abstract class UnknownSignInCounter {
  /** Counts one failure for the pair and returns the count so far. */
  abstract increment(organizationName: string, emailNormalized: string): Promise<number>;
}

/** One broken rule. `message` is safe to show and log: it never contains the password. */
export interface PolicyViolation {
  readonly code: string;
  readonly message: string;
}

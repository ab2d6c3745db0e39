/**
 * The `txn` claim (RFC 8417 §2.2) of the current action: one value for every SET an action produces
 * (a password change that expires everything: its credential-change and each session-revoked), a new
 * value for the next action. Implemented per transaction, since one action is one transaction.
 */
export abstract class ActionTxn {
  abstract current(): string;
}

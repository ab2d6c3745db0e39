export interface ResetSecret {
  /** Goes into the e-mail link only. */
  secret: string;
  /** What is stored and looked up. */
  hash: string;
}

export abstract class ResetTokenSecrets {
  abstract generate(): ResetSecret;
  abstract hashOf(secret: string): string;
}

/** Secrets of stream credentials: generated with a CSPRNG, stored as a hash only. */
export abstract class StreamCredentialSecrets {
  abstract generate(): string;
  abstract hash(secret: string): string;
}

/** Random secrets for refresh and API tokens, and the hash under which each is stored and found. */
export abstract class TokenSecrets {
  abstract generate(prefix?: string): string;
  abstract hash(token: string): string;
}

/**
 * The account's credential version, named by every session, access token and API token. Advancing
 * it ends an era: no credential of an older version is accepted again.
 */
export abstract class CredentialVersionRepository {
  /** Advances the version and locks its row until the transaction ends; every credential creation waits for that lock. */
  abstract advance(accountId: string): Promise<number>;
}

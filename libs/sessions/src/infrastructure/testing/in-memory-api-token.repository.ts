import type { ApiToken } from '../../domain/api-token.aggregate.js';
import { ApiTokenRepository, type RevokedApiToken } from '../../domain/api-token.repository.js';
import type { InMemoryCredentialVersionRepository } from './in-memory-credential-version.repository.js';
import { detached, type TransactionParticipant } from './in-memory-unit-of-work.js';

export class InMemoryApiTokenRepository extends ApiTokenRepository implements TransactionParticipant {
  tokens = new Map<string, ApiToken>();
  private saved: Map<string, ApiToken> | null = null;

  constructor(private readonly versions: InMemoryCredentialVersionRepository) {
    super();
  }

  async addIfCurrent(token: ApiToken): Promise<boolean> {
    if (this.versions.current(token.accountId) !== token.credentialVersion) return false;
    this.tokens.set(token.id, detached(token));
    return true;
  }

  async listUnrevoked(accountId: string): Promise<ApiToken[]> {
    return [...this.tokens.values()]
      .filter((t) => t.accountId === accountId && t.revokedAt === null)
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())
      .map(detached);
  }

  async revoke(filter: { accountId: string; id?: string }, now: Date): Promise<RevokedApiToken[]> {
    const matching = [...this.tokens.values()].filter(
      (t) => t.accountId === filter.accountId && (!filter.id || t.id === filter.id) && t.revokedAt === null,
    );
    for (const token of matching) token.revoke(now);
    return matching.map((t) => ({ id: t.id, secretHash: t.secretHash }));
  }

  begin(): void {
    this.saved = new Map([...this.tokens].map(([id, token]) => [id, detached(token)]));
  }

  commit(): void {
    this.saved = null;
  }

  rollback(): void {
    if (this.saved) this.tokens = this.saved;
    this.saved = null;
  }
}

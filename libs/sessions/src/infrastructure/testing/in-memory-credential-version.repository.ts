import { CredentialVersionRepository } from '../../domain/credential-version.repository.js';
import type { TransactionParticipant } from './in-memory-unit-of-work.js';

export class InMemoryCredentialVersionRepository extends CredentialVersionRepository implements TransactionParticipant {
  versions = new Map<string, number>();
  private saved: Map<string, number> | null = null;

  async advance(accountId: string): Promise<number> {
    const version = this.current(accountId) + 1;
    this.versions.set(accountId, version);
    return version;
  }

  /** The version a credential made now is bound to (1 for an account never expired), as the SQL statements read it. */
  current(accountId: string): number {
    return this.versions.get(accountId) ?? 1;
  }

  begin(): void {
    this.saved = new Map(this.versions);
  }

  commit(): void {
    this.saved = null;
  }

  rollback(): void {
    if (this.saved) this.versions = this.saved;
    this.saved = null;
  }
}

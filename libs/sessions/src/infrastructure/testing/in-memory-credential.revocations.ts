import { CredentialRevocations, type RevokedCredentials } from '../../application/ports/credential-revocations.port.js';
import type { Session } from '../../domain/session.aggregate.js';
import { RevocationUnavailableError } from '../../domain/sessions.errors.js';
import type { TransactionParticipant } from './in-memory-unit-of-work.js';

/**
 * What the guard would learn, keyed `session:<id>` and `api-token:<id>`: `pending` before the
 * commit, `denied` and `known` once the transaction has committed; nothing from a rolled-back one.
 * Publications before commit are also written to `journal`, to be ordered against the commit.
 */
export class InMemoryCredentialRevocations extends CredentialRevocations implements TransactionParticipant {
  readonly pending: string[] = [];
  readonly denied = new Set<string>();
  /** Sessions the guard may know without asking the database, with their credential version. */
  readonly known = new Map<string, number>();
  private transaction: { revoked: string[]; opened: Array<[string, number]> } | null = null;
  private failing = false;

  constructor(private readonly journal: string[] = []) {
    super();
  }

  /** The next publication before commit fails, as when Redis or one of its replicas cannot be reached. */
  failNextPublication(): void {
    this.failing = true;
  }

  async revokedBeforeCommit(items: RevokedCredentials): Promise<void> {
    this.revoked(items);
    if (this.failing) {
      this.failing = false;
      throw new RevocationUnavailableError();
    }
    for (const key of keysOf(items)) {
      this.pending.push(key);
      this.journal.push(`pending ${key}`);
    }
  }

  revoked(items: RevokedCredentials): void {
    this.current().revoked.push(...keysOf(items));
  }

  sessionOpened(session: Pick<Session, 'id'>, credentialVersion: number): void {
    this.current().opened.push([`session:${session.id}`, credentialVersion]);
  }

  begin(): void {
    this.transaction = { revoked: [], opened: [] };
  }

  commit(): void {
    const { revoked, opened } = this.transaction ?? { revoked: [], opened: [] };
    for (const key of revoked) this.denied.add(key);
    for (const [key, version] of opened) if (!this.denied.has(key)) this.known.set(key, version);
    this.transaction = null;
  }

  rollback(): void {
    this.transaction = null;
  }

  private current(): NonNullable<typeof this.transaction> {
    if (!this.transaction) throw new Error('revocations are registered inside a transaction');
    return this.transaction;
  }
}

function keysOf(items: RevokedCredentials): string[] {
  return [...(items.sessionIds ?? []).map((id) => `session:${id}`), ...(items.apiTokens ?? []).map((t) => `api-token:${t.id}`)];
}

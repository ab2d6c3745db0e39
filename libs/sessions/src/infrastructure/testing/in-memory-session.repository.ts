import { RefreshToken } from '../../domain/refresh-token.entity.js';
import type { Session } from '../../domain/session.aggregate.js';
import type { EndedSession } from '../../domain/session.events.js';
import { SessionRepository } from '../../domain/session.repository.js';
import type { InMemoryCredentialVersionRepository } from './in-memory-credential-version.repository.js';
import { detached, type TransactionParticipant } from './in-memory-unit-of-work.js';

/** Hands out copies: what a handler loads or adds is stored only when it calls `save`. */
export class InMemorySessionRepository extends SessionRepository implements TransactionParticipant {
  sessions = new Map<string, Session>();
  /** By token hash. */
  refreshTokens = new Map<string, RefreshToken>();
  private unsaved: Array<Session | RefreshToken> = [];
  private saved: { sessions: Map<string, Session>; refreshTokens: Map<string, RefreshToken> } | null = null;

  constructor(private readonly versions: InMemoryCredentialVersionRepository) {
    super();
  }

  async insertOpened(session: Session, token: RefreshToken): Promise<number> {
    session.credentialVersion = this.versions.current(session.accountId);
    this.store(session);
    this.store(token);
    return session.credentialVersion;
  }

  async lockByRefreshToken(tokenHash: string): Promise<{ session: Session; token: RefreshToken } | null> {
    const token = this.refreshTokens.get(tokenHash);
    const session = token && this.sessions.get(token.sessionId);
    if (!token || !session) return null;
    const loaded = { session: detached(session), token: detached(token) };
    this.unsaved.push(loaded.session, loaded.token);
    return loaded;
  }

  add(...entities: Array<Session | RefreshToken>): void {
    this.unsaved.push(...entities);
  }

  async save(): Promise<void> {
    for (const entity of this.unsaved.splice(0)) this.store(entity);
  }

  async endActive(filter: { sessionId?: string; accountId?: string }, reason: string, now: Date): Promise<EndedSession[]> {
    const matching = [...this.sessions.values()].filter(
      (s) =>
        s.endedAt === null && (!filter.sessionId || s.id === filter.sessionId) && (!filter.accountId || s.accountId === filter.accountId),
    );
    for (const session of matching) session.end(reason, now);
    return matching.map((s) => ({ id: s.id, accountId: s.accountId, organizationId: s.organizationId }));
  }

  async listActive(accountId: string, now: Date): Promise<Session[]> {
    return [...this.sessions.values()]
      .filter((s) => s.accountId === accountId && s.isActive(now))
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())
      .map(detached);
  }

  begin(): void {
    this.saved = { sessions: this.copies(this.sessions), refreshTokens: this.copies(this.refreshTokens) };
  }

  commit(): void {
    this.saved = null;
  }

  rollback(): void {
    if (this.saved) ({ sessions: this.sessions, refreshTokens: this.refreshTokens } = this.saved);
    this.saved = null;
    this.unsaved = [];
  }

  private store(entity: Session | RefreshToken): void {
    if (entity instanceof RefreshToken) this.refreshTokens.set(entity.tokenHash, detached(entity));
    else this.sessions.set(entity.id, detached(entity));
  }

  private copies<T extends object>(items: Map<string, T>): Map<string, T> {
    return new Map([...items].map(([key, item]) => [key, detached(item)]));
  }
}

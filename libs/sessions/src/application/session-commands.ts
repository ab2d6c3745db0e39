import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { AppConfig, Clock, Outbox, REVOCATION_QUEUE } from '#libs/shared-kernel';
import { Session } from '../domain/session.aggregate.js';
import { sessionCacheFields } from '../infrastructure/cache/cache-fields.js';
import { CacheWriteThrough } from '../infrastructure/cache/cache-write-through.js';
import { MikroOrmApiTokenRepository } from '../infrastructure/persistence/mikro-orm-api-token.repository.js';
import { MikroOrmCredentialVersionRepository } from '../infrastructure/persistence/mikro-orm-credential-version.repository.js';
import { MikroOrmSessionRepository } from '../infrastructure/persistence/mikro-orm-session.repository.js';
import { OpaqueTokens } from '../infrastructure/tokens/opaque-tokens.js';
import type { IssuedTokens } from './principal.js';
import { TokenIssuer } from './token-issuer.js';

export const CREDENTIALS_EXPIRED_JOB = 'credentials-expired';

export interface OpenSessionInput {
  accountId: string;
  organizationId: string;
  clientIp: string;
  userAgent: string | null;
}

/**
 * What identity calls (docs/architecture.md, "Contract: identity → sessions"). Every method joins
 * the caller's transaction when one is active (so its writes commit or roll back with the
 * caller's), or opens its own. Redis is written through after that transaction commits, before
 * the caller's `transactional` resolves.
 */
@Injectable()
export class SessionCommands {
  constructor(
    private readonly em: EntityManager,
    private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly sessions: MikroOrmSessionRepository,
    private readonly apiTokens: MikroOrmApiTokenRepository,
    private readonly credentialVersions: MikroOrmCredentialVersionRepository,
    private readonly tokens: TokenIssuer,
    private readonly opaqueTokens: OpaqueTokens,
    private readonly writeThrough: CacheWriteThrough,
    private readonly outbox: Outbox,
  ) {}

  openSession(input: OpenSessionInput): Promise<IssuedTokens> {
    return this.inTransaction(async () => {
      const now = this.clock.now();
      const session = Session.open({ ...input, id: randomUUID(), now, lifetimeSeconds: this.config.REFRESH_TOKEN_TTL_SECONDS });
      const refreshToken = this.opaqueTokens.generate();
      const credentialVersion = await this.sessions.insertOpened(session, session.issueRefreshToken(randomUUID(), this.opaqueTokens.hash(refreshToken), now));
      this.writeThrough.sessionOpened(session.id, sessionCacheFields(session, credentialVersion));
      return this.tokens.issue(session, credentialVersion, refreshToken, now);
    });
  }

  endSession(sessionId: string, reason: string): Promise<void> {
    return this.inTransaction(async () => {
      const ended = await this.sessions.endActive({ sessionId }, reason, this.clock.now());
      this.writeThrough.revoked({ sessionIds: ended });
    });
  }

  endAllSessions(accountId: string, reason: string): Promise<void> {
    return this.inTransaction(async () => {
      const ended = await this.sessions.endActive({ accountId }, reason, this.clock.now());
      this.writeThrough.revoked({ sessionIds: ended });
    });
  }

  /**
   * Every session, refresh, access and API token of the account stops working at commit, on every
   * instance; if that cannot be promised (Redis unreachable from here), nothing commits and this
   * throws RevocationUnavailableError (503).
   */
  expireAllCredentials(accountId: string, reason: string): Promise<void> {
    return this.inTransaction(async () => {
      const now = this.clock.now();
      // The lock every new credential of the account waits for (docs/sessions.md): from here on none
      // is made in the old era, and the two updates below see every one made before.
      await this.credentialVersions.advance(accountId);
      const sessionIds = await this.sessions.endActive({ accountId }, reason, now);
      const apiTokens = await this.apiTokens.revoke({ accountId }, now);
      await this.writeThrough.revokedBeforeCommit({ sessionIds, apiTokens });
      this.outbox.add({ queue: REVOCATION_QUEUE, name: CREDENTIALS_EXPIRED_JOB, payload: { accountId, reason, expiredAt: now.toISOString() } });
    });
  }

  private inTransaction<T>(work: () => Promise<T>): Promise<T> {
    return this.em.isInTransaction() ? work() : this.em.transactional(() => work());
  }
}

import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Clock } from '#libs/building-blocks';
import { AppConfig } from '#libs/platform';
import { UnitOfWork } from '#libs/building-blocks';
import { ApiTokenRepository } from '../../domain/api-token.repository.js';
import { CredentialVersionRepository } from '../../domain/credential-version.repository.js';
import { Session } from '../../domain/session.aggregate.js';
import { SessionRepository } from '../../domain/session.repository.js';
import type { IssuedTokens, OpenSessionInput } from '../../sessions.contract.js';
import { CredentialRevocations } from '../ports/credential-revocations.port.js';
import { RevocationJobs } from '../ports/revocation-jobs.port.js';
import { TokenSecrets } from '../ports/token-secrets.port.js';
import { SessionTransitions } from './session-transitions.js';
import { TokenIssuer } from './token-issuer.js';

/**
 * What identity calls (docs/architecture.md, "Contract: identity → sessions"). Every method joins
 * the caller's transaction when one is active (so its writes commit or roll back with the
 * caller's), or opens its own. Revocations are published after that transaction commits, before
 * the caller's transaction resolves.
 */
@Injectable()
export class SessionCommands {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly sessions: SessionRepository,
    private readonly apiTokens: ApiTokenRepository,
    private readonly credentialVersions: CredentialVersionRepository,
    private readonly tokens: TokenIssuer,
    private readonly secrets: TokenSecrets,
    private readonly revocations: CredentialRevocations,
    private readonly jobs: RevocationJobs,
    private readonly transitions: SessionTransitions,
  ) {}

  openSession(input: OpenSessionInput): Promise<IssuedTokens> {
    return this.unitOfWork.join(async () => {
      const now = this.clock.now();
      const session = Session.open({ ...input, id: randomUUID(), now, lifetimeSeconds: this.config.REFRESH_TOKEN_TTL_SECONDS });
      const refreshToken = this.secrets.generate();
      const credentialVersion = await this.sessions.insertOpened(
        session,
        session.issueRefreshToken(randomUUID(), this.secrets.hash(refreshToken), now),
      );
      this.revocations.sessionOpened(session, credentialVersion);
      return this.tokens.issue(session, credentialVersion, refreshToken, now);
    });
  }

  endSession(sessionId: string, reason: string): Promise<void> {
    return this.unitOfWork.join(async () => {
      await this.transitions.endActive({ sessionId }, reason, this.clock.now());
    });
  }

  endAllSessions(accountId: string, reason: string): Promise<void> {
    return this.unitOfWork.join(async () => {
      await this.transitions.endActive({ accountId }, reason, this.clock.now());
    });
  }

  /**
   * Every session, refresh, access and API token of the account stops working at commit, on every
   * instance; if that cannot be promised (Redis unreachable from here), nothing commits and this
   * throws RevocationUnavailableError (503).
   */
  expireAllCredentials(accountId: string, reason: string): Promise<void> {
    return this.unitOfWork.join(async () => {
      const now = this.clock.now();
      // The lock every new credential of the account waits for (docs/sessions.md): from here on none
      // is made in the old era, and the two updates below see every one made before.
      await this.credentialVersions.advance(accountId);
      const ended = await this.sessions.endActive({ accountId }, reason, now);
      const apiTokens = await this.apiTokens.revoke({ accountId }, now);
      await this.revocations.revokedBeforeCommit({ sessionIds: ended.map((session) => session.id), apiTokens });
      this.jobs.credentialsExpired({ accountId, reason, expiredAt: now.toISOString() });
      await this.transitions.published(ended, reason, now);
    });
  }
}

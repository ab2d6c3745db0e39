import { InMemoryDomainEvents } from '#libs/building-blocks';
import { loadConfig } from '#libs/platform';
import type { IssuedTokens } from '../../sessions.contract.js';
import { SessionCommands } from '../../application/services/session-commands.js';
import { SessionTransitions } from '../../application/services/session-transitions.js';
import { TokenIssuer } from '../../application/services/token-issuer.js';
import { InMemoryApiTokenRepository } from './in-memory-api-token.repository.js';
import { InMemoryCredentialVersionRepository } from './in-memory-credential-version.repository.js';
import { InMemoryCredentialRevocations } from './in-memory-credential.revocations.js';
import { InMemoryRevocationJobs, ReadableAccessTokenSigner, SequentialTokenSecrets, SteppingClock } from './in-memory-ports.js';
import { InMemorySessionRepository } from './in-memory-session.repository.js';
import { InMemoryUnitOfWork } from './in-memory-unit-of-work.js';

/** Every collaborator of the sessions handlers, in memory, wired as the module wires them. */
export class SessionsTestKit {
  /** Publications before commit and the commits and rollbacks, in the order they happened. */
  readonly journal: string[] = [];
  readonly config = loadConfig({ REFRESH_TOKEN_TTL_SECONDS: '3600' });
  readonly clock = new SteppingClock();
  readonly versions = new InMemoryCredentialVersionRepository();
  readonly sessions = new InMemorySessionRepository(this.versions);
  readonly apiTokens = new InMemoryApiTokenRepository(this.versions);
  readonly revocations = new InMemoryCredentialRevocations(this.journal);
  readonly jobs = new InMemoryRevocationJobs();
  readonly secrets = new SequentialTokenSecrets();
  readonly tokens = new TokenIssuer(new ReadableAccessTokenSigner());
  readonly unitOfWork = new InMemoryUnitOfWork([this.versions, this.sessions, this.apiTokens, this.revocations, this.jobs], this.journal);
  /** What the handlers published (identity's audit trail subscribes in the application). */
  readonly events = new InMemoryDomainEvents();
  readonly transitions = new SessionTransitions(this.sessions, this.revocations, this.events);
  readonly commands = new SessionCommands(
    this.unitOfWork,
    this.config,
    this.clock,
    this.sessions,
    this.apiTokens,
    this.versions,
    this.tokens,
    this.secrets,
    this.revocations,
    this.jobs,
    this.transitions,
  );

  signIn(accountId = 'account-1', userAgent: string | null = 'test'): Promise<IssuedTokens> {
    return this.commands.openSession({ accountId, organizationId: 'org-1', clientIp: '203.0.113.7', userAgent });
  }
}

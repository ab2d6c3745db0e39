import { randomUUID } from 'node:crypto';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EntityManager } from '@mikro-orm/postgresql';
import { Clock } from '#libs/shared-kernel';
import { UnauthenticatedError } from '../../../domain/sessions.errors.js';
import { sessionCacheFields } from '../../../infrastructure/cache/cache-fields.js';
import { CacheWriteThrough } from '../../../infrastructure/cache/cache-write-through.js';
import { MikroOrmSessionRepository } from '../../../infrastructure/persistence/mikro-orm-session.repository.js';
import { OpaqueTokens } from '../../../infrastructure/tokens/opaque-tokens.js';
import type { IssuedTokens } from '../../principal.js';
import { TokenIssuer } from '../../token-issuer.js';
import { RefreshSessionCommand } from './refresh-session.command.js';

/** Rotates under the session's row lock, so parallel uses of one token serialize: the first wins, the rest are reuse. */
@CommandHandler(RefreshSessionCommand)
export class RefreshSessionHandler implements ICommandHandler<RefreshSessionCommand> {
  constructor(
    private readonly em: EntityManager,
    private readonly clock: Clock,
    private readonly sessions: MikroOrmSessionRepository,
    private readonly opaqueTokens: OpaqueTokens,
    private readonly tokens: TokenIssuer,
    private readonly writeThrough: CacheWriteThrough,
  ) {}

  async execute({ refreshToken }: RefreshSessionCommand): Promise<IssuedTokens> {
    const issued = await this.em.transactional(async () => {
      const found = await this.sessions.lockByRefreshToken(this.opaqueTokens.hash(refreshToken));
      if (!found) return null;
      const { session, token } = found;
      const now = this.clock.now();
      const wasOpen = session.endedAt === null;
      const nextToken = this.opaqueTokens.generate();
      const rotation = session.rotate(token, { id: randomUUID(), tokenHash: this.opaqueTokens.hash(nextToken) }, now);
      if (rotation.outcome !== 'rotated') {
        if (wasOpen && session.endedAt !== null) this.writeThrough.revoked({ sessionIds: [session.id] });
        await this.sessions.save();
        return null;
      }
      this.sessions.add(rotation.next);
      await this.sessions.save();
      // The session's own era: an expiry since would have ended it, and it would not have rotated.
      this.writeThrough.sessionOpened(session.id, sessionCacheFields(session, session.credentialVersion));
      return this.tokens.issue(session, session.credentialVersion, nextToken, now);
    });
    if (!issued) throw new UnauthenticatedError('The refresh token is invalid, expired or already used.');
    return issued;
  }
}

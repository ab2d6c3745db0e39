import { randomUUID } from 'node:crypto';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Clock, UnitOfWork } from '#libs/building-blocks';
import { SessionRepository } from '../../../domain/session.repository.js';
import { UnauthenticatedError } from '../../../domain/sessions.errors.js';
import { TokenSecrets } from '../../ports/token-secrets.port.js';
import { SessionTransitions } from '../../services/session-transitions.js';
import { TokenIssuer } from '../../services/token-issuer.js';
import { RefreshSessionCommand } from './refresh-session.command.js';

/** Rotates under the session's row lock (parallel uses serialize: first wins, the rest are reuse), within the session's own era. */
@CommandHandler(RefreshSessionCommand)
export class RefreshSessionHandler implements ICommandHandler<RefreshSessionCommand> {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: Clock,
    private readonly sessions: SessionRepository,
    private readonly secrets: TokenSecrets,
    private readonly tokens: TokenIssuer,
    private readonly transitions: SessionTransitions,
  ) {}

  async execute({ refreshToken }: RefreshSessionCommand) {
    const issued = await this.unitOfWork.run(async () => {
      const { session, token } = (await this.sessions.lockByRefreshToken(this.secrets.hash(refreshToken))) ?? {};
      if (!session || !token) return null;
      const [now, nextToken, wasOpen] = [this.clock.now(), this.secrets.generate(), session.endedAt === null];
      const rotation = session.rotate(token, { id: randomUUID(), tokenHash: this.secrets.hash(nextToken) }, now);
      if (rotation.outcome === 'rotated') this.sessions.add(rotation.next);
      else if (wasOpen && session.endedAt !== null) await this.transitions.ended([session], session.endReason!, now);
      await this.sessions.save();
      if (rotation.outcome !== 'rotated') return null;
      this.transitions.opened(session, session.credentialVersion);
      return this.tokens.issue(session, session.credentialVersion, nextToken, now);
    });
    if (!issued) throw new UnauthenticatedError('The refresh token is invalid, expired or already used.');
    return issued;
  }
}

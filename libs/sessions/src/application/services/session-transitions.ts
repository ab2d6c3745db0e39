import { Injectable } from '@nestjs/common';
import { DomainEvents } from '#libs/building-blocks';
import type { Session } from '../../domain/session.aggregate.js';
import { type EndedSession, SessionsEnded } from '../../domain/session.events.js';
import { SessionRepository } from '../../domain/session.repository.js';
import { CredentialRevocations } from '../ports/credential-revocations.port.js';

/**
 * What follows when a session opens or rotates (its credentials become known at commit) and whenever
 * sessions end, in the transaction that ends them: their credentials are revoked at commit on every
 * instance, and SessionsEnded is published (Shared Signals subscribes).
 */
@Injectable()
export class SessionTransitions {
  constructor(
    private readonly sessions: SessionRepository,
    private readonly revocations: CredentialRevocations,
    private readonly events: DomainEvents,
  ) {}

  /** A session opened or rotated: known on every instance once the transaction commits. */
  opened(session: Session, credentialVersion: number): void {
    this.revocations.sessionOpened(session, credentialVersion);
  }

  /** Ends the open sessions matching every given filter, revokes them at commit and publishes; returns those it ended. */
  async endActive(filter: { sessionId?: string; accountId?: string }, reason: string, now: Date): Promise<EndedSession[]> {
    const ended = await this.sessions.endActive(filter, reason, now);
    await this.ended(ended, reason, now);
    return ended;
  }

  /** Revokes at commit, and publishes, sessions the caller ended through their aggregate. */
  async ended(ended: readonly EndedSession[], reason: string, now: Date): Promise<void> {
    this.revocations.revoked({ sessionIds: ended.map((session) => session.id) });
    await this.published(ended, reason, now);
  }

  /** Publishes SessionsEnded for sessions the caller ended (and revokes) itself. */
  async published(ended: readonly EndedSession[], reason: string, now: Date): Promise<void> {
    await this.events.publish(SessionsEnded.of(ended, reason, now));
  }
}

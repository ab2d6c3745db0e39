import { Command } from '@nestjs/cqrs';

/** Sign-out, or `DELETE /v1/me/sessions/{id}`: ends one open session of the account. */
export class EndSessionCommand extends Command<void> {
  constructor(
    readonly accountId: string,
    readonly sessionId: string,
    readonly reason: 'sign_out' | 'ended_by_user',
  ) {
    super();
  }
}

import { Command } from '@nestjs/cqrs';
import type { IssuedTokens } from '../../../sessions.contract.js';

export class RefreshSessionCommand extends Command<IssuedTokens> {
  constructor(readonly refreshToken: string) {
    super();
  }
}

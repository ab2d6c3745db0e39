import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { SigningKeys, type SigningKeyView } from '../../ports/signing-keys.port.js';
import { RotateSigningKey } from './rotate-signing-key.command.js';

/** A new signing key, published at once and signing after the activation delay; the old one stays published for the retention. */
@CommandHandler(RotateSigningKey)
export class RotateSigningKeyHandler implements ICommandHandler<RotateSigningKey> {
  constructor(private readonly keys: SigningKeys) {}

  execute(): Promise<SigningKeyView> {
    return this.keys.rotate();
  }
}

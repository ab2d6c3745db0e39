import { Command } from '@nestjs/cqrs';
import type { SigningKeyView } from '../../ports/signing-keys.port.js';

export class RotateSigningKey extends Command<SigningKeyView> {}

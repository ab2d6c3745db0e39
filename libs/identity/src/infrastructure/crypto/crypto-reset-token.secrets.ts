import { createHash, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { type ResetSecret, ResetTokenSecrets } from '../../application/ports/reset-token-secrets.port.js';

/** 256 random bits, base64url for the link; SHA-256 is enough to store them (nothing to brute-force). */
@Injectable()
export class CryptoResetTokenSecrets extends ResetTokenSecrets {
  generate(): ResetSecret {
    const secret = randomBytes(32).toString('base64url');
    return { secret, hash: this.hashOf(secret) };
  }

  hashOf(secret: string): string {
    return createHash('sha256').update(secret).digest('hex');
  }
}

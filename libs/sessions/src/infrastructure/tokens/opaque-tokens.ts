import { createHash, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { TokenSecrets } from '../../application/ports/token-secrets.port.js';

export function sha256Hex(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

/** 256-bit random secrets (refresh and API tokens), stored only as their SHA-256. */
@Injectable()
export class OpaqueTokens extends TokenSecrets {
  generate(prefix = ''): string {
    return prefix + randomBytes(32).toString('base64url');
  }

  hash(token: string): string {
    return sha256Hex(token);
  }
}

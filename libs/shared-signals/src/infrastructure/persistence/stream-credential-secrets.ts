import { createHash, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { StreamCredentialSecrets } from '../../application/ports/stream-credential-secrets.port.js';
import { STREAM_CREDENTIAL_PREFIX } from '../../domain/stream-credential.js';

/** `lkssf_` + 256 random bits (base64url); stored as its SHA-256. */
@Injectable()
export class CryptoStreamCredentialSecrets extends StreamCredentialSecrets {
  generate(): string {
    return `${STREAM_CREDENTIAL_PREFIX}${randomBytes(32).toString('base64url')}`;
  }

  hash(secret: string): string {
    return createHash('sha256').update(secret).digest('hex');
  }
}

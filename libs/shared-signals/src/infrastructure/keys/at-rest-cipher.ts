import { hkdfSync } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { CompactEncrypt, compactDecrypt } from 'jose';
import { AppConfig } from '#libs/platform';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/**
 * Encrypts the transmitter's secrets at rest (SET signing private keys, push authorization headers)
 * as compact JWE (`dir`, A256GCM) with a 256-bit key derived by HKDF-SHA256 from SSF_KEY_SECRET, or
 * from JWT_SECRET when that is not set. A row copied out of the database (or a backup) is useless without it.
 */
@Injectable()
export class AtRestCipher {
  private readonly key: Uint8Array;

  constructor(config: AppConfig) {
    const secret = config.SSF_KEY_SECRET ?? config.JWT_SECRET;
    this.key = new Uint8Array(hkdfSync('sha256', secret, '', 'latchkey shared-signals secrets at rest', 32));
  }

  encrypt(plaintext: string, purpose: string): Promise<string> {
    return new CompactEncrypt(encoder.encode(plaintext)).setProtectedHeader({ alg: 'dir', enc: 'A256GCM', cty: purpose }).encrypt(this.key);
  }

  async decrypt(ciphertext: string): Promise<string> {
    const { plaintext } = await compactDecrypt(ciphertext, this.key);
    return decoder.decode(plaintext);
  }
}

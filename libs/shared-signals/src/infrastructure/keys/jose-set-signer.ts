import { Injectable } from '@nestjs/common';
import { CompactSign } from 'jose';
import { SetSigner } from '../../application/ports/set-signer.port.js';
import { PostgresSigningKeys } from './postgres-signing-keys.js';

const encoder = new TextEncoder();

/** Signs SETs (RFC 8417) with the current key: protected header `alg`, `kid` and `typ: secevent+jwt`. */
@Injectable()
export class JoseSetSigner extends SetSigner {
  constructor(private readonly keys: PostgresSigningKeys) {
    super();
  }

  async sign(claims: Record<string, unknown>): Promise<string> {
    const { kid, alg, privateKey } = await this.keys.signingKey();
    return new CompactSign(encoder.encode(JSON.stringify(claims))).setProtectedHeader({ alg, kid, typ: 'secevent+jwt' }).sign(privateKey);
  }
}

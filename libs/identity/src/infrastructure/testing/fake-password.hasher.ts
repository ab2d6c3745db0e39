import { PasswordHasher } from '../../application/ports/password-hasher.port.js';

/** Reversible on purpose, for unit tests only: `v1:<password>`; `v0:` hashes "need a rehash". */
export class FakePasswordHasher extends PasswordHasher {
  dummyVerifies = 0;
  verifies = 0;

  async hash(password: string): Promise<string> {
    return `v1:${password}`;
  }

  async verify(hash: string, password: string): Promise<boolean> {
    this.verifies += 1;
    return hash.slice(3) === password;
  }

  needsRehash(hash: string): boolean {
    return !hash.startsWith('v1:');
  }

  async verifyDummy(): Promise<void> {
    this.dummyVerifies += 1;
  }
}

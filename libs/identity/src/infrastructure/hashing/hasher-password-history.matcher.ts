import { Injectable } from '@nestjs/common';
import { PasswordHistoryMatcher } from '#libs/password-policy';
import { PasswordHasher } from '../../application/ports/password-hasher.port.js';

/** REUSED: one verify per stored hash, run side by side (at most 25 with the largest history depth). */
@Injectable()
export class HasherPasswordHistoryMatcher extends PasswordHistoryMatcher {
  constructor(private readonly hasher: PasswordHasher) {
    super();
  }

  async matchesAny(password: string, hashes: readonly string[]): Promise<boolean> {
    const results = await Promise.all(hashes.map((hash) => this.hasher.verify(hash, password)));
    return results.includes(true);
  }
}

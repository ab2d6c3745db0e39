import type { UnknownIdentity } from './unknown-identity.aggregate.js';

export abstract class UnknownIdentityRepository {
  /**
   * The identity's failure record (a fresh one the first time), locked until the transaction ends,
   * like `AccountRepository.lock`: the same kind of statement, so both kinds of failure cost alike.
   */
  abstract lock(organizationName: string, emailNormalized: string): Promise<UnknownIdentity>;
  abstract save(identity: UnknownIdentity): Promise<void>;
}

import { loadConfig } from '#libs/platform';
import { Argon2PasswordHasher } from './argon2-password.hasher.js';

/** Written by node-argon2 (the library before @node-rs/argon2), m=19456, t=2, p=1: installations hold such hashes. */
const NODE_ARGON2_HASH = '$argon2id$v=19$m=19456,p=1,t=2$sjlAdnSoiO7TqHwYI7YeEA$0YyBQ+ZLDdUdZGKfb/devHjGwYoF+VhQlyarsVpoP2A';
const NODE_ARGON2_PASSWORD = 'Correct-Horse-9!';

const hasher = (memory: number, time: number, parallelism = 1) =>
  new Argon2PasswordHasher(
    loadConfig({ ARGON2_MEMORY_KIB: String(memory), ARGON2_TIME_COST: String(time), ARGON2_PARALLELISM: String(parallelism) }),
  );

describe('Argon2PasswordHasher', () => {
  it('hashes with argon2id and the configured parameters, and verifies only the right password', async () => {
    const small = hasher(8192, 1);
    const hashed = await small.hash('Tq7#mZ!p4Lw@x');
    expect(hashed).toMatch(/^\$argon2id\$v=19\$m=8192,t=1,p=1\$/);
    expect(await small.verify(hashed, 'Tq7#mZ!p4Lw@x')).toBe(true);
    expect(await small.verify(hashed, 'Tq7#mZ!p4Lw@X')).toBe(false);
  });

  it('verifies the hashes stored by node-argon2, and does not ask to rehash them at the same parameters', async () => {
    const owasp = hasher(19456, 2);
    expect(await owasp.verify(NODE_ARGON2_HASH, NODE_ARGON2_PASSWORD)).toBe(true);
    expect(await owasp.verify(NODE_ARGON2_HASH, 'correct-Horse-9!')).toBe(false);
    expect(owasp.needsRehash(NODE_ARGON2_HASH)).toBe(false);
  });

  it('asks to rehash when any parameter or the variant differs, or the hash cannot be read', () => {
    expect(hasher(65536, 2).needsRehash(NODE_ARGON2_HASH)).toBe(true);
    expect(hasher(19456, 3).needsRehash(NODE_ARGON2_HASH)).toBe(true);
    expect(hasher(19456, 2, 2).needsRehash(NODE_ARGON2_HASH)).toBe(true);
    expect(hasher(19456, 2).needsRehash(NODE_ARGON2_HASH.replace('$argon2id$', '$argon2i$'))).toBe(true);
    expect(hasher(19456, 2).needsRehash('$2b$10$notargon')).toBe(true);
  });

  it('answers false, never throws, for a stored value that is not a hash', async () => {
    expect(await hasher(8192, 1).verify('not a hash', 'anything')).toBe(false);
  });
});

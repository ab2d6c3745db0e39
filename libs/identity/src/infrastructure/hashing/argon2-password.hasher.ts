import { randomBytes } from 'node:crypto';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { type Algorithm, hash, parseOptions, verify } from '@node-rs/argon2';
import { AppConfig } from '#libs/platform';
import { PasswordHasher } from '../../application/ports/password-hasher.port.js';

/** `Algorithm.Argon2id` of @node-rs/argon2, whose enum is declared `const` (unusable under isolatedModules). */
const ARGON2ID = 2 as Algorithm;

/**
 * argon2id with the ARGON2_* parameters of docs/settings.md, on libuv's thread pool (never the event loop).
 * @node-rs/argon2 rather than node-argon2: the same PHC strings either way, at 2.3–2.7× less CPU per
 * verify on this machine kind (docs/benchmarks.md), so more sign-ins per core at the same cost to an attacker.
 */
@Injectable()
export class Argon2PasswordHasher extends PasswordHasher implements OnModuleInit {
  private readonly options: { algorithm: Algorithm; memoryCost: number; timeCost: number; parallelism: number };
  private dummyHash?: Promise<string>;

  constructor(config: AppConfig) {
    super();
    this.options = {
      algorithm: ARGON2ID,
      memoryCost: config.ARGON2_MEMORY_KIB,
      timeCost: config.ARGON2_TIME_COST,
      parallelism: config.ARGON2_PARALLELISM,
    };
  }

  /** Computed once at start-up with the live parameters, so a dummy verify costs what a real one does. */
  async onModuleInit(): Promise<void> {
    await this.dummy();
  }

  hash(password: string): Promise<string> {
    return hash(password, this.options);
  }

  async verify(hashed: string, password: string): Promise<boolean> {
    try {
      return await verify(hashed, password);
    } catch {
      return false;
    }
  }

  /** True unless the hash is argon2id with exactly the configured memory, time and parallelism. */
  needsRehash(hashed: string): boolean {
    try {
      const current = parseOptions(hashed);
      return (
        current.algorithm !== ARGON2ID ||
        current.memoryCost !== this.options.memoryCost ||
        current.timeCost !== this.options.timeCost ||
        current.parallelism !== this.options.parallelism
      );
    } catch {
      return true;
    }
  }

  async verifyDummy(password: string): Promise<void> {
    await this.verify(await this.dummy(), password);
  }

  private dummy(): Promise<string> {
    return (this.dummyHash ??= this.hash(randomBytes(24).toString('base64url')));
  }
}

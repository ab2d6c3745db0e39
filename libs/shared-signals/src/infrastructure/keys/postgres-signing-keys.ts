import { Injectable, Logger } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import { calculateJwkThumbprint, exportJWK, exportPKCS8, generateKeyPair, importPKCS8, type JWK } from 'jose';
import { Clock } from '#libs/building-blocks';
import { AppConfig } from '#libs/platform';
import { SigningKeys, type SigningKeyView } from '../../application/ports/signing-keys.port.js';
import { dropsAt, keyState, publishedKeys, rotationDue, type SigningKeyDates, signingKey } from '../../domain/signing-key-policy.js';
import { AtRestCipher } from './at-rest-cipher.js';

/** RS256 with 2048-bit keys: what the CAEP Interoperability Profile requires every transmitter to offer. */
export const SIGNING_ALG = 'RS256';
const MODULUS_LENGTH = 2048;
/** How long an instance uses the keys it read before reading them again; shorter than the default activation delay. */
const KEY_CACHE_MS = 30_000;
type PrivateKey = Awaited<ReturnType<typeof importPKCS8>>;
const LOCK = "select pg_advisory_xact_lock(hashtextextended('ssf_signing_keys', 0))";

interface KeyRow {
  kid: string;
  alg: string;
  public_jwk: JWK | string;
  private_key: string;
  created_at: string | Date;
  activates_at: string | Date;
}

export interface LoadedKey extends SigningKeyDates {
  readonly alg: string;
  readonly publicJwk: JWK;
  readonly encryptedPrivateKey: string;
}

/**
 * The SET signing keys, in `ssf_signing_keys`. Every instance reads the same rows and decides by their
 * dates (domain/signing-key-policy.ts), so instances agree on the signing key without talking to each
 * other; creating the first key and rotating take a PostgreSQL advisory lock, so two instances never
 * add two keys at once. Private keys are stored as JWE (AtRestCipher) and imported once per instance.
 */
@Injectable()
export class PostgresSigningKeys extends SigningKeys {
  private readonly logger = new Logger('SharedSignals');
  private cached: { keys: LoadedKey[]; readAt: number } | null = null;
  private readonly privateKeys = new Map<string, Promise<PrivateKey>>();

  constructor(
    private readonly orm: MikroORM,
    private readonly config: AppConfig,
    private readonly cipher: AtRestCipher,
    private readonly clock: Clock,
  ) {
    super();
  }

  async jwks(): Promise<{ keys: Array<Record<string, unknown>> }> {
    const keys = publishedKeys(await this.keys(), this.clock.now(), this.config.SSF_KEY_RETENTION_SECONDS);
    return { keys: keys.map((key) => ({ ...key.publicJwk, kid: key.kid, alg: key.alg, use: 'sig' })) };
  }

  async list(): Promise<SigningKeyView[]> {
    const keys = await this.keys();
    const now = this.clock.now();
    return publishedKeys(keys, now, this.config.SSF_KEY_RETENTION_SECONDS).map((key) => ({
      kid: key.kid,
      alg: key.alg,
      state: keyState(key, keys, now),
      createdAt: key.createdAt,
      activatesAt: key.activatesAt,
      dropsAt: dropsAt(key, keys, this.config.SSF_KEY_RETENTION_SECONDS),
    }));
  }

  async rotate(): Promise<SigningKeyView> {
    const kid = await this.addKey(() => true, this.config.SSF_KEY_ACTIVATION_DELAY_SECONDS);
    return (await this.list()).find((key) => key.kid === kid) as SigningKeyView;
  }

  /** The key that signs now, with its private half. */
  async signingKey(): Promise<{ kid: string; alg: string; privateKey: PrivateKey }> {
    const key = signingKey(await this.keys(), this.clock.now());
    if (key === null) throw new Error('No SET signing key is active.');
    let privateKey = this.privateKeys.get(key.kid);
    if (!privateKey) {
      privateKey = this.cipher.decrypt(key.encryptedPrivateKey).then((pem) => importPKCS8(pem, key.alg));
      this.privateKeys.set(key.kid, privateKey);
      privateKey.catch(() => this.privateKeys.delete(key.kid));
    }
    return { kid: key.kid, alg: key.alg, privateKey: await privateKey };
  }

  /** The keys, read at most every KEY_CACHE_MS; the first key is made on first need, a successor when the signing key is too old. */
  private async keys(): Promise<LoadedKey[]> {
    const now = this.clock.now();
    if (this.cached && now.getTime() - this.cached.readAt < KEY_CACHE_MS) return this.cached.keys;
    let keys = await this.read(this.orm.em.fork());
    const maxAge = this.config.SSF_KEY_MAX_AGE_DAYS * 86400;
    if (rotationDue(keys, now, maxAge)) {
      const first = keys.length === 0;
      await this.addKey(
        (current) => rotationDue(current, this.clock.now(), maxAge),
        first ? 0 : this.config.SSF_KEY_ACTIVATION_DELAY_SECONDS,
      );
      keys = await this.read(this.orm.em.fork());
    }
    this.cached = { keys, readAt: now.getTime() };
    return keys;
  }

  /** Adds a key under the lock when `wanted` still holds for the keys as they are then; the new kid (or the signing one). */
  private async addKey(wanted: (keys: LoadedKey[]) => boolean, delaySeconds: number): Promise<string> {
    const kid = await this.orm.em.fork().transactional(async (em) => {
      await em.execute(LOCK);
      const keys = await this.read(em);
      if (!wanted(keys)) return signingKey(keys, this.clock.now())?.kid ?? keys[0].kid;
      const { publicKey, privateKey } = await generateKeyPair(SIGNING_ALG, { modulusLength: MODULUS_LENGTH, extractable: true });
      const publicJwk = await exportJWK(publicKey);
      const newKid = await calculateJwkThumbprint(publicJwk);
      const encrypted = await this.cipher.encrypt(await exportPKCS8(privateKey), 'signing_key');
      const now = this.clock.now();
      await em.execute(
        'insert into ssf_signing_keys (kid, alg, public_jwk, private_key, created_at, activates_at) values (?, ?, ?::jsonb, ?, ?, ?)',
        [newKid, SIGNING_ALG, JSON.stringify(publicJwk), encrypted, now, new Date(now.getTime() + delaySeconds * 1000)],
      );
      this.logger.log(`New SET signing key ${newKid}, signing from ${delaySeconds} s from now.`);
      return newKid;
    });
    this.cached = null;
    return kid;
  }

  private async read(em: ReturnType<MikroORM['em']['fork']>): Promise<LoadedKey[]> {
    const rows = await em.execute<KeyRow[]>('select kid, alg, public_jwk, private_key, created_at, activates_at from ssf_signing_keys');
    return rows.map((row) => ({
      kid: row.kid,
      alg: row.alg,
      publicJwk: typeof row.public_jwk === 'string' ? (JSON.parse(row.public_jwk) as JWK) : row.public_jwk,
      encryptedPrivateKey: row.private_key,
      createdAt: new Date(row.created_at),
      activatesAt: new Date(row.activates_at),
    }));
  }
}

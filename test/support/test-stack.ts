import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplicationContext } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { type AppConfig, loadConfig } from '#libs/platform';
import { type ApiOptions, createApiApp } from '#apps/api';
import { createWorkerApp, type WorkerOptions } from '#apps/worker';
import { connectTestRedis, deleteKeys } from './redis-keys.js';
import { SmtpListener } from './smtp-listener.js';
import { createTestDatabase } from './test-database.js';

export interface StackOptions {
  /** Extra environment variables (names of docs/settings.md). A DATABASE_URL here is used as it is, migrated by the caller. */
  env?: Record<string, string>;
  /** Start the worker app too (default true). */
  worker?: boolean;
  /** What an embedding application adds to the API (modules of its own). */
  apiOptions?: ApiOptions;
  /** What an embedding application adds to the worker (modules, a mail transport). */
  workerOptions?: WorkerOptions;
}

/**
 * The real API and worker, in this process, on a database and a Redis prefix of their own,
 * sending mail to a real SMTP listener.
 */
export class TestStack {
  readonly apis: NestFastifyApplication[] = [];
  worker?: INestApplicationContext;

  private constructor(
    readonly config: AppConfig,
    readonly mail: SmtpListener,
    private readonly options: StackOptions,
  ) {}

  static async start(options: StackOptions = {}): Promise<TestStack> {
    const mail = await SmtpListener.start();
    const config = loadConfig({
      NODE_ENV: 'test',
      DATABASE_URL: options.env?.DATABASE_URL ?? (await createTestDatabase()),
      QUEUE_PREFIX: `lkt-${randomBytes(5).toString('hex')}`,
      LOG_LEVEL: 'silent',
      // Cheaper hashing keeps the suite fast; the benchmarks use the real parameters.
      ARGON2_MEMORY_KIB: '8192',
      ARGON2_TIME_COST: '1',
      SMTP_URL: mail.url,
      MAIL_DIR: mkdtempSync(join(tmpdir(), 'latchkey-mail-')),
      ...options.env,
    });
    const stack = new TestStack(config, mail, options);
    await stack.startApi();
    if (options.worker ?? true) await stack.startWorker();
    return stack;
  }

  /** The first API instance. */
  get api(): NestFastifyApplication {
    return this.apis[0];
  }

  /** A supertest client of API instance `index`. */
  http(index = 0): ReturnType<typeof request> {
    return request(this.apis[index].getHttpServer());
  }

  /**
   * Makes the first API instance listen on a real loopback port (a browser needs one) and returns
   * its base URL. Pass the port of PUBLIC_URL when e-mailed links must open this instance.
   */
  async listen(port = 0): Promise<string> {
    await this.api.listen(port, '127.0.0.1');
    const address = this.api.getHttpServer().address() as AddressInfo;
    return `http://127.0.0.1:${address.port}`;
  }

  /** Another API instance on the same database and Redis, as behind a load balancer. */
  async startApi(config: AppConfig = this.config): Promise<NestFastifyApplication> {
    const app = await createApiApp(config, this.options.apiOptions);
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
    this.apis.push(app);
    return app;
  }

  async startWorker(): Promise<INestApplicationContext> {
    this.worker = await createWorkerApp(this.config, this.options.workerOptions);
    return this.worker;
  }

  async stopWorker(): Promise<void> {
    await this.worker?.close();
    this.worker = undefined;
  }

  async close(): Promise<void> {
    await this.stopWorker();
    for (const app of this.apis.splice(0)) await app.close();
    await this.mail.close();
    // Leaves the shared Redis as it was found.
    await this.deleteRedisKeys();
  }

  /** Deletes this stack's Redis keys matching `pattern` (after the prefix): by default, all of them; on every master of a cluster. */
  async deleteRedisKeys(pattern = '*'): Promise<void> {
    const redis = await connectTestRedis(this.config);
    try {
      await deleteKeys(redis, `${this.config.redisPrefix}:${pattern}`);
    } finally {
      redis.disconnect();
    }
  }
}

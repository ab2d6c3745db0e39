import { existsSync } from 'node:fs';
import { Redis } from 'ioredis';
import { AppConfig, ConfigError, loadConfig } from '../config/app-config.js';
import {
  describeConnectionFailure,
  describeRedisClusterFailure,
  describeRedisFailure,
  ServiceUnreachableError,
} from '../persistence/connection-failure.js';
import { exitAfterShutdownDeadline } from './shutdown-deadline.js';

interface Closable {
  close(): Promise<unknown>;
}

/** Reads `.env` when present; real environment variables win over it. */
export function readEnvironment(): AppConfig {
  if (existsSync('.env')) process.loadEnvFile('.env');
  return loadConfig(process.env);
}

/** Whether Redis at `url` accepts a connection and answers PING; the failure's code when it does not. */
async function probeRedis(url: string): Promise<string | undefined> {
  const probe = new Redis(url, { lazyConnect: true, connectTimeout: 3_000, maxRetriesPerRequest: 0, retryStrategy: () => null });
  // connect() rejects with "Connection is closed."; the socket's own error (ECONNREFUSED…) comes as an event.
  let cause: { code?: string } | undefined;
  probe.on('error', (error: { code?: string }) => (cause ??= error));
  try {
    await probe.connect();
    await probe.ping();
    return undefined;
  } catch (error) {
    return cause?.code ?? (error as { code?: string }).code ?? (error as Error).message;
  } finally {
    probe.disconnect();
  }
}

/**
 * A single Redis must answer; a cluster needs any one seed node to answer (docs/scaling.md), as the
 * cluster client itself learns the other nodes from whichever seed it reaches.
 */
async function assertRedisReachable(config: AppConfig): Promise<void> {
  if (!config.REDIS_CLUSTER_NODES) {
    const code = await probeRedis(config.REDIS_URL);
    if (code !== undefined) throw describeRedisFailure(config.REDIS_URL, code);
    return;
  }
  const seeds = config.REDIS_CLUSTER_NODES.split(',');
  const failures: string[] = [];
  for (const seed of seeds) {
    const code = await probeRedis(`redis://${seed}`);
    if (code === undefined) return;
    failures.push(`${seed} (${code})`);
  }
  throw describeRedisClusterFailure(failures);
}

/** Start-up failures a person can act on are printed as one clear message, never a stack trace. */
export function explainStartupFailure(name: string, error: unknown, config?: AppConfig): never {
  const database = config ? describeConnectionFailure(error, config.DATABASE_URL) : undefined;
  if (error instanceof ConfigError || error instanceof ServiceUnreachableError || database) {
    console.error(`latchkey ${name}: ${(database ?? (error as Error)).message}`);
  } else {
    console.error(`latchkey ${name}: failed to start`, error);
  }
  process.exit(1);
}

/** Shared start-up of the API and the worker: config, reachability checks, start, clean shutdown within SHUTDOWN_TIMEOUT_SECONDS. */
export async function runEntryPoint(name: string, start: (config: AppConfig) => Promise<Closable>): Promise<void> {
  let config: AppConfig | undefined;
  // Started by `npm start`: stop cleanly when that parent goes away, never linger as an orphan.
  if (process.send) process.once('disconnect', () => process.kill(process.pid, 'SIGTERM'));
  try {
    config = readEnvironment();
    await assertRedisReachable(config);
    await start(config);
    exitAfterShutdownDeadline(name, config.SHUTDOWN_TIMEOUT_SECONDS);
    // `npm start` prints its banner once the API and the worker have both said so.
    process.send?.({ latchkey: 'ready', name });
  } catch (error) {
    explainStartupFailure(name, error, config);
  }
}

import { existsSync } from 'node:fs';
import { Redis } from 'ioredis';
import { AppConfig, ConfigError, loadConfig } from '../config/app-config.js';
import { describeConnectionFailure, describeRedisFailure, ServiceUnreachableError } from '../persistence/connection-failure.js';

interface Closable {
  close(): Promise<unknown>;
}

/** Reads `.env` when present; real environment variables win over it. */
export function readEnvironment(): AppConfig {
  if (existsSync('.env')) process.loadEnvFile('.env');
  return loadConfig(process.env);
}

async function assertRedisReachable(config: AppConfig): Promise<void> {
  const url = config.REDIS_CLUSTER_NODES ? `redis://${config.REDIS_CLUSTER_NODES.split(',')[0]}` : config.REDIS_URL;
  const probe = new Redis(url, { lazyConnect: true, connectTimeout: 3_000, maxRetriesPerRequest: 0, retryStrategy: () => null });
  probe.on('error', () => undefined);
  try {
    await probe.connect();
    await probe.ping();
  } catch (error) {
    throw describeRedisFailure(url, (error as { code?: string }).code ?? (error as Error).message);
  } finally {
    probe.disconnect();
  }
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

/** Shared start-up of the API and the worker: config, reachability checks, start, clean shutdown. */
export async function runEntryPoint(name: string, start: (config: AppConfig) => Promise<Closable>): Promise<void> {
  let config: AppConfig | undefined;
  // Started by `npm start`: stop cleanly when that parent goes away, never linger as an orphan.
  if (process.send) process.once('disconnect', () => process.kill(process.pid, 'SIGTERM'));
  try {
    config = readEnvironment();
    await assertRedisReachable(config);
    await start(config);
  } catch (error) {
    explainStartupFailure(name, error, config);
  }
}

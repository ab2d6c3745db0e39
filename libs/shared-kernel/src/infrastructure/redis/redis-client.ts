import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '../config/app-config.js';
import { createRedisConnection, redisKey, type RedisConnection } from './redis-connection.js';

/** The API's fail-fast Redis connection; callers treat a rejected command as "Redis is down". */
@Injectable()
export class RedisClient implements OnApplicationShutdown {
  readonly connection: RedisConnection;

  constructor(private readonly config: AppConfig) {
    this.connection = createRedisConnection(config, 'command');
  }

  key(...parts: string[]): string {
    return redisKey(this.config, ...parts);
  }

  get isReady(): boolean {
    return this.connection.status === 'ready';
  }

  onApplicationShutdown(): void {
    this.connection.disconnect();
  }
}

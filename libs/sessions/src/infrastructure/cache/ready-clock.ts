import { Injectable } from '@nestjs/common';
import { CONNECTION_LOST_EVENTS, RedisClient } from '#libs/shared-kernel';

/**
 * When (on the Redis server's clock, so several instances agree) this instance's connection last
 * became ready. Null while it is not ready, or until the server has told its time: then no entry is trusted.
 */
@Injectable()
export class ReadyClock {
  trustedSinceMs: number | null = null;
  private generation = 0;

  constructor(private readonly redis: RedisClient) {
    const connection = redis.connection;
    connection.on('ready', () => this.becameReady());
    for (const event of CONNECTION_LOST_EVENTS) connection.on(event, () => this.lost());
    if (redis.isReady) this.becameReady();
  }

  private lost(): void {
    this.generation++;
    this.trustedSinceMs = null;
  }

  private becameReady(): void {
    const generation = ++this.generation;
    this.trustedSinceMs = null;
    this.redis.connection.time().then(
      ([seconds, micros]) => {
        if (generation === this.generation) this.trustedSinceMs = Number(seconds) * 1000 + Math.floor(Number(micros) / 1000);
      },
      () => undefined,
    );
  }
}

import type { InvalidationChannel } from './invalidation-channel.js';

export interface ReadThroughCacheOptions {
  /** Upper bound on staleness if an invalidation could not be broadcast. */
  ttlMs: number;
  maxEntries: number;
}

interface Entry<V> {
  value: V;
  expiresAt: number;
}

/**
 * Values read from PostgreSQL, kept in this process and dropped on every instance the moment a
 * change commits (`invalidate`, through the `InvalidationChannel`). For data shown to the user,
 * never for security decisions: those read Redis or PostgreSQL on every request.
 *
 * A value is kept only if no invalidation arrived while it was being read, so a read that began
 * before a change committed cannot store the old value after the change's invalidation.
 */
export class ReadThroughCache<V> {
  private readonly entries = new Map<string, Entry<V>>();
  /** Bumped by every invalidation; a read stores its value only if it is unchanged. */
  private epoch = 0;

  constructor(
    private readonly channel: InvalidationChannel,
    private readonly namespace: string,
    private readonly options: ReadThroughCacheOptions,
    private readonly now: () => number = Date.now,
  ) {
    channel.listen(namespace, (key) => this.drop(key));
  }

  get size(): number {
    return this.entries.size;
  }

  async get(key: string, load: () => Promise<V | null>): Promise<V | null> {
    if (!this.channel.isListening) return load();
    const entry = this.entries.get(key);
    if (entry && entry.expiresAt > this.now()) return entry.value;
    const epoch = this.epoch;
    const value = await load();
    if (value !== null && epoch === this.epoch && this.channel.isListening) this.store(key, value);
    return value;
  }

  /** After the change has committed: here at once, on the other instances when the message arrives. */
  async invalidate(key: string): Promise<void> {
    this.drop(key);
    await this.channel.publish(this.namespace, key);
  }

  private store(key: string, value: V): void {
    this.entries.delete(key);
    if (this.entries.size >= this.options.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    this.entries.set(key, { value, expiresAt: this.now() + this.options.ttlMs });
  }

  private drop(key: string | null): void {
    this.epoch++;
    if (key === null) this.entries.clear();
    else this.entries.delete(key);
  }
}

import type { InvalidationChannel, InvalidationListener } from './invalidation-channel.js';
import { ReadThroughCache } from './read-through-cache.js';

/** The channel's contract without Redis: a switch for "subscribed", and what was published. */
class FakeChannel {
  isListening = true;
  readonly published: string[] = [];
  listener: InvalidationListener = () => undefined;

  listen(_namespace: string, listener: InvalidationListener): void {
    this.listener = listener;
  }

  async publish(namespace: string, key: string): Promise<void> {
    this.published.push(`${namespace}:${key}`);
  }
}

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

describe('ReadThroughCache', () => {
  let channel: FakeChannel;
  let now: number;
  let cache: ReadThroughCache<string>;
  let loads: number;
  const load = (value: string | null) => async () => {
    loads++;
    return value;
  };

  beforeEach(() => {
    channel = new FakeChannel();
    now = 1_000_000;
    loads = 0;
    cache = new ReadThroughCache<string>(channel as unknown as InvalidationChannel, 'view', { ttlMs: 60_000, maxEntries: 3 }, () => now);
  });

  it('reads once, then answers from memory until the TTL passes', async () => {
    expect(await cache.get('a', load('one'))).toBe('one');
    expect(await cache.get('a', load('two'))).toBe('one');
    now += 60_001;
    expect(await cache.get('a', load('three'))).toBe('three');
    expect(loads).toBe(2);
  });

  it('does not keep "not found"', async () => {
    expect(await cache.get('a', load(null))).toBeNull();
    expect(await cache.get('a', load('now here'))).toBe('now here');
  });

  it('drops a key invalidated here and tells the other instances', async () => {
    await cache.get('a', load('old'));
    await cache.invalidate('a');
    expect(channel.published).toEqual(['view:a']);
    expect(await cache.get('a', load('new'))).toBe('new');
  });

  it('drops a key another instance invalidated, and everything when told to', async () => {
    await cache.get('a', load('a1'));
    await cache.get('b', load('b1'));
    channel.listener('a');
    expect(await cache.get('a', load('a2'))).toBe('a2');
    expect(await cache.get('b', load('b2'))).toBe('b1');
    channel.listener(null);
    expect(await cache.get('b', load('b3'))).toBe('b3');
  });

  it('does not keep a value whose read began before an invalidation arrived', async () => {
    const row = deferred<string>();
    const slowRead = cache.get('a', () => row.promise);
    channel.listener('a'); // the change commits while the old row is on its way
    row.resolve('old');
    expect(await slowRead).toBe('old');
    expect(await cache.get('a', load('new'))).toBe('new');
  });

  it('is off while the channel is not listening: every read goes to the source', async () => {
    channel.isListening = false;
    await cache.get('a', load('one'));
    expect(await cache.get('a', load('two'))).toBe('two');
    expect(cache.size).toBe(0);
  });

  it('holds at most maxEntries, dropping the oldest', async () => {
    for (const key of ['a', 'b', 'c', 'd']) await cache.get(key, load(key));
    expect(cache.size).toBe(3);
    expect(await cache.get('a', load('a again'))).toBe('a again');
    expect(await cache.get('d', load('d again'))).toBe('d');
  });
});

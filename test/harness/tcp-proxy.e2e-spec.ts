import { connect } from 'node:net';
import { Redis } from 'ioredis';
import { eventually } from '../support/eventually.js';
import { PrivateRedis } from '../support/private-redis.js';
import { TcpProxy } from '../support/tcp-proxy.js';

/** A client that gives up at once, so each step shows what the network does now. */
function client(url: string): Redis {
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null, enableOfflineQueue: false });
  redis.on('error', () => undefined);
  return redis;
}

/** Whether a fresh TCP connection to `port` stays open for a moment (a refused or cut one closes at once). */
async function staysOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    const done = (open: boolean): void => {
      socket.destroy();
      resolve(open);
    };
    socket.on('error', () => done(false));
    socket.on('close', () => done(false));
    socket.on('connect', () => setTimeout(() => done(!socket.destroyed), 200));
  });
}

describe('TcpProxy', () => {
  let redis: PrivateRedis;
  let proxy: TcpProxy;

  beforeAll(async () => {
    redis = await PrivateRedis.start();
    proxy = await TcpProxy.start(redis.port);
  });

  it('carries a connection to the target, cuts every connection and refuses new ones, then lets them through again', async () => {
    expect(proxy.url).toBe(`redis://127.0.0.1:${proxy.port}`);
    const before = client(proxy.url);
    await before.connect();
    await before.set('through-the-proxy', 'yes');
    expect(await before.get('through-the-proxy')).toBe('yes');
    expect(proxy.connections).toBe(1);

    proxy.cut();
    await eventually(() => before.status === 'end', 'the open connection to be dropped', 5_000);
    await expect(before.ping()).rejects.toThrow();
    expect(await staysOpen(proxy.port)).toBe(false);
    const during = client(proxy.url);
    await expect(during.connect().then(() => during.ping())).rejects.toThrow();
    during.disconnect();
    // The server itself was never touched.
    const direct = client(redis.url);
    await direct.connect();
    expect(await direct.get('through-the-proxy')).toBe('yes');
    direct.disconnect();

    proxy.restore();
    const after = client(proxy.url);
    await after.connect();
    expect(await after.get('through-the-proxy')).toBe('yes');
    after.disconnect();
    before.disconnect();
  });

  it('stops listening when stopped', async () => {
    const other = await TcpProxy.start(redis.port);
    expect(await staysOpen(other.port)).toBe(true);
    await other.stop();
    expect(await staysOpen(other.port)).toBe(false);
  });
});

import { createHash } from 'node:crypto';
import { Cluster, Redis } from 'ioredis';
import { adminAuth, createAccount, createOrganization, signIn } from '../support/fixtures.js';
import { eventually } from '../support/eventually.js';
import { PrivateRedisCluster } from '../support/private-redis-cluster.js';
import { TestStack } from '../support/test-stack.js';

/**
 * "Expire sign-in session and tokens" across a Redis Cluster failover (3 masters, 3 replicas, two
 * API instances, no worker): the master that holds the installation's slot dies right after the
 * expiry and its replica takes over. Whatever the replica had received by then, no old credential
 * may be accepted afterwards — neither through a revocation marker the replica never got nor
 * through a "valid" entry it kept from before. The harder case pauses the replica first, so the
 * expiry's writes cannot reach it before the master dies.
 */
describe('revocations, then a failover of the Redis master holding the installation', () => {
  const A = 0;
  const B = 1;

  interface Scenario {
    /** The replica is paused (SIGSTOP) while the expiry runs. */
    replicaLags?: boolean;
    /** How the replica takes over: its master dies, or it takes the slot while the master and its clients live on. */
    failover: 'kill' | 'takeover';
    /**
     * Asynchronous replication loses the master's last writes when it fails: the new master is given
     * back the entries exactly as the replica held them before the expiry (the write a lagging
     * replica never got; a SIGSTOP alone cannot show it, the kernel keeps the bytes for it).
     */
    lostWrites?: boolean;
    /** What revokes the credentials: the expiry (its markers a condition of the 204), or sign-outs and a token revocation (markers after commit). */
    revocation?: 'expiry' | 'one by one';
  }

  async function scenario({ replicaLags = false, failover, lostWrites = false, revocation = 'expiry' }: Scenario): Promise<void> {
    const cluster = await PrivateRedisCluster.start();
    const stack = await TestStack.start({ worker: false, env: { REDIS_CLUSTER_NODES: cluster.nodes, RATE_LIMIT_ENABLED: 'false' } });
    try {
      await stack.startApi();
      const me = (instance: number, token: string) => stack.http(instance).get('/v1/me').set('authorization', `Bearer ${token}`);
      const prefix = stack.config.redisPrefix;
      const trustKey = `${prefix}:cache-trust`;
      const master = await cluster.masterForKey(trustKey);
      const replica = await cluster.replicaOf(master);

      const organization = await createOrganization(stack);
      const account = await createAccount(stack, organization);
      const sessions = [await signIn(stack, account, A), await signIn(stack, account, B)];
      const created = (
        await stack
          .http(B)
          .post('/v1/me/api-tokens')
          .set('authorization', `Bearer ${sessions[1].accessToken}`)
          .send({ name: 'ci' })
          .expect(201)
      ).body;
      const apiToken: string = created.token;
      const old = [...sessions.map((s) => s.accessToken), apiToken];
      const keys = [
        ...sessions.map((s) => `${prefix}:session:${s.sessionId}`),
        `${prefix}:api-token:${createHash('sha256').update(apiToken).digest('hex')}`,
      ];
      for (const token of old) for (const instance of [A, B]) await me(instance, token).expect(200);
      // Both instances' caches vouch for the credentials, and the replica holds those entries too.
      const onReplica = new Redis({ host: '127.0.0.1', port: replica, lazyConnect: true, maxRetriesPerRequest: 0 });
      onReplica.on('error', () => undefined);
      await onReplica.connect();
      await onReplica.call('READONLY');
      const held = await eventually(async () => {
        const values = await Promise.all(keys.map((key) => onReplica.get(key)));
        return values.every((value) => value?.includes('|')) && values;
      }, 'the cached entries to reach the replica');
      onReplica.disconnect();

      if (replicaLags) cluster.pause(replica);
      const expiry = () =>
        stack
          .http(A)
          .post(`/v1/organizations/${organization}/accounts/${account.id}/expire-sessions`)
          .set('authorization', adminAuth(stack));
      const oneByOne = async () => {
        await stack.http(A).delete(`/v1/me/api-tokens/${created.id}`).set('authorization', `Bearer ${sessions[0].accessToken}`).expect(204);
        for (const session of sessions)
          await stack.http(A).post('/v1/auth/sign-out').set('authorization', `Bearer ${session.accessToken}`).expect(204);
        return { status: 204, body: {} as { code?: string } };
      };
      const first = revocation === 'expiry' ? await expiry() : await oneByOne();
      if (failover === 'kill') await cluster.killMaster(master);
      if (replicaLags) cluster.resume(replica);
      if (failover === 'takeover') await cluster.takeOver(replica);
      const newMaster = await cluster.waitForFailover(master, trustKey);
      if (lostWrites) {
        const promoted = new Redis({ host: '127.0.0.1', port: newMaster, maxRetriesPerRequest: 0 });
        try {
          for (const [index, key] of keys.entries()) await promoted.set(key, held[index] as string);
        } finally {
          promoted.disconnect();
        }
      }

      if (first.status === 503) {
        // Refused whole while the replica could not acknowledge: nothing applied, and the retry completes it.
        expect(first.body.code).toBe('SERVICE_UNAVAILABLE');
        for (const token of old) await me(B, token).expect(200);
        await eventually(async () => (await expiry()).status === 204, 'the retried expiry to be answered 204', 30_000);
      } else {
        expect(first.status).toBe(204);
      }

      // After the failover, on both instances, over and over while the cluster settles: never a 200.
      const accepted: string[] = [];
      for (let pass = 0; pass < 5; pass++) {
        for (const token of old) {
          for (const instance of [A, B]) {
            const { status } = await me(instance, token);
            if (status !== 401) accepted.push(`pass ${pass}, instance ${instance}: ${status}`);
          }
        }
      }
      expect(accepted).toEqual([]);
      for (const session of sessions) await stack.http(B).post('/v1/auth/refresh').send({ refreshToken: session.refreshToken }).expect(401);
      // And the service still works on the new master: a new sign-in is checked from the cache again.
      const fresh = await signIn(stack, account, B);
      await me(A, fresh.accessToken).expect(200);
      const cached = new Cluster(cluster.nodes.split(',').map((node) => ({ host: '127.0.0.1', port: Number(node.split(':')[1]) })));
      try {
        await eventually(
          async () => (await cached.get(`${prefix}:session:${fresh.sessionId}`))?.includes('|'),
          'the new session to be cached on the new master',
        );
      } finally {
        cached.disconnect();
      }
    } finally {
      await stack.close();
      await cluster.stop();
    }
  }

  it('right after the 204: the replica that takes over refuses every old credential', () => scenario({ failover: 'kill' }), 120_000);

  it(
    'the master dies with its last writes (the replica lagged): no old credential comes back',
    () => scenario({ replicaLags: true, failover: 'kill', lostWrites: true }),
    120_000,
  );

  it(
    'the replica takes over while the old master and its clients live on (a partition), without its last writes: no old credential comes back',
    () => scenario({ replicaLags: true, failover: 'takeover', lostWrites: true }),
    120_000,
  );

  it(
    'sign-outs and a revoked API token, then the same takeover without their markers: none of them comes back',
    () => scenario({ replicaLags: true, failover: 'takeover', lostWrites: true, revocation: 'one by one' }),
    120_000,
  );
});

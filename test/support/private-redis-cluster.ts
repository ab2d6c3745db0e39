import type { ChildProcess } from 'node:child_process';
import { Redis } from 'ioredis';
import { allocatePort, spawnTracked, trackedDirectory } from './child-processes.js';
import { eventually } from './eventually.js';

export interface ClusterOptions {
  /** Default 3 (Redis Cluster needs at least 3 masters). */
  masters?: number;
  /** Default 1. */
  replicasPerMaster?: number;
}

interface Node {
  readonly port: number;
  readonly process: ChildProcess;
}

/** A short command to one node; a fresh connection each time, so a killed or failed-over node never leaves a client retrying. */
async function ask<T>(port: number, ...args: Array<string | number>): Promise<T> {
  const client = new Redis({
    host: '127.0.0.1',
    port,
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
    connectTimeout: 1_000,
  });
  client.on('error', () => undefined);
  try {
    await client.connect();
    return (await client.call(String(args[0]), ...args.slice(1).map(String))) as T;
  } finally {
    client.disconnect();
  }
}

async function answers(port: number): Promise<boolean> {
  try {
    return (await ask<string>(port, 'PING')) === 'PONG';
  } catch {
    return false;
  }
}

/**
 * A Redis Cluster of the test's own (default 3 masters with 1 replica each), for failover tests:
 * every node is a tracked child in a tracked folder on an allocated port, so the harness removes
 * them when the test file ends. `--cluster-node-timeout 1000` makes a replica take over a killed
 * master within about 2-3 seconds.
 */
export class PrivateRedisCluster {
  private constructor(private readonly members: Node[]) {}

  static async start(options: ClusterOptions = {}): Promise<PrivateRedisCluster> {
    const masters = options.masters ?? 3;
    const replicas = options.replicasPerMaster ?? 1;
    const directory = trackedDirectory('latchkey-redis-cluster');
    const members: Node[] = [];
    for (let index = 0; index < masters * (1 + replicas); index++) {
      const port = await allocatePort();
      // Its own bus port: the default (port + 10000) may be taken, or past 65535 for a port the system chose.
      const busPort = await allocatePort();
      const child = spawnTracked(
        'redis-server',
        [
          '--port',
          String(port),
          '--cluster-port',
          String(busPort),
          '--bind',
          '127.0.0.1',
          '--cluster-enabled',
          'yes',
          '--cluster-config-file',
          `nodes-${port}.conf`,
          '--cluster-node-timeout',
          '1000',
          '--save',
          '',
          '--appendonly',
          'no',
          '--dir',
          directory,
        ],
        { stdio: 'ignore', cwd: directory },
      );
      members.push({ port, process: child });
    }
    const cluster = new PrivateRedisCluster(members);
    await eventually(
      async () => (await Promise.all(members.map(({ port }) => answers(port)))).every(Boolean),
      'every cluster node to answer PING',
      15_000,
    );

    const create = spawnTracked(
      'redis-cli',
      ['--cluster', 'create', ...members.map(({ port }) => `127.0.0.1:${port}`), '--cluster-replicas', String(replicas), '--cluster-yes'],
      { stdio: 'pipe', cwd: directory },
    );
    let output = '';
    create.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    create.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => create.once('exit', (exitCode) => resolve(exitCode)));
    if (code !== 0) throw new Error(`redis-cli --cluster create failed (${code}):\n${output}`);

    await cluster.waitUntilOk(cluster.ports);
    // A replica can only take over (and a write only reach it) once it has synchronised with its master.
    await eventually(
      async () => {
        const masterPorts = (await cluster.describe()).filter((node) => node.role === 'master').map((node) => node.port);
        const online = await Promise.all(
          masterPorts.map(
            async (port) => ((await ask<string>(port, 'INFO', 'replication').catch(() => '')).match(/state=online/g) ?? []).length,
          ),
        );
        return masterPorts.length === masters && online.every((count) => count >= replicas);
      },
      'every replica to be in sync with its master',
      30_000,
    );
    return cluster;
  }

  /** The nodes as `127.0.0.1:P1,127.0.0.1:P2,…` (for REDIS_CLUSTER_NODES). */
  get nodes(): string {
    return this.ports.map((port) => `127.0.0.1:${port}`).join(',');
  }

  get ports(): number[] {
    return this.members.map(({ port }) => port);
  }

  /** The ports of the nodes still running. */
  get runningPorts(): number[] {
    return this.members.filter(({ process }) => process.exitCode === null && process.signalCode === null).map(({ port }) => port);
  }

  /** The port of the master serving `key`'s slot, as a running node sees it now. */
  async masterForKey(key: string): Promise<number> {
    const port = await this.anyAnswering();
    const slot = await ask<number>(port, 'CLUSTER', 'KEYSLOT', key);
    const ranges = await ask<Array<[number, number, [string, number, ...unknown[]], ...unknown[]]>>(port, 'CLUSTER', 'SLOTS');
    const range = ranges.find(([from, to]) => slot >= from && slot <= to);
    if (!range) throw new Error(`no node serves slot ${slot} (key ${key})`);
    return Number(range[2][1]);
  }

  /** Kills the master on `port` outright (SIGKILL, no goodbye to the cluster), as a crashed host. */
  async killMaster(port: number): Promise<void> {
    const node = this.members.find((member) => member.port === port);
    if (!node) throw new Error(`no cluster node on port ${port}`);
    if (node.process.exitCode !== null || node.process.signalCode !== null) return;
    await new Promise<void>((resolve) => {
      node.process.once('exit', () => resolve());
      node.process.kill('SIGCONT');
      node.process.kill('SIGKILL');
    });
  }

  /** Waits until a node other than `oldMasterPort` is master for `key`'s slot and every running node says cluster_state:ok; returns the new master's port. */
  async waitForFailover(oldMasterPort: number, key: string, timeoutMs = 20_000): Promise<number> {
    const master = await eventually(
      async () => {
        try {
          const port = await this.masterForKey(key);
          return port !== oldMasterPort && port;
        } catch {
          return false;
        }
      },
      `another node than ${oldMasterPort} to take over the slot of ${key}`,
      timeoutMs,
    );
    await this.waitUntilOk(this.runningPorts, timeoutMs);
    return master;
  }

  /** The port of a replica of the master on `masterPort`, as a running node sees it now. */
  async replicaOf(masterPort: number): Promise<number> {
    const text = await ask<string>(await this.anyAnswering(), 'CLUSTER', 'NODES');
    const lines = text
      .trim()
      .split('\n')
      .map((line) => line.split(' '));
    const master = lines.find(([, address]) => address.startsWith(`127.0.0.1:${masterPort}@`));
    const replica = master && lines.find(([, , flags, masterId]) => flags.includes('slave') && masterId === master[0]);
    if (!replica) throw new Error(`no replica of the master on ${masterPort}`);
    return Number(/:(\d+)@/.exec(replica[1])?.[1]);
  }

  /**
   * The replica on `replicaPort` takes its master's slots at once, without the master's agreement or
   * a final sync (CLUSTER FAILOVER TAKEOVER): as when a partition leaves the old master's clients
   * connected to it. The old master turns replica and drops what the new one never received.
   */
  async takeOver(replicaPort: number): Promise<void> {
    await ask(replicaPort, 'CLUSTER', 'FAILOVER', 'TAKEOVER');
  }

  /** Freezes the node on `port` (SIGSTOP): it keeps its data and its sockets but answers and replicates nothing. */
  pause(port: number): void {
    this.member(port).process.kill('SIGSTOP');
  }

  resume(port: number): void {
    this.member(port).process.kill('SIGCONT');
  }

  private member(port: number): Node {
    const node = this.members.find((member) => member.port === port);
    if (!node) throw new Error(`no cluster node on port ${port}`);
    return node;
  }

  async stop(): Promise<void> {
    await Promise.all(
      this.members.map(
        ({ process }) =>
          new Promise<void>((resolve) => {
            if (process.exitCode !== null || process.signalCode !== null) return resolve();
            process.once('exit', () => resolve());
            process.kill('SIGCONT');
            process.kill('SIGKILL');
          }),
      ),
    );
  }

  private async waitUntilOk(ports: number[], timeoutMs = 30_000): Promise<void> {
    await eventually(
      async () => {
        const states = await Promise.all(ports.map((port) => ask<string>(port, 'CLUSTER', 'INFO').catch(() => '')));
        return states.every((info) => /cluster_state:ok/.test(info));
      },
      `cluster_state:ok on ports ${ports.join(', ')}`,
      timeoutMs,
    );
  }

  private async anyAnswering(): Promise<number> {
    for (const port of this.runningPorts) if (await answers(port)) return port;
    throw new Error('no cluster node answers');
  }

  /** CLUSTER NODES as a running node sees it: each node's port, role and whether its cluster link is up. */
  private async describe(): Promise<Array<{ port: number; role: 'master' | 'slave'; linked: boolean }>> {
    const text = await ask<string>(await this.anyAnswering(), 'CLUSTER', 'NODES');
    return text
      .trim()
      .split('\n')
      .map((line) => {
        const [, address, flags, , , , , linkState] = line.split(' ');
        return {
          port: Number(/:(\d+)@/.exec(address)?.[1]),
          role: flags.includes('master') ? ('master' as const) : ('slave' as const),
          linked: linkState === 'connected',
        };
      });
  }
}

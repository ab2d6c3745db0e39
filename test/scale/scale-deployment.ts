import { randomBytes } from 'node:crypto';
import { Agent, request } from 'node:http';
import { Client } from 'pg';
import { loadConfig, migrateDatabase } from '#libs/platform';
import { MIGRATIONS } from '../../migrations/index.js';
import { allocatePort, trackCloser, trackedDirectory } from '../support/child-processes.js';
import { PrivatePostgres } from '../support/private-postgres.js';
import { PrivateRedisCluster } from '../support/private-redis-cluster.js';
import { ServiceProcess, waitForHealthy } from '../support/service-process.js';
import { SmtpListener } from '../support/smtp-listener.js';

export interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: any;
}

export interface CallOptions {
  body?: unknown;
  /** The `Authorization: Bearer` value. */
  bearer?: string;
  /** The client's own address: any of 127.0.0.0/8, so each story step has per-address rate limits of its own. */
  from?: string;
}

/** `waiting`, or a failure with the process's log if the process exits first (a later exit is no failure). */
export async function untilStarted(service: ServiceProcess, waiting: Promise<void>): Promise<void> {
  let started = false;
  const exitedFirst = service.exited.then((code) => {
    if (!started) throw new Error(`exited (${code}) while starting:\n${service.log}`);
  });
  await Promise.race([waiting, exitedFirst]);
  started = true;
}

/**
 * Latchkey scaled out on one machine, from the built entry points: a Redis Cluster (3 masters, 3
 * replicas), a PostgreSQL primary with a streaming replica (DATABASE_READ_URL), two API processes
 * and two worker processes, mail to a real SMTP listener. REDIS_URL and the first seed node point
 * at a closed port, so nothing can quietly use a single Redis and start-up needs a later seed.
 * Everything is tracked by the harness and goes when the test file ends, whatever happened;
 * `stop()` ends it sooner, in order.
 */
export class ScaleDeployment {
  private readonly agents = new Map<string, Agent>();

  private constructor(
    readonly cluster: PrivateRedisCluster,
    readonly postgres: PrivatePostgres,
    readonly mail: SmtpListener,
    private readonly closeMail: () => Promise<void>,
    readonly prefix: string,
    /** Base URLs of the two API instances. */
    readonly apis: string[],
    readonly apiProcesses: ServiceProcess[],
    readonly workers: ServiceProcess[],
  ) {}

  static readonly keys = loadConfig({ NODE_ENV: 'test' });

  static async start(): Promise<ScaleDeployment> {
    const [cluster, postgres, mail] = await Promise.all([
      PrivateRedisCluster.start(),
      PrivatePostgres.startWithReplica(),
      SmtpListener.start(),
    ]);
    const closeMail = trackCloser(() => mail.close());
    await postgres.createDatabase('latchkey');
    await migrateDatabase(loadConfig({ DATABASE_URL: postgres.primaryUrl('latchkey'), LOG_LEVEL: 'silent' }), MIGRATIONS);

    const queuePrefix = `lks-${randomBytes(4).toString('hex')}`;
    const closed = await allocatePort();
    const env: Record<string, string> = {
      NODE_ENV: 'test',
      DATABASE_URL: postgres.primaryUrl('latchkey'),
      DATABASE_READ_URL: postgres.replicaUrl('latchkey'),
      REDIS_URL: `redis://127.0.0.1:${closed}`,
      // The first seed node is down, as after a host is lost: any one that answers is enough (docs/scaling.md).
      REDIS_CLUSTER_NODES: `127.0.0.1:${closed},${cluster.nodes}`,
      QUEUE_PREFIX: queuePrefix,
      SMTP_URL: mail.url,
      MAIL_DIR: trackedDirectory('latchkey-scale-mail'),
      // Cheaper hashing keeps the suite fast; the benchmarks use the real parameters.
      ARGON2_MEMORY_KIB: '8192',
      ARGON2_TIME_COST: '1',
      LOG_LEVEL: 'warn',
    };
    const ports = [await allocatePort(), await allocatePort()];
    const apiProcesses = ports.map((port) => ServiceProcess.run('dist/apps/api/src/main.js', { ...env, PORT: String(port) }));
    const workers = [0, 1].map(() => ServiceProcess.run('dist/apps/worker/src/main.js', { ...env, LOG_LEVEL: 'info' }));
    const apis = ports.map((port) => `http://127.0.0.1:${port}`);
    const deployment = new ScaleDeployment(cluster, postgres, mail, closeMail, `{${queuePrefix}}`, apis, apiProcesses, workers);
    await Promise.all([
      ...apis.map((base, index) => untilStarted(apiProcesses[index], waitForHealthy(base, 90_000))),
      ...workers.map((worker) => untilStarted(worker, worker.waitForLog(/worker ready/, 90_000))),
    ]);
    return deployment;
  }

  /** One HTTP request to API instance `instance`, from `options.from` (default 127.0.0.1). */
  call(instance: number, method: string, path: string, options: CallOptions = {}): Promise<Answer> {
    const from = options.from ?? '127.0.0.1';
    let agent = this.agents.get(from);
    if (!agent) this.agents.set(from, (agent = new Agent({ keepAlive: true, localAddress: from })));
    const payload = options.body === undefined ? undefined : JSON.stringify(options.body);
    const headers: Record<string, string> = {};
    if (payload !== undefined) headers['content-type'] = 'application/json';
    if (options.bearer) headers.authorization = `Bearer ${options.bearer}`;
    return new Promise((resolve, reject) => {
      const outgoing = request(`${this.apis[instance]}${path}`, { method, headers, agent }, (incoming) => {
        let text = '';
        incoming.setEncoding('utf8');
        incoming.on('data', (chunk: string) => (text += chunk));
        incoming.on('end', () =>
          resolve({ status: incoming.statusCode ?? 0, headers: incoming.headers, body: text ? JSON.parse(text) : undefined }),
        );
        incoming.on('error', reject);
      });
      outgoing.on('error', reject);
      outgoing.end(payload);
    });
  }

  /** The outbox's unsent and latest rows (queue, name, attempts, last error, times), one per line: what a failed wait for a mail shows. */
  async outboxState(): Promise<string> {
    const client = new Client({ connectionString: this.postgres.primaryUrl('latchkey') });
    await client.connect();
    try {
      const { rows } = await client.query(
        `select queue, name, attempts, last_error, created_at, available_at, sent_at from outbox
          order by (sent_at is null) desc, created_at desc limit 20`,
      );
      return rows.map((row) => JSON.stringify(row)).join('\n');
    } finally {
      await client.end();
    }
  }

  /**
   * APIs and workers first (SIGTERM, as an orchestrator stops them), then what they used. A service
   * whose orderly shutdown outlived SHUTDOWN_TIMEOUT_SECONDS exits with 1 and its line naming what was
   * still open, a worker that shut down without one of its queues' workers says so: their last lines are
   * printed, as that is a defect of its own (not of what this file tests).
   */
  async stop(): Promise<void> {
    for (const agent of this.agents.values()) agent.destroy();
    const services = [...this.apiProcesses, ...this.workers];
    const codes = await Promise.all(services.map((service) => service.stop()));
    codes.forEach((code, index) => {
      if ((typeof code === 'number' && code !== 0) || /did not close within/.test(services[index].log))
        console.warn(`scale: a service exited with ${code} after SIGTERM; its last lines:\n${services[index].log.slice(-4_000)}`);
    });
    await this.closeMail();
    await this.cluster.stop();
    await this.postgres.stop();
  }
}

import { randomBytes } from 'node:crypto';
import { ApiClient } from './api-client.js';
import { ChildService, freePort, waitUntil } from './child-service.js';
import { cloneDatabase, databaseUrl } from './bench-database.js';

export interface BenchRun {
  /** Prefix of every database and Redis prefix of this run, so clean-up finds all of them. */
  id: string;
  template: string;
  adminKey: string;
  smtpUrl: string;
  mailDir: string;
  children: ChildService[];
  /** Other temporary folders (a private Redis's), removed at the end. */
  directories: string[];
}

export interface ApiInstance {
  service: ChildService;
  client: ApiClient;
  baseUrl: string;
}

/** One database and one Redis prefix: what an operator deploys, with as many API processes as asked. */
export class Installation {
  readonly database: string;
  readonly queuePrefix: string;
  /** SERVICE_API_KEY of every process of the installation: the introspection client's secret. */
  readonly serviceKey = randomBytes(24).toString('hex');

  private constructor(
    private readonly run: BenchRun,
    name: string,
  ) {
    this.database = `${run.id}_${name}`;
    this.queuePrefix = `${run.id}_${name}`;
  }

  static async create(run: BenchRun, name: string): Promise<Installation> {
    const installation = new Installation(run, name);
    await cloneDatabase(run.template, installation.database);
    return installation;
  }

  private environment(overrides: Record<string, string>): Record<string, string> {
    return {
      NODE_ENV: 'production',
      DATABASE_URL: databaseUrl(this.database),
      REDIS_URL: process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379',
      QUEUE_PREFIX: this.queuePrefix,
      ADMIN_API_KEY: this.run.adminKey,
      SERVICE_API_KEY: this.serviceKey,
      // Required in production by the configuration being added in the work tree (GET /metrics); ignored before it.
      METRICS_TOKEN: randomBytes(24).toString('hex'),
      // One secret per run, shared by the installation's processes (they must accept each other's tokens).
      JWT_SECRET: `${this.run.id}-${this.run.adminKey}`,
      SMTP_URL: this.run.smtpUrl,
      MAIL_DIR: this.run.mailDir,
      RATE_LIMIT_ENABLED: 'false',
      // The worker's /health and /metrics on a free port: a benchmark must not collide with a running instance.
      WORKER_PORT: '0',
      LOG_LEVEL: 'info',
      ...overrides,
    };
  }

  /** Starts `node dist/apps/api/src/main.js` on a free port and waits for `GET /health` → 200. */
  async startApi(overrides: Record<string, string> = {}, nodeArgs: string[] = [], cwd?: string): Promise<ApiInstance> {
    const port = await freePort();
    const service = ChildService.start(
      `api:${this.database}`,
      'dist/apps/api/src/main.js',
      this.environment({ PORT: String(port), PUBLIC_URL: `http://127.0.0.1:${port}`, ...overrides }),
      nodeArgs,
      cwd,
    );
    this.run.children.push(service);
    const baseUrl = `http://127.0.0.1:${port}`;
    await waitUntil(
      async () => {
        if (!service.running) throw new Error(`the API exited during start-up:\n${service.log.slice(-2_000)}`);
        try {
          return (await fetch(`${baseUrl}/health`)).status === 200;
        } catch {
          return false;
        }
      },
      60_000,
      'the API to answer /health',
    );
    return { service, client: new ApiClient(baseUrl, this.run.adminKey), baseUrl };
  }

  async startWorker(overrides: Record<string, string> = {}): Promise<ChildService> {
    const service = ChildService.start(`worker:${this.database}`, 'dist/apps/worker/src/main.js', this.environment(overrides));
    this.run.children.push(service);
    return service;
  }

  async stop(instance: { service: ChildService } | ChildService): Promise<void> {
    const service = instance instanceof ChildService ? instance : instance.service;
    await service.stop();
    this.run.children.splice(this.run.children.indexOf(service), 1);
  }
}

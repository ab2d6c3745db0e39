import type { ChildProcess } from 'node:child_process';
import { execFileSync } from 'node:child_process';
import { chownSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { allocatePort, spawnTracked, stopTracked, trackedDirectory } from './child-processes.js';
import { eventually } from './eventually.js';

/** The newest PostgreSQL installed here (Debian keeps each major version under its own folder). */
function binary(name: string): string {
  const [version] = readdirSync('/usr/lib/postgresql').sort((a, b) => Number(b) - Number(a));
  return `/usr/lib/postgresql/${version}/bin/${name}`;
}

/** PostgreSQL refuses to run as root: its processes run as the `postgres` OS user. */
function postgresUser(): { uid: number; gid: number } {
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
  return { uid: id('-u'), gid: id('-g') };
}

/** Runs a PostgreSQL tool to its end as the postgres user; its output is kept for the error. */
async function run(name: string, args: readonly string[], user: { uid: number; gid: number }): Promise<void> {
  const child = spawnTracked(binary(name), args, { ...user, stdio: ['ignore', 'pipe', 'pipe'] });
  const output = tail(child);
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error(`${name} exited with ${code}: ${output()}`);
}

/** The last few kilobytes a child wrote, read as it goes so its pipes never fill. */
function tail(child: ChildProcess, limit = 4_096): () => string {
  let text = '';
  const keep = (chunk: Buffer) => (text = (text + chunk.toString()).slice(-limit));
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  return () => text;
}

async function query<T>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  client.on('error', () => undefined);
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as T[];
  } finally {
    await client.end();
  }
}

class Server {
  private readonly output: () => string;

  constructor(
    readonly port: number,
    private readonly child: ChildProcess,
  ) {
    this.output = tail(child);
  }

  /** In the foreground, so the harness owns it (`pg_ctl` would daemonize it beyond the test's reach). */
  static async start(dataDirectory: string, user: { uid: number; gid: number }): Promise<Server> {
    const port = await allocatePort();
    const settings = ['listen_addresses=127.0.0.1', 'wal_level=replica', 'fsync=off', 'shared_buffers=16MB', 'max_connections=60'];
    const args = ['-D', dataDirectory, '-p', String(port), '-k', dataDirectory, ...settings.flatMap((setting) => ['-c', setting])];
    const server = new Server(port, spawnTracked(binary('postgres'), args, { ...user, stdio: ['ignore', 'pipe', 'pipe'] }));
    await eventually(() => server.answers(), `PostgreSQL on port ${port} (${server.output()})`, 30_000);
    return server;
  }

  url(database = 'postgres'): string {
    return `postgres://postgres@127.0.0.1:${this.port}/${database}`;
  }

  query<T>(sql: string, params: unknown[] = [], database = 'postgres'): Promise<T[]> {
    return query<T>(this.url(database), sql, params);
  }

  /** Fast shutdown (SIGINT): a smart one (SIGTERM) would wait for every pooled client to leave. */
  async stop(): Promise<void> {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGINT');
    await stopTracked(this.child, 10_000);
  }

  private async answers(): Promise<boolean> {
    if (this.child.exitCode !== null) throw new Error(`PostgreSQL on port ${this.port} exited: ${this.output()}`);
    return this.query('select 1').then(
      () => true,
      () => false,
    );
  }
}

/**
 * A PostgreSQL primary and a streaming replica of the test's own, in a temporary folder: the
 * replica can be made to lag on demand (replay paused), which the shared server cannot.
 */
export class PrivatePostgres {
  private constructor(
    private readonly folder: string,
    private readonly primary: Server,
    private readonly replica: Server,
  ) {}

  static async startWithReplica(): Promise<PrivatePostgres> {
    const user = postgresUser();
    const folder = trackedDirectory('latchkey-pg');
    chownSync(folder, user.uid, user.gid);
    const primaryDirectory = join(folder, 'primary');
    const replicaDirectory = join(folder, 'replica');
    await run('initdb', ['-D', primaryDirectory, '-U', 'postgres', '--auth=trust', '--no-sync', '--encoding=UTF8', '--locale=C'], user);
    const primary = await Server.start(primaryDirectory, user);
    try {
      await run(
        'pg_basebackup',
        [
          '-R',
          '-D',
          replicaDirectory,
          '-h',
          '127.0.0.1',
          '-p',
          String(primary.port),
          '-U',
          'postgres',
          '-X',
          'stream',
          '-c',
          'fast',
          '--no-sync',
        ],
        user,
      );
      return new PrivatePostgres(folder, primary, await Server.start(replicaDirectory, user));
    } catch (error) {
      await primary.stop();
      throw error;
    }
  }

  primaryUrl(database: string): string {
    return this.primary.url(database);
  }

  replicaUrl(database: string): string {
    return this.replica.url(database);
  }

  /** On the primary; the replica receives it as it receives everything else. */
  async createDatabase(name: string): Promise<void> {
    await this.primary.query(`create database "${name}"`);
  }

  /** The replica keeps receiving WAL but applies none of it: its reads stay as they are now. */
  async pauseReplay(): Promise<void> {
    await this.replica.query('select pg_wal_replay_pause()');
    await eventually(
      async () => (await this.replica.query<{ state: string }>('select pg_get_wal_replay_pause_state() as state'))[0].state === 'paused',
      'the replica to pause its replay',
    );
  }

  async resumeReplay(): Promise<void> {
    await this.replica.query('select pg_wal_replay_resume()');
  }

  /** Until the replica has applied everything the primary has written so far. */
  async waitForReplay(): Promise<void> {
    const [{ lsn }] = await this.primary.query<{ lsn: string }>('select pg_current_wal_lsn()::text as lsn');
    const caughtUp = async () =>
      (await this.replica.query<{ done: boolean }>('select pg_wal_lsn_diff(pg_last_wal_replay_lsn(), $1::pg_lsn) >= 0 as done', [lsn]))[0]
        .done;
    await eventually(caughtUp, `the replica to replay up to ${lsn}`);
  }

  async stop(): Promise<void> {
    await this.replica.stop();
    await this.primary.stop();
    rmSync(this.folder, { recursive: true, force: true });
  }
}

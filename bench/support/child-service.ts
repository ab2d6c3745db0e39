import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';

const CLOCK_TICK_MS = 10; // Linux USER_HZ is 100 on every mainstream kernel build.
const MAX_LOG_CHARS = 200_000;

/** A built entry point (`dist/…`) run as a child process the benchmark starts and always stops. */
export class ChildService {
  private output = '';
  readonly exited: Promise<number | null>;

  private constructor(
    readonly name: string,
    private readonly child: ChildProcess,
  ) {
    const keep = (chunk: Buffer) => {
      this.output = (this.output + chunk.toString()).slice(-MAX_LOG_CHARS);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    this.exited = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
  }

  /** `cwd`: another checkout or copy of the built app (with its package.json), to compare two builds side by side. */
  static start(name: string, script: string, env: Record<string, string>, nodeArgs: string[] = [], cwd?: string): ChildService {
    return ChildService.command(name, process.execPath, [...nodeArgs, script], env, cwd);
  }

  /** Any other program (a private `redis-server`), stopped and measured the same way. */
  static command(name: string, file: string, args: string[], env: Record<string, string> = {}, cwd?: string): ChildService {
    const child = spawn(file, args, { env: { PATH: process.env.PATH ?? '', ...env }, stdio: 'pipe', cwd });
    return new ChildService(name, child);
  }

  get pid(): number {
    return this.child.pid ?? -1;
  }

  get log(): string {
    return this.output;
  }

  get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  /** User + system CPU of the whole process (every thread, so the hash pool too), in ms. */
  cpuMs(): number {
    const stat = readFileSync(`/proc/${this.pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * CLOCK_TICK_MS;
  }

  async stop(): Promise<void> {
    if (!this.running) return;
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 10_000);
    await this.exited;
    clearTimeout(timer);
  }
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function waitUntil(check: () => Promise<boolean> | boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

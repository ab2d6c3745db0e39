import { type ChildProcess, spawn, type SpawnOptions } from 'node:child_process';
import { appendFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { HOST_HOOKS, type HostHooks } from './host-hooks.js';

/**
 * The harness owns the lifetime of everything a test spawns: each child, temporary folder and
 * listening server is registered here and removed when its test file ends (after the file's last
 * `afterAll`, see test/support/owning-environment.ts and own-children.ts), when the Jest process
 * exits, when it is interrupted (SIGINT, SIGTERM, SIGHUP), and when a Jest worker loses its parent.
 *
 * A stopped (SIGSTOP) child ignores SIGTERM until continued, so it is continued first, then
 * terminated, then killed. Each child leads its own process group, and signals go to the group, so
 * what a child starts in turn (the API and worker of `scripts/start.js`) goes with it. On Linux each
 * child is also started through `setpriv --pdeathsig KILL`: should the Jest process die in a way no
 * handler sees (SIGKILL, the OOM killer, jest-worker's own SIGKILL after a missed SIGTERM), the
 * kernel kills the child with it, so a redis-server is never left behind with parent PID 1.
 */
const children = new Set<ChildProcess>();
const directories = new Set<string>();
const closers = new Set<() => Promise<void> | void>();

/** Where `.ci/run` looks for ports this run allocated (one number a line), to prove nothing still listens on them. */
const PORTS_FILE = process.env.LATCHKEY_TEST_PORTS_FILE;

const SETPRIV =
  process.platform === 'linux'
    ? (process.env.PATH ?? '')
        .split(delimiter)
        .map((dir) => join(dir, 'setpriv'))
        .find((path) => existsSync(path))
    : undefined;

export function spawnTracked(command: string, args: readonly string[], options: SpawnOptions = {}): ChildProcess {
  const [file, argv] = SETPRIV ? [SETPRIV, ['--pdeathsig', 'KILL', '--', command, ...args]] : [command, args];
  const child = spawn(file, argv, { ...options, detached: true });
  children.add(child);
  child.once('exit', () => children.delete(child));
  // A failed spawn (no such command) ends in 'error', not 'exit'.
  child.once('error', () => children.delete(child));
  return child;
}

/** A new temporary folder, removed with the children. */
export function trackedDirectory(prefix: string): string {
  const path = mkdtempSync(join(tmpdir(), `${prefix}-`));
  directories.add(path);
  return path;
}

/**
 * Registers something else to close with the children (a listening server, a client): `close`
 * runs at most once, when the test file ends or earlier through the returned function. Returns
 * the function that closes it now and forgets it.
 */
export function trackCloser(close: () => Promise<void> | void): () => Promise<void> {
  let closing: Promise<void> | undefined;
  const once = (): Promise<void> => {
    closers.delete(once);
    closing ??= Promise.resolve().then(close);
    return closing;
  };
  closers.add(once);
  return once;
}

/** A free loopback port, recorded for the end-of-run check. */
export async function allocatePort(): Promise<number> {
  const port = await new Promise<number>((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port: chosen } = server.address() as { port: number };
      server.close(() => resolve(chosen));
    });
  });
  if (PORTS_FILE) appendFileSync(PORTS_FILE, `${port}\n`);
  return port;
}

const alive = (child: ChildProcess): boolean => child.pid !== undefined && child.exitCode === null && child.signalCode === null;

/** Signals the child's process group (the child and whatever it started), or the child alone if the group is gone. */
function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    try {
      child.kill(signal);
    } catch {
      // Already gone.
    }
  }
}

/** Continue, terminate, and after `graceMs` kill; resolves when the child has exited. */
export async function stopTracked(child: ChildProcess, graceMs = 5_000): Promise<void> {
  if (!alive(child)) {
    children.delete(child);
    return;
  }
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  signalGroup(child, 'SIGCONT');
  signalGroup(child, 'SIGTERM');
  const timer = setTimeout(() => alive(child) && signalGroup(child, 'SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
  // What the child started and left behind in its group goes too.
  signalGroup(child, 'SIGKILL');
  children.delete(child);
}

export async function stopAllTracked(): Promise<void> {
  const closing = [...closers].map((close) => close());
  await Promise.all([...children].map((child) => stopTracked(child)));
  await Promise.allSettled(closing);
  for (const path of directories) rmSync(path, { recursive: true, force: true });
  directories.clear();
}

/** Last resort, synchronous (an `exit` handler can run nothing else): kill outright, remove folders. */
export function killAllTrackedNow(): void {
  for (const child of children) {
    if (!alive(child)) continue;
    signalGroup(child, 'SIGCONT');
    signalGroup(child, 'SIGKILL');
  }
  for (const close of closers) void close();
  for (const path of directories) rmSync(path, { recursive: true, force: true });
  directories.clear();
}

/*
 * Inside Jest, `process` is the test's sandbox copy: listeners added to it never hear the real
 * process exit or a signal. The owning environment (test/support/owning-environment.ts) hands over
 * hooks on the real process and on the end of this test file. Under another Jest environment the
 * best left is a root-level `afterAll` (which runs before the file's own root-level ones); outside
 * Jest (a plain Node script) `process` is the real one.
 */
const host = (globalThis as Record<symbol, unknown>)[HOST_HOOKS] as HostHooks | undefined;
if (host) {
  host.own({ stopAll: stopAllTracked, killNow: killAllTrackedNow });
} else {
  if (typeof afterAll === 'function') {
    try {
      afterAll(stopAllTracked);
    } catch {
      // First imported inside a test, where hooks cannot be added.
    }
  }
  process.once('exit', killAllTrackedNow);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
      killAllTrackedNow();
      process.exit(128 + (signal === 'SIGINT' ? 2 : signal === 'SIGTERM' ? 15 : 1));
    });
  }
}

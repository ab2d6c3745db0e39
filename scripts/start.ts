import { spawn, type ChildProcess } from 'node:child_process';
import { pino } from 'pino';
import { explainStartupFailure, migrateDatabase, readEnvironment, startupBanner, startupSummary, usesPrettyLogs } from '#libs/platform';
import { MIGRATIONS } from '../migrations/index.js';

/**
 * `npm start`: applies migrations, then runs the API and the worker as two processes, and once both
 * are ready prints where everything is (a banner in development, one JSON line otherwise).
 * SIGINT/SIGTERM to this parent stops both; if either exits, the other is stopped too.
 */
const config = readEnvironment();
try {
  await migrateDatabase(config, MIGRATIONS);
} catch (error) {
  explainStartupFailure('start', error, config);
}

const entries = { api: 'dist/apps/api/src/main.js', worker: 'dist/apps/worker/src/main.js' };
const ready = new Set<string>();

function announceWhenAllReady(): void {
  if (ready.size < Object.keys(entries).length) return;
  if (usesPrettyLogs(config)) process.stdout.write(`\n${startupBanner(config)}\n`);
  else pino({ base: { pid: process.pid } }).info({ context: 'Startup', ...startupSummary(config) }, 'Latchkey is running');
}

const children: ChildProcess[] = Object.values(entries).map((entry) => {
  // The IPC channel lets a child notice when this parent is gone, even if it was killed outright,
  // and lets each one say when it is ready (runEntryPoint sends { latchkey: 'ready', name }).
  // Each runs with its preload, which starts tracing when it is configured (docs/operations.md#tracing).
  const preload = `./${entry.replace(/main\.js$/, 'instrument.js')}`;
  const child = spawn(process.execPath, ['--import', preload, entry], {
    stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
    env: process.env,
  });
  child.on('message', (message: { latchkey?: unknown; name?: unknown }) => {
    if (message?.latchkey !== 'ready' || typeof message.name !== 'string' || ready.has(message.name)) return;
    ready.add(message.name);
    announceWhenAllReady();
  });
  return child;
});
let stopping = false;

function stopAll(signal: NodeJS.Signals): void {
  if (stopping) return;
  stopping = true;
  for (const child of children) if (child.exitCode === null) child.kill(signal);
}

process.on('SIGINT', () => stopAll('SIGTERM'));
process.on('SIGTERM', () => stopAll('SIGTERM'));
let exitCode = 0;
await Promise.all(
  children.map(
    (child) =>
      new Promise<void>((resolve) =>
        child.on('exit', (code) => {
          if (code) exitCode = code;
          stopAll('SIGTERM');
          resolve();
        }),
      ),
  ),
);
process.exit(exitCode);

import { spawn, type ChildProcess } from 'node:child_process';
import { explainStartupFailure, migrateDatabase, readEnvironment } from '#libs/platform';
import { MIGRATIONS } from '../migrations/index.js';

/**
 * `npm start`: applies migrations, then runs the API and the worker as two processes.
 * SIGINT/SIGTERM to this parent stops both; if either exits, the other is stopped too.
 */
const config = readEnvironment();
try {
  await migrateDatabase(config, MIGRATIONS);
} catch (error) {
  explainStartupFailure('start', error, config);
}

const children: ChildProcess[] = ['api', 'worker'].map((app) =>
  // The IPC channel lets a child notice when this parent is gone, even if it was killed outright.
  // The preload starts tracing when it is configured (docs/operations.md#tracing), and does nothing otherwise.
  spawn(process.execPath, ['--import', `./dist/apps/${app}/src/instrument.js`, `dist/apps/${app}/src/main.js`], {
    stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
    env: process.env,
  }),
);
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

import type { EnvironmentContext, JestEnvironmentConfig } from '@jest/environment';
import { TestEnvironment } from 'jest-environment-node';
// Types only: Jest loads this file without the project's module mapper, so it imports nothing of the project at run time.
import type { HostHooks, Owned } from './host-hooks.js';

/** The same key as HOST_HOOKS in host-hooks.ts (a registered symbol is one symbol in every realm). */
const HOST_HOOKS = Symbol.for('latchkey.test.hostHooks');

/**
 * Jest's Node environment, plus ownership of what the test file spawns (see child-processes.ts).
 *
 * This file runs in the real Jest process (the main one with --runInBand, else a worker), outside
 * the test's sandbox, so it can hear what the sandbox cannot: the process exiting, SIGINT, SIGTERM,
 * SIGHUP, and a worker's IPC channel closing because the main Jest process died. It ends:
 *  - gracefully after the file's last hook (circus' `run_finish` comes after every `afterAll`, also
 *    after a failed or timed-out one; a plain `afterAll` in a setup file would run before the file's
 *    own root-level `afterAll`s and pull a Redis away from an app that is still closing);
 *  - outright in `teardown` if anything survived that;
 *  - outright on exit, on a signal (then exits 128 + the signal's number, as the signal would have)
 *    and on losing the parent.
 */
const live = new Set<Owned>();

function killEverythingNow(): void {
  for (const owned of live) {
    try {
      owned.killNow();
    } catch {
      // Keep going: the other files' children must die too.
    }
  }
  live.clear();
}

const INSTALLED = Symbol.for('latchkey.test.owningEnvironmentInstalled');

function installProcessHandlersOnce(): void {
  const real = process as NodeJS.Process & { [INSTALLED]?: true };
  if (real[INSTALLED]) return;
  real[INSTALLED] = true;
  real.once('exit', killEverythingNow);
  for (const [signal, number] of [
    ['SIGINT', 2],
    ['SIGTERM', 15],
    ['SIGHUP', 1],
  ] as const) {
    real.once(signal, () => {
      killEverythingNow();
      process.exit(128 + number);
    });
  }
  // A jest-worker child talks to the main Jest process over IPC; the channel closes when that process dies.
  if (typeof real.send === 'function') {
    real.once('disconnect', () => {
      killEverythingNow();
      process.exit(1);
    });
  }
}

export default class OwningEnvironment extends TestEnvironment {
  private readonly owned = new Set<Owned>();

  constructor(config: JestEnvironmentConfig, context: EnvironmentContext) {
    super(config, context);
    installProcessHandlersOnce();
    const hooks: HostHooks = {
      own: (owned) => {
        this.owned.add(owned);
        live.add(owned);
      },
    };
    (this.global as unknown as Record<symbol, unknown>)[HOST_HOOKS] = hooks;
  }

  async handleTestEvent(event: { name: string }): Promise<void> {
    if (event.name !== 'run_finish') return;
    for (const owned of this.owned) await owned.stopAll();
  }

  override async teardown(): Promise<void> {
    for (const owned of this.owned) {
      owned.killNow();
      live.delete(owned);
    }
    this.owned.clear();
    await super.teardown();
  }
}

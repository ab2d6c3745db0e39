/**
 * What test/support/owning-environment.ts (outside the sandbox) puts on a test file's global object
 * for test/support/child-processes.ts (inside it). Shared by both, so it imports nothing.
 */
export const HOST_HOOKS = Symbol.for('latchkey.test.hostHooks');

export interface Owned {
  /** Graceful: stops every child, closes what was registered, removes folders. */
  stopAll(): Promise<void>;
  /** Synchronous: kills outright (for an exit or signal handler, where nothing asynchronous runs). */
  killNow(): void;
}

export interface HostHooks {
  /** Hands the test file's registry to the environment, which ends it when the file ends or the process does. */
  own(owned: Owned): void;
}

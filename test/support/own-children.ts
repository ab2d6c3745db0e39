/**
 * Jest `setupFilesAfterEnv` of the integration project: every test file's children, temporary
 * folders and tracked servers (child-processes.ts) die when the file ends, whatever happened in it.
 *
 * Under test/support/owning-environment.ts (the integration project's environment) the environment
 * does this after the file's last `afterAll`. Under any other environment this falls back to a
 * global `afterAll`, which runs before the file's own root-level `afterAll`s (Jest runs hooks of one
 * block in the order they were declared), so it is second best.
 */
import { stopAllTracked } from './child-processes.js';
import { HOST_HOOKS } from './host-hooks.js';

if (!(HOST_HOOKS in globalThis)) afterAll(stopAllTracked);

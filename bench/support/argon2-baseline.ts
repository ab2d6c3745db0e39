import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface Argon2Parameters {
  ARGON2_MEMORY_KIB: string;
  ARGON2_TIME_COST: string;
  ARGON2_PARALLELISM: string;
}

export const OWASP_PARAMETERS: Argon2Parameters = { ARGON2_MEMORY_KIB: '19456', ARGON2_TIME_COST: '2', ARGON2_PARALLELISM: '1' };
export const KEYCLOAK_PARAMETERS: Argon2Parameters = { ARGON2_MEMORY_KIB: '7168', ARGON2_TIME_COST: '5', ARGON2_PARALLELISM: '1' };

/** Raw argon2id verifies in a child process with the given parameters, concurrency and thread pool. */
export async function argon2Baseline(
  parameters: Argon2Parameters,
  concurrency: number,
  seconds: number,
  threadPool = '4',
): Promise<{ perSecond: number; cpuMsPerVerify: number }> {
  const { stdout } = await run(process.execPath, ['dist/bench/children/argon2-verify.js'], {
    env: {
      PATH: process.env.PATH ?? '',
      ...parameters,
      UV_THREADPOOL_SIZE: threadPool,
      CONCURRENCY: String(concurrency),
      DURATION_MS: String(seconds * 1000),
    },
  });
  return JSON.parse(stdout) as { perSecond: number; cpuMsPerVerify: number };
}

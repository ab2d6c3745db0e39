import { randomInt } from 'node:crypto';
import { load, type LoadResult } from './http-load.js';
import { SEED_PASSWORD, seedEmail } from './seed.js';

/**
 * Right-password sign-ins spread over accounts `u0…u{accounts-1}`: cycling (the default) keeps
 * each account's row lock uncontended; `random` picks any account, so an index, not a hot cache, finds it.
 */
export function signInLoad(
  baseUrl: string,
  organization: string,
  accounts: number,
  connections: number,
  seconds: number,
  random = false,
): Promise<LoadResult> {
  let next = 0;
  return load({
    url: baseUrl,
    connections,
    duration: seconds,
    requests: [
      {
        method: 'POST',
        path: '/v1/auth/sign-in',
        headers: { 'content-type': 'application/json' },
        setupRequest: (request) => {
          next = random ? randomInt(accounts) : (next + 1) % accounts;
          return { ...request, body: JSON.stringify({ organization, email: seedEmail(next), password: SEED_PASSWORD }) };
        },
      },
    ],
  });
}

/** Fails loudly when a load run was mostly errors: a ratio of failures would be meaningless. */
export function assertMostlyOk(result: LoadResult, what: string): void {
  if (result.ok === 0 || result.failed > result.ok * 0.01) {
    throw new Error(
      `${what}: ${result.ok} ok, ${result.failed} failed (status codes ${JSON.stringify({ '4xx': result.raw['4xx'], '5xx': result.raw['5xx'] })})`,
    );
  }
}

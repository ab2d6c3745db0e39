/**
 * Polls `probe` until it gives something other than `undefined` or `false`, and returns that.
 * Fails after `timeoutMs`, saying what it waited for. For waits on other processes and queues,
 * never as a speed check: the timeout only bounds a test that would otherwise hang.
 */
export async function eventually<T>(
  probe: () => T | undefined | false | Promise<T | undefined | false>,
  what = 'a condition',
  timeoutMs = 15_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

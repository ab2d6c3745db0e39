import { closeWithin } from './close-within.js';

describe('closeWithin', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('answers true as soon as the worker has closed, before the bound', async () => {
    let finish!: () => void;
    const worker = { name: 'mail', close: () => new Promise<void>((resolve) => (finish = resolve)) };
    const outcome = closeWithin(worker, 10_000);
    await jest.advanceTimersByTimeAsync(9_000);
    finish();
    await expect(outcome).resolves.toBe(true);
  });

  it('answers true for a close that failed: there is nothing left to wait for', async () => {
    const worker = { name: 'mail', close: () => Promise.reject(new Error('Connection is closed.')) };
    await expect(closeWithin(worker, 10_000)).resolves.toBe(true);
  });

  it('stops waiting at the bound for a close that never ends, and answers false', async () => {
    const worker = { name: 'revocation', close: () => new Promise<void>(() => undefined) };
    let answer: boolean | undefined;
    void closeWithin(worker, 10_000).then((value) => (answer = value));
    await jest.advanceTimersByTimeAsync(9_999);
    expect(answer).toBeUndefined();
    await jest.advanceTimersByTimeAsync(1);
    expect(answer).toBe(false);
  });
});

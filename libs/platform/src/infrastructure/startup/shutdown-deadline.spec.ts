import { EventEmitter } from 'node:events';
import { exitAfterShutdownDeadline, type ShutdownHost } from './shutdown-deadline.js';

/** A process stand-in: signals are emitted by the test, exits recorded, two kinds of handles "open". */
class FakeProcess extends EventEmitter implements ShutdownHost {
  readonly exits: number[] = [];
  exit(code: number): void {
    this.exits.push(code);
  }
  getActiveResourcesInfo(): string[] {
    return ['TCPSocketWrap', 'Timeout', 'TCPSocketWrap'];
  }
}

describe('exitAfterShutdownDeadline', () => {
  let host: FakeProcess;
  let errors: string[];

  beforeEach(() => {
    jest.useFakeTimers();
    host = new FakeProcess();
    errors = [];
    jest.spyOn(console, 'error').mockImplementation((line: string) => void errors.push(line));
  });
  afterEach(() => {
    jest.useRealTimers();
    jest.restoreAllMocks();
  });

  it('exits with 1 once the deadline after SIGTERM has passed, naming the handles still open', () => {
    exitAfterShutdownDeadline('worker', 20, host);
    host.emit('SIGTERM', 'SIGTERM');
    jest.advanceTimersByTime(19_999);
    expect(host.exits).toEqual([]);
    jest.advanceTimersByTime(1);
    expect(host.exits).toEqual([1]);
    expect(errors).toEqual([
      'latchkey worker: shutdown after SIGTERM did not finish within 20 s; exiting (still open: TCPSocketWrap, Timeout)',
    ]);
  });

  it('starts counting at the first stop signal only: a second one neither restarts nor doubles the deadline', () => {
    exitAfterShutdownDeadline('api', 5, host);
    host.emit('SIGINT', 'SIGINT');
    jest.advanceTimersByTime(3_000);
    host.emit('SIGTERM', 'SIGTERM');
    jest.advanceTimersByTime(2_000);
    expect(host.exits).toEqual([1]);
    jest.advanceTimersByTime(10_000);
    expect(host.exits).toEqual([1]);
    expect(errors).toEqual(['latchkey api: shutdown after SIGINT did not finish within 5 s; exiting (still open: TCPSocketWrap, Timeout)']);
  });

  it('never fires without a stop signal, and its timer does not keep the process alive', () => {
    const unref = jest.spyOn(global, 'setTimeout');
    exitAfterShutdownDeadline('api', 1, host);
    jest.advanceTimersByTime(60_000);
    expect(host.exits).toEqual([]);
    host.emit('SIGTERM', 'SIGTERM');
    const timer = unref.mock.results.at(-1)?.value as NodeJS.Timeout;
    expect(timer.hasRef()).toBe(false);
  });
});

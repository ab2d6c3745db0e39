/** What the deadline listens on and how it ends the process: `process` itself, except in its spec. */
export interface ShutdownHost {
  once(signal: 'SIGTERM' | 'SIGINT', listener: (signal: NodeJS.Signals) => void): unknown;
  exit(code: number): void;
  getActiveResourcesInfo(): string[];
}

/**
 * After a stop signal the process exits within `seconds`, even if a shutdown hook never returns (a
 * connection that waits for a Redis node that left, a job that does not end): an orchestrator that
 * stops a process and waits for it must not wait forever, and a process that outlived its stop would
 * still be taking work. The orderly shutdown (Nest's hooks, started by the same signal) goes on until
 * then; the line written on giving up names the kinds of handles still open, to find the one that hung.
 */
export function exitAfterShutdownDeadline(name: string, seconds: number, host: ShutdownHost = process): void {
  let armed = false;
  const arm = (signal: NodeJS.Signals) => {
    if (armed) return;
    armed = true;
    const timer = setTimeout(() => {
      const open = [...new Set(host.getActiveResourcesInfo())].join(', ') || 'none';
      console.error(`latchkey ${name}: shutdown after ${signal} did not finish within ${seconds} s; exiting (still open: ${open})`);
      host.exit(1);
    }, seconds * 1000);
    timer.unref();
  };
  host.once('SIGTERM', arm);
  host.once('SIGINT', arm);
}

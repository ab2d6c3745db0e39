/** Something that closes in its own time: a BullMQ `Worker`. */
export interface Closing {
  readonly name: string;
  close(): Promise<unknown>;
}

/**
 * Closes `worker` — its jobs in flight finished first — but waits at most `ms`; true if it closed in
 * time. BullMQ's `Worker.close()` waits for those jobs and for its blocking connection's `end` event;
 * after a Redis Cluster failover one queue's worker was seen never to close: the shutdown then goes on
 * without it (a job cut off runs again later) and the caller can say which queue it was.
 */
export async function closeWithin(worker: Closing, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
    timer.unref();
  });
  const closed = worker.close().then(
    () => true as const,
    () => true as const,
  );
  try {
    return await Promise.race([closed, late]);
  } finally {
    clearTimeout(timer);
  }
}

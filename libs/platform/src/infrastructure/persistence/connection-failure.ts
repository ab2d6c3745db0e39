/** A start-up failure a person can act on: which service, at what address, how to start it. */
export class ServiceUnreachableError extends Error {}

const UNREACHABLE = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EHOSTUNREACH']);

function errorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { code, errors, cause } = error as { code?: unknown; errors?: unknown[]; cause?: unknown };
  if (typeof code === 'string') return code;
  // AggregateError (IPv4 and IPv6 both refused) and wrapped errors hide the code one level down.
  return errorCode(errors?.[0]) ?? errorCode(cause);
}

export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparsable URL)';
  }
}

export function describeConnectionFailure(error: unknown, databaseUrl: string): ServiceUnreachableError | undefined {
  const code = errorCode(error);
  if (code === undefined || !UNREACHABLE.has(code)) return undefined;
  return new ServiceUnreachableError(
    `PostgreSQL cannot be reached at ${redactUrl(databaseUrl)} (${code}).\n` +
      'Start it (on Debian: `pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start`, ' +
      'or `docker compose up postgres redis`), or set DATABASE_URL.',
  );
}

export function describeRedisFailure(redisUrl: string, code: string): ServiceUnreachableError {
  return new ServiceUnreachableError(
    `Redis cannot be reached at ${redactUrl(redisUrl)} (${code}).\n` +
      'Start it (`redis-server --daemonize yes --port 6379`, or `docker compose up postgres redis`), or set REDIS_URL.',
  );
}

/** No seed node of REDIS_CLUSTER_NODES answered: each is named with its error. */
export function describeRedisClusterFailure(failures: readonly string[]): ServiceUnreachableError {
  return new ServiceUnreachableError(
    `Redis Cluster cannot be reached: no node of REDIS_CLUSTER_NODES answers (${failures.join(', ')}).\n` +
      'Start the cluster, or list nodes that run in REDIS_CLUSTER_NODES (any one of them is enough to start).',
  );
}

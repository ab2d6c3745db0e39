// PostgreSQL SQLSTATEs of a lost or refused connection, an overloaded server, or a lost race
// (serialization failure, deadlock): the client can retry, and nothing was half-applied.
const TRANSIENT_SQLSTATES = new Set(['08000', '08001', '08003', '08004', '08006', '53300', '57P01', '57P02', '57P03', '40001', '40P01']);
const TRANSIENT_MESSAGES =
  /Connection terminated|connection error|Timeout acquiring a connection|ECONNREFUSED|ECONNRESET|terminating connection/i;

/** True for an error that means "a dependency is unavailable right now", answered with 503. */
export function isTransientDependencyFailure(error: unknown): boolean {
  for (let current = error, depth = 0; current && typeof current === 'object' && depth < 4; depth++) {
    const { code, message, cause, sqlState } = current as { code?: unknown; message?: unknown; cause?: unknown; sqlState?: unknown };
    if (typeof code === 'string' && TRANSIENT_SQLSTATES.has(code)) return true;
    if (typeof sqlState === 'string' && TRANSIENT_SQLSTATES.has(sqlState)) return true;
    if (typeof message === 'string' && TRANSIENT_MESSAGES.test(message)) return true;
    current = cause;
  }
  return false;
}

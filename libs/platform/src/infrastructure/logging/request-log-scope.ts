import { AsyncLocalStorage } from 'node:async_hooks';

/** The request a log line was written in: shaped as a raw request, so the `req` serializer reads it. */
export interface RequestLogScope {
  id: string;
  method: string;
  url: string;
}

/** Set for the whole of each HTTP request (interface/http/request-scope.ts); read only when a line is written. */
export const requestLogScope = new AsyncLocalStorage<RequestLogScope>();

/** pino's `mixin`: a line written while a request runs carries that request (`req`: id, method, path). */
export function requestOfLine(): { req?: RequestLogScope } {
  const scope = requestLogScope.getStore();
  return scope === undefined ? {} : { req: scope };
}

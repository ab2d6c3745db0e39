import { type Tokens, tokenStore } from './token.store.js';

export interface Violation {
  code: string;
  message: string;
}

/** An answer that was not 2xx, read from its RFC 9457 body. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly detail: string,
    readonly violations: Violation[],
    readonly retryAfterSeconds: number | null,
  ) {
    super(`${status} ${code}`);
  }
}

/** The server could not be reached at all. */
export class NetworkError extends Error {}

interface RequestOptions {
  body?: unknown;
  /** Send the access token, refreshing it once if it has expired. */
  auth?: boolean;
  signal?: AbortSignal;
}

let refreshing: Promise<boolean> | null = null;

/** Called when the session is gone for good (refresh refused): the console shows the sign-in page. */
let onSessionEnded: () => void = () => undefined;

export function whenSessionEnds(handler: () => void): void {
  onSessionEnded = handler;
}

export async function api<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  try {
    return await send<T>(method, path, options);
  } catch (error) {
    if (!options.auth || !(error instanceof ApiError) || error.code !== 'UNAUTHENTICATED') throw error;
    if (!(await refreshOnce())) {
      onSessionEnded();
      throw error;
    }
    return send<T>(method, path, options);
  }
}

/**
 * Refresh tokens are single use and a reused one ends the whole session (docs/api.md#sign-in-tokens-and-sessions), so parallel
 * requests that all meet an expired access token share one refresh.
 */
function refreshOnce(): Promise<boolean> {
  refreshing ??= refresh().finally(() => {
    refreshing = null;
  });
  return refreshing;
}

async function refresh(): Promise<boolean> {
  const tokens = tokenStore.read();
  if (tokens === null) return false;
  try {
    tokenStore.write(await send<Tokens>('POST', '/v1/auth/refresh', { body: { refreshToken: tokens.refreshToken } }));
    return true;
  } catch {
    tokenStore.clear();
    return false;
  }
}

async function send<T>(method: string, path: string, options: RequestOptions): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  // Fastify refuses an empty body announced as JSON, so the header goes only with a body.
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const accessToken = tokenStore.read()?.accessToken;
  if (options.auth && accessToken) headers.authorization = `Bearer ${accessToken}`;
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
      credentials: 'omit',
      cache: 'no-store',
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new NetworkError('The server could not be reached.');
  }
  if (response.status === 204) return undefined as T;
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) throw problem(response, body);
  return body as T;
}

function problem(response: Response, body: unknown): ApiError {
  const fields = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  const retryAfter = Number(response.headers.get('retry-after'));
  return new ApiError(
    response.status,
    typeof fields.code === 'string' ? fields.code : `HTTP_${response.status}`,
    typeof fields.detail === 'string' ? fields.detail : response.statusText,
    Array.isArray(fields.violations) ? (fields.violations as Violation[]) : [],
    Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : null,
  );
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

function isLoopback(hostname: string): boolean {
  return LOOPBACK_HOSTS.has(hostname) || hostname.endsWith('.localhost') || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname);
}

/**
 * Why a push endpoint (RFC 8935) cannot be used, or null when it can: an absolute `https` URL of at
 * most 2048 characters, without credentials or a fragment; `http` only for a loopback host unless
 * plain HTTP is allowed (SSF_ALLOW_HTTP_PUSH), since SETs and the authorization header would cross
 * the network in the clear.
 */
export function pushEndpointProblem(endpoint: string, allowHttp: boolean): string | null {
  if (endpoint.length > 2048) return 'must be at most 2048 characters';
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return 'must be an absolute http(s) URL';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'must be an absolute http(s) URL';
  if (url.username !== '' || url.password !== '') return 'must not carry a user name or password (use authorization_header)';
  if (url.hash !== '' || endpoint.includes('#')) return 'must not have a fragment';
  if (url.protocol === 'http:' && !allowHttp && !isLoopback(url.hostname)) {
    return 'must use https (http is accepted only for localhost unless SSF_ALLOW_HTTP_PUSH=true)';
  }
  return null;
}

import { isIP } from 'node:net';

/** `false`: the socket's address is the client's; a hop count; or the proxies' addresses/CIDRs. */
export type TrustProxy = false | number | string[];

const MAX_HOPS = 10;
// Names Fastify's proxy-addr knows for the loopback, link-local and unique-local ranges.
const RANGE_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);
const EVERY_HOP = "trusting every hop would let a client choose its own address (the rate-limit key and the audit trail's)";

function entryProblem(entry: string): string | null {
  if (RANGE_NAMES.has(entry)) return null;
  const [address, prefix, extra] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || extra !== undefined) return `"${entry}" is not an IP address or CIDR`;
  if (prefix === undefined) return null;
  const bits = /^\d{1,3}$/.test(prefix) ? Number(prefix) : NaN;
  if (!(bits >= 0 && bits <= (family === 4 ? 32 : 128))) return `"${entry}" has an invalid prefix length`;
  return bits === 0 ? `"${entry}" covers every address: ${EVERY_HOP}` : null;
}

/**
 * Reads TRUST_PROXY: `false` (or unset, or 0), a number of proxies in front of the API, or a
 * comma list of proxy addresses, CIDRs and the names loopback, linklocal, uniquelocal.
 * Returns the problem as a sentence when the value is refused.
 */
export function parseTrustProxy(raw: string | undefined): { value: TrustProxy } | string {
  const text = raw?.trim() ?? 'false';
  if (text === 'false') return { value: false };
  if (text === 'true')
    return `true is refused: ${EVERY_HOP}. Give the number of proxies in front of the API (for example 1) or their addresses/CIDRs`;
  if (/^\d+$/.test(text)) {
    const hops = Number(text);
    return hops <= MAX_HOPS ? { value: hops === 0 ? false : hops } : `a hop count must be from 0 to ${MAX_HOPS}`;
  }
  const entries = text.split(',').map((entry) => entry.trim());
  const problems = entries
    .map((entry) => (entry === '' ? 'an entry of the list is empty' : entryProblem(entry)))
    .filter((p): p is string => p !== null);
  if (problems.length > 0) return `${problems.join('; ')}. Give false, a hop count, or a comma list of proxy addresses/CIDRs`;
  return { value: entries };
}

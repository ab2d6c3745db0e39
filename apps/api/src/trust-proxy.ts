import type { AppConfig } from '#libs/platform';

type FastifyTrustProxy = false | string[] | ((address: string, hop: number) => boolean);

/**
 * TRUST_PROXY as Fastify's `trustProxy`. A bare number would trust nothing in Fastify 5, so a hop
 * count becomes a function: hop 0 is the socket's peer, hop 1 the last X-Forwarded-For entry, and
 * so on; the client is the first hop not trusted, so entries a client wrote itself are never read.
 */
export function fastifyTrustProxy(setting: AppConfig['TRUST_PROXY']): FastifyTrustProxy {
  if (typeof setting !== 'number') return setting;
  return (_address, hop) => hop < setting;
}

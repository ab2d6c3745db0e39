import { type NestFastifyApplication, RouteConfig } from '@nestjs/platform-fastify';
import type { FastifyRequest } from 'fastify';

const JSON_TYPE = 'application/json';
const FORM_TYPE = 'application/x-www-form-urlencoded';
/** Fastify never reads the body of these, so whatever it is labelled cannot reach a route. */
const BODYLESS_METHODS = new Set(['GET', 'HEAD', 'TRACE']);

interface FormBodyConfig {
  acceptsFormBody?: boolean;
}

/** Lets one route take an `application/x-www-form-urlencoded` body besides JSON (RFC 7662 introspection). */
export const AcceptsFormBody = (): MethodDecorator => RouteConfig({ acceptsFormBody: true } satisfies FormBodyConfig);

/** Fastify's own errors carry `statusCode`; the problem filter answers them by status (415 UNSUPPORTED_MEDIA_TYPE). */
class UnsupportedMediaTypeError extends Error {
  readonly statusCode = 415;
}

/** Content-Length 0 (or none, without Transfer-Encoding) is no content, whatever Content-Type says. */
function carriesContent(request: FastifyRequest): boolean {
  const { 'content-length': length, 'transfer-encoding': encoding } = request.headers;
  return encoding !== undefined || (length !== undefined && length !== '0');
}

function mediaType(request: FastifyRequest): string | undefined {
  return request.headers['content-type']?.split(';', 1)[0].trim().toLowerCase();
}

/**
 * Bodies are JSON only (docs/api.md#bodies-are-json-only). A browser posts an HTML form (urlencoded, multipart or text/plain)
 * to any origin without a CORS preflight, so every other media type is answered 415 before its body
 * is read: a form on another web site cannot sign in, request resets or drive anything else here.
 */
export function acceptJsonBodiesOnly(app: NestFastifyApplication): void {
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onRequest', (request, _reply, done) => {
      if (BODYLESS_METHODS.has(request.method) || !carriesContent(request)) return done();
      const type = mediaType(request);
      const formAllowed = (request.routeOptions.config as FormBodyConfig).acceptsFormBody === true;
      if (type === JSON_TYPE || (type === FORM_TYPE && formAllowed)) return done();
      done(new UnsupportedMediaTypeError(`The request body must be ${formAllowed ? `${JSON_TYPE} or ${FORM_TYPE}` : JSON_TYPE}.`));
    });
}

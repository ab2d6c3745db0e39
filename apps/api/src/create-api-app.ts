import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { Logger } from 'nestjs-pino';
import { acceptJsonBodiesOnly, type AppConfig, problem, ProblemDetailsFilter, serveQueueBoard, StrictValidationPipe } from '#libs/platform';
import { type ApiOptions, AppModule } from './app.module.js';
import { serveConsole } from './console-static.js';
import { useSecurityHeaders } from './security-headers.js';
import { fastifyTrustProxy } from './trust-proxy.js';

export const BODY_LIMIT_BYTES = 16 * 1024;

/** Builds the HTTP API (not yet listening): used by main.ts, by applications embedding Latchkey and by the end-to-end tests. */
export async function createApiApp(config: AppConfig, options: ApiOptions = {}): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    bodyLimit: BODY_LIMIT_BYTES,
    trustProxy: fastifyTrustProxy(config.TRUST_PROXY),
    return503OnClosing: false,
    // Long path parameters reach the routes, whose validation answers them; URLs the router
    // cannot even decode are answered here, before Nest, in the same problem format.
    routerOptions: { maxParamLength: 1_000 },
    frameworkErrors: (error: FastifyError, _request: FastifyRequest, reply: FastifyReply) => {
      const status = error.statusCode ?? 400;
      void reply
        .status(status)
        .header('content-type', 'application/problem+json')
        .send(problem(status === 414 ? 'VALIDATION_FAILED' : 'NOT_FOUND', 'The request URL is not valid.', {}, status));
    },
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config, options), adapter, {
    bufferLogs: true,
    abortOnError: false,
  });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  useSecurityHeaders(app);
  acceptJsonBodiesOnly(app);
  app.useGlobalFilters(app.get(ProblemDetailsFilter));
  app.useGlobalPipes(new StrictValidationPipe());
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Latchkey')
      .setDescription('Passwords, done right: policy, sign-in with lockout, reset by e-mail, change with session expiry.')
      .setVersion('0.1.0')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('docs', app, document);
  await serveConsole(app);
  await serveQueueBoard(app);
  return app;
}

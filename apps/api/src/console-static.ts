import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';

// Relative to the working directory (no __dirname: Jest runs this code as CommonJS, Node as ESM).
const COMPILED = join(process.cwd(), 'dist', 'console');
const STATIC = join(process.cwd(), 'apps', 'console', 'public');

/** The pages of the single-page console; the link of a reset e-mail (docs/api.md#password-reset-by-e-mail) opens the second one. */
const PAGES = ['/', '/reset-password'];

/**
 * Serves the web console from the API itself: its scripts and stylesheet under /console/ and its
 * one HTML page at the addresses a person opens. Everything comes from this origin, so the strict
 * Content-Security-Policy (script-src 'self') holds.
 */
export async function serveConsole(app: NestFastifyApplication): Promise<void> {
  // The Swagger UI registers @fastify/static too; only one of them may decorate the reply.
  await app.register(fastifyStatic, {
    root: [COMPILED, STATIC],
    prefix: '/console/',
    decorateReply: false,
    index: false,
    cacheControl: false,
  });
  const fastify = app.getHttpAdapter().getInstance();
  for (const url of PAGES) {
    fastify.get(url, async (_request, reply) => {
      const html = await readFile(join(STATIC, 'index.html'), 'utf8');
      return reply.header('content-type', 'text/html; charset=utf-8').header('cache-control', 'no-cache').send(html);
    });
  }
  // Browsers ask for it on their own at every first visit; a 404 there is noise in every log.
  fastify.get('/favicon.ico', async (_request, reply) => {
    const icon = await readFile(join(STATIC, 'favicon.ico'));
    return reply.header('content-type', 'image/x-icon').header('cache-control', 'public, max-age=86400').send(icon);
  });
}

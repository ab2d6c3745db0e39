import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter } from '@bull-board/fastify';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppConfig } from '../../../infrastructure/config/app-config.js';
import { redactSecretFields } from '../../../infrastructure/logging/redact-secret-fields.js';
import { MAIL_QUEUE, REVOCATION_QUEUE } from '../../../infrastructure/outbox/outbox.js';
import { QueueRegistry } from '../../../infrastructure/queue/queue-registry.js';
import { problem } from '../problem.js';
import { QueueBoardKey } from './queue-board-key.js';

export const QUEUE_BOARD_PATH = '/admin/queues';

/** Methods that change a queue or a job: refused when a browser says another site sent them. */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const SAME_ORIGIN = new Set(['same-origin', 'none']);

function refuse(reply: FastifyReply, status: number, code: string, detail: string): FastifyReply {
  return reply
    .status(status)
    .header('content-type', 'application/problem+json')
    .send(problem(code, detail, {}, status));
}

/**
 * Bull Board (docs/operations.md#queue-board) at /admin/queues, behind the administration key: every
 * queue this process knows, with job data shown through `redactSecretFields` (a waiting mail job
 * still carries its reset link; the stored job is untouched). A browser signs in with HTTP Basic
 * (any user name, the key as password); scripts may send `Authorization: Bearer {ADMIN_API_KEY}`.
 *
 * Registered as a Fastify plugin of its own, whose request hook guards every route of the board
 * (page, assets and JSON API) before Bull Board sees the request.
 */
export async function serveQueueBoard(app: NestFastifyApplication): Promise<void> {
  const key = new QueueBoardKey(app.get(AppConfig).ADMIN_API_KEY);
  const registry = app.get(QueueRegistry);
  const serverAdapter = new FastifyAdapter().setBasePath(QUEUE_BOARD_PATH);
  const board = createBullBoard({ queues: [], serverAdapter, options: { uiConfig: { boardTitle: 'Latchkey' } } });
  const shown = new Set<string>();

  // The outbox's own queues are there from the start; any other (an extension's) once this process has used it.
  registry.get(MAIL_QUEUE);
  registry.get(REVOCATION_QUEUE);
  const showNewQueues = (): void => {
    for (const name of registry.names().filter((name) => !shown.has(name))) {
      const adapter = new BullMQAdapter(registry.get(name));
      adapter.setFormatter('data', redactSecretFields);
      adapter.setFormatter('returnValue', redactSecretFields);
      board.addQueue(adapter);
      shown.add(name);
    }
  };

  await app.register(
    async (scope: FastifyInstance) => {
      scope.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
        if (!key.matches(request.headers.authorization)) {
          reply.header('www-authenticate', 'Basic realm="Latchkey queues", charset="UTF-8"');
          return refuse(reply, 401, 'UNAUTHENTICATED', `${QUEUE_BOARD_PATH} needs the administration key (HTTP Basic password or Bearer).`);
        }
        const site = request.headers['sec-fetch-site'];
        if (!SAFE_METHODS.has(request.method) && typeof site === 'string' && !SAME_ORIGIN.has(site)) {
          return refuse(reply, 403, 'FORBIDDEN', 'Changes to queues are accepted from the queue board itself only.');
        }
        showNewQueues();
      });
      await scope.register(serverAdapter.registerPlugin());
    },
    { prefix: QUEUE_BOARD_PATH },
  );
}

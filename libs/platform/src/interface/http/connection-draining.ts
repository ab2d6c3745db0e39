import { type BeforeApplicationShutdown, Injectable, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';

interface HookableServer {
  addHook(
    name: 'onSend',
    hook: (request: unknown, reply: { header(name: string, value: string): unknown }, payload: unknown, done: () => void) => void,
  ): void;
}

/**
 * On shutdown the HTTP server stops accepting and waits for in-flight requests — but a
 * keep-alive connection that was busy at that moment would then idle for its whole keep-alive
 * timeout and hold the process. Answers sent while shutting down therefore close their connection.
 */
@Injectable()
export class ConnectionDraining implements OnModuleInit, BeforeApplicationShutdown {
  private draining = false;

  constructor(private readonly adapterHost: HttpAdapterHost) {}

  onModuleInit(): void {
    const server = this.adapterHost.httpAdapter?.getInstance<HookableServer>();
    server?.addHook('onSend', (_request, reply, _payload, done) => {
      if (this.draining) reply.header('connection', 'close');
      done();
    });
  }

  beforeApplicationShutdown(): void {
    this.draining = true;
  }
}

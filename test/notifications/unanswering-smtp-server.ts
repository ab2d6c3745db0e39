import type { Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/**
 * An SMTP server that takes a whole message and then never answers it — the moment a worker
 * can die with its e-mail neither refused nor accepted. Closing it drops the connections
 * unanswered, so nothing it took counts as delivered.
 */
export class UnansweringSmtpServer {
  received = 0;
  private readonly sockets = new Set<Socket>();
  private readonly server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData: (stream) => {
      stream.on('data', () => undefined);
      stream.on('end', () => this.received++);
    },
  });

  static async start(): Promise<UnansweringSmtpServer> {
    const server = new UnansweringSmtpServer();
    server.server.server.on('connection', (socket: Socket) => {
      server.sockets.add(socket);
      socket.on('close', () => server.sockets.delete(socket));
    });
    await new Promise<void>((resolve) => server.server.listen(0, '127.0.0.1', resolve));
    return server;
  }

  get url(): string {
    return `smtp://127.0.0.1:${(this.server.server.address() as AddressInfo).port}`;
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

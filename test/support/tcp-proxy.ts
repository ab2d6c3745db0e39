import { createConnection, createServer, type Server, type Socket } from 'node:net';
import { allocatePort, trackCloser } from './child-processes.js';

/**
 * A loopback TCP proxy in front of `127.0.0.1:targetPort`, to cut the network between the code
 * under test and a server (a partition) without touching the server: `cut()` drops every open
 * connection and refuses new ones (accepted, then closed at once) until `restore()`. The harness
 * closes it when the test file ends, if the test has not.
 */
export class TcpProxy {
  private readonly sockets = new Set<Socket>();
  private isCut = false;
  private readonly close: () => Promise<void>;

  private constructor(
    private readonly server: Server,
    readonly port: number,
    readonly targetPort: number,
  ) {
    server.on('connection', (client) => this.accept(client));
    this.close = trackCloser(() => this.shutDown());
  }

  static async start(targetPort: number): Promise<TcpProxy> {
    const port = await allocatePort();
    const server = createServer();
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
    return new TcpProxy(server, port, targetPort);
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  /** Open client connections (each has its upstream twin). */
  get connections(): number {
    return this.sockets.size / 2;
  }

  get cutOff(): boolean {
    return this.isCut;
  }

  /** Destroys every open connection; new ones are closed as soon as they are accepted, until `restore()`. */
  cut(): void {
    this.isCut = true;
    for (const socket of this.sockets) socket.destroy();
    this.sockets.clear();
  }

  restore(): void {
    this.isCut = false;
  }

  /** Stops listening and destroys every open connection. */
  async stop(): Promise<void> {
    await this.close();
  }

  private accept(client: Socket): void {
    if (this.isCut) {
      client.destroy();
      return;
    }
    const upstream = createConnection({ host: '127.0.0.1', port: this.targetPort });
    for (const socket of [client, upstream]) {
      this.sockets.add(socket);
      socket.setNoDelay(true);
      // Either side failing or closing ends both: the client sees what it would see of the server.
      socket.on('error', () => undefined);
      socket.on('close', () => {
        this.sockets.delete(socket);
        client.destroy();
        upstream.destroy();
      });
    }
    client.pipe(upstream);
    upstream.pipe(client);
  }

  private async shutDown(): Promise<void> {
    this.isCut = true;
    for (const socket of this.sockets) socket.destroy();
    this.sockets.clear();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

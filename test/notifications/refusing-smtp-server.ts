import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/** An SMTP server that refuses every recipient for good (550), counting the refusals. */
export class RefusingSmtpServer {
  refused = 0;
  private readonly server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo: (_address, _session, callback) => {
      this.refused++;
      callback(Object.assign(new Error('Mailbox unavailable'), { responseCode: 550 }));
    },
  });

  static async start(): Promise<RefusingSmtpServer> {
    const server = new RefusingSmtpServer();
    await new Promise<void>((resolve) => server.server.listen(0, '127.0.0.1', resolve));
    return server;
  }

  get url(): string {
    return `smtp://127.0.0.1:${(this.server.server.address() as AddressInfo).port}`;
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

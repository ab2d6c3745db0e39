import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { SMTPServer } from 'smtp-server';

export interface Receipt {
  at: number;
  subject: string;
}

/** An in-process SMTP server on loopback that notes when each recipient's message has fully arrived. */
export class SmtpSink {
  private readonly receipts = new Map<string, Receipt[]>();
  private readonly server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData: (stream, session, callback) => {
      let head = '';
      stream.on('data', (chunk: Buffer) => {
        if (head.length < 8_192) head += chunk.toString('utf8');
      });
      stream.on('end', () => {
        const at = performance.now();
        const subject = /^Subject: (.*)$/im.exec(head)?.[1] ?? '';
        for (const { address } of session.envelope.rcptTo) {
          const key = address.toLowerCase();
          this.receipts.set(key, [...(this.receipts.get(key) ?? []), { at, subject }]);
        }
        callback();
      });
    },
  });

  static async start(): Promise<SmtpSink> {
    const sink = new SmtpSink();
    await new Promise<void>((resolve) => sink.server.listen(0, '127.0.0.1', resolve));
    return sink;
  }

  get url(): string {
    return `smtp://127.0.0.1:${(this.server.server.address() as AddressInfo).port}`;
  }

  /** The first message to `address` that arrived at or after `since` (performance.now() time). */
  receivedSince(address: string, since: number): Receipt | undefined {
    return this.receipts.get(address.toLowerCase())?.find((receipt) => receipt.at >= since);
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

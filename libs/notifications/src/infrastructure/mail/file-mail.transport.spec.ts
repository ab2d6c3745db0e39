import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Logger } from '@nestjs/common';
import { simpleParser } from 'mailparser';
import { loadConfig } from '#libs/platform';
import { FileMailTransport } from './file-mail.transport.js';

const MESSAGE = {
  to: 'ada@example.com',
  subject: 'Réinitialiser / 비밀번호 재설정',
  text: 'Open http://localhost:3000/reset-password#token=SECRET-TOKEN',
  html: '<p><a href="http://localhost:3000/reset-password#token=SECRET-TOKEN">Reset</a></p>',
  idempotencyKey: '0b9f6a2e-4d0c-4e55-9f1a-7d3c2b1a0e9f',
};

describe('FileMailTransport', () => {
  let root: string;
  let directory: string;
  let transport: FileMailTransport;

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'latchkey-file-mail-'));
    directory = join(root, 'not', 'yet', 'there');
    transport = new FileMailTransport(loadConfig({ MAIL_DIR: directory, MAIL_FROM: 'Latchkey <no-reply@latchkey.test>' }));
  });
  afterEach(() => {
    jest.restoreAllMocks();
    rmSync(root, { recursive: true, force: true });
  });

  it('writes a parseable .eml file into MAIL_DIR, creating the folder', async () => {
    const receipt = await transport.send(MESSAGE);

    expect(receipt.location).toBe(join(directory, `${MESSAGE.idempotencyKey}.eml`));
    const mail = await simpleParser(readFileSync(receipt.location!));
    expect(mail.subject).toBe(MESSAGE.subject);
    expect(mail.from?.value).toEqual([{ name: 'Latchkey', address: 'no-reply@latchkey.test' }]);
    expect([mail.to].flat().map((to) => to?.text)).toEqual(['ada@example.com']);
    expect(mail.text?.trim()).toBe(MESSAGE.text);
    expect(mail.html).toBe(MESSAGE.html);
    expect(mail.messageId).toBe(`<${MESSAGE.idempotencyKey}@latchkey.test>`);
    expect(receipt.messageId).toBe(mail.messageId);
  });

  it('replaces the file when the same job is written again, leaving nothing partial behind', async () => {
    await transport.send(MESSAGE);
    await transport.send(MESSAGE);
    expect(readdirSync(directory)).toEqual([`${MESSAGE.idempotencyKey}.eml`]);
  });

  it('logs where the message went, never what it says', async () => {
    const log = jest.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined);
    const { location } = await transport.send(MESSAGE);
    const logged = JSON.stringify(log.mock.calls);
    expect(logged).toContain(location);
    expect(logged).not.toContain('SECRET-TOKEN');
  });
});

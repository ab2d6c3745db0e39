import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplicationContext } from '@nestjs/common';
import { simpleParser } from 'mailparser';
import { AppConfig } from '#libs/platform';
import { createWorkerApp } from '../../apps/worker/src/create-worker-app.js';
import { TestStack } from '../support/test-stack.js';
import { eventually } from '../support/eventually.js';
import { commitMailJob, linkJob } from './mail-outbox.js';

describe('mail with no SMTP server configured', () => {
  let stack: TestStack;
  let worker: INestApplicationContext;
  const mailDir = join(mkdtempSync(join(tmpdir(), 'latchkey-eml-')), 'mail');

  beforeAll(async () => {
    stack = await TestStack.start({ worker: false });
    worker = await createWorkerApp(Object.assign(new AppConfig(), stack.config, { SMTP_URL: '', MAIL_DIR: mailDir }));
  });
  afterAll(async () => {
    await worker.close();
    await stack.close();
  });

  it('writes each e-mail as an .eml file in MAIL_DIR that a mail client can open', async () => {
    const payload = linkJob('eml@example.com');
    const id = await commitMailJob(stack.api, 'password-reset', payload);

    // MAIL_DIR does not exist before the first e-mail: the worker creates it. A message is written to a
    // temporary name and renamed when complete, so wait for the finished file, then check nothing else is left.
    const finished = () => (existsSync(mailDir) ? readdirSync(mailDir).filter((name) => name.endsWith('.eml')) : []);
    const [file] = await eventually(async () => (finished().length > 0 ? finished() : undefined), 'a mail file to be written');
    expect(file).toBe(`${id}.eml`);
    expect(readdirSync(mailDir)).toEqual([file]);
    const mail = await simpleParser(readFileSync(join(mailDir, file)));
    expect(mail.subject).toBe('Reset your Acme Corp password');
    expect(mail.text).toContain(payload.link);
    expect(stack.mail.messages).toHaveLength(0);
  });
});

import 'reflect-metadata';
import { createWorkerApp } from '#apps/worker';
import { runEntryPoint } from '#libs/platform';
import { HttpApiMailTransport } from './http-api-mail.transport.js';

// ACME's worker: Latchkey's, sending mail through ACME's mail API instead of SMTP. Same settings as
// `npm run start:worker`, plus ACME_MAIL_API_URL and ACME_MAIL_API_KEY.
await runEntryPoint('worker', async (config) => {
  const endpoint = process.env.ACME_MAIL_API_URL;
  const apiKey = process.env.ACME_MAIL_API_KEY;
  if (!endpoint || !apiKey) throw new Error('Set ACME_MAIL_API_URL and ACME_MAIL_API_KEY.');
  return createWorkerApp(config, { mailTransport: new HttpApiMailTransport(endpoint, apiKey) });
});

import { randomBytes } from 'node:crypto';
import type { Page } from 'playwright-core';
import { strongPassword } from '../support/fixtures.js';
import type { TestStack } from '../support/test-stack.js';

export interface ConsoleAccount {
  organization: string;
  email: string;
  password: string;
}

export { strongPassword } from '../support/fixtures.js';

/** An organization and an account in it, made through the administration API (docs/api.md#administration). */
export async function createAccount(stack: TestStack): Promise<ConsoleAccount> {
  const admin = `Bearer ${stack.config.ADMIN_API_KEY}`;
  const organization = `console-${randomBytes(4).toString('hex')}`;
  await stack
    .http()
    .post('/v1/organizations')
    .set('authorization', admin)
    .send({ name: organization, displayName: 'Console Test Org' })
    .expect(201);
  const email = `person-${randomBytes(3).toString('hex')}@example.com`;
  const password = strongPassword();
  await stack.http().post(`/v1/organizations/${organization}/accounts`).set('authorization', admin).send({ email, password }).expect(201);
  return { organization, email, password };
}

/** The reset link of the newest e-mail to `email`, as the person would click it. */
export async function resetLinkFrom(stack: TestStack, email: string, count: number): Promise<string> {
  const mails = await stack.mail.waitFor(email, count);
  const link = /https?:\/\/\S+\/reset-password#token=[^\s"<>]+/.exec(mails[count - 1].text)?.[0];
  if (!link) throw new Error(`no reset link in the mail "${mails[count - 1].subject}"`);
  return link;
}

/** The two sign-in steps, as a person does them. */
export async function signIn(page: Page, baseUrl: string, account: ConsoleAccount, password = account.password): Promise<void> {
  await page.goto(`${baseUrl}/`);
  await page.getByLabel('Organization name').fill(account.organization);
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByLabel('E-mail').fill(account.email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

import { ConsoleHarness } from './console-browser.js';
import type { Locator } from 'playwright-core';
import { type ConsoleAccount, createAccount, resetLinkFrom, strongPassword } from './console-fixtures.js';

describe('console: forgotten password, from the sign-in page to signing in with the new one', () => {
  let harness: ConsoleHarness;
  let account: ConsoleAccount;

  beforeAll(async () => {
    harness = await ConsoleHarness.start();
    account = await createAccount(harness.stack);
  });
  afterAll(() => harness?.close());

  /** A first visit: nothing remembered in this browser from another test (a session, an organization). */
  async function forgetEverything(): Promise<void> {
    await harness.page.goto(`${harness.baseUrl}/`);
    await harness.page.evaluate('localStorage.clear(); sessionStorage.clear()');
  }

  it('serves the console from the API itself, under a strict Content-Security-Policy', async () => {
    await forgetEverything();
    const response = await harness.page.goto(`${harness.baseUrl}/`);
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
    await expect(harness.page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Sign in');
    await harness.screenshot('01-sign-in-organization');
  });

  it('walks the whole reset story through the e-mail', async () => {
    const { page, baseUrl, stack } = harness;
    await forgetEverything();
    await page.goto(`${baseUrl}/`);
    await page.getByLabel('Organization name').fill(account.organization);
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByLabel('E-mail').fill(account.email);
    await harness.screenshot('02-sign-in-credentials');
    await page.getByRole('button', { name: 'Reset password' }).click();

    await page.getByRole('heading', { name: 'Reset password' }).waitFor();
    expect(await page.getByLabel('E-mail').inputValue()).toBe(account.email);
    await harness.screenshot('03-reset-request');
    await page.getByRole('button', { name: 'Send password reset e-mail' }).click();
    await page.getByRole('heading', { name: 'Check your e-mail' }).waitFor();
    const confirmation = await page.getByRole('status').first().textContent();
    await harness.screenshot('04-reset-requested');

    const link = await resetLinkFrom(stack, account.email, 1);
    expect(link.startsWith(`${baseUrl}/reset-password#token=`)).toBe(true);
    await page.goto(link);
    await page.getByRole('heading', { name: 'Choose a new password' }).waitFor();
    expect(page.url()).toBe(`${baseUrl}/reset-password`);

    const newPassword = page.getByLabel('New password', { exact: true });
    await newPassword.pressSequentially('abc123', { delay: 20 });
    const rule = (code: string) => page.locator(`li[data-rule="${code}"]`);
    await expect(waitForState(rule('SEQUENTIAL'), 'broken')).resolves.toBe('broken');
    expect(await rule('MISSING_LOWERCASE').getAttribute('data-state')).toBe('met');
    expect(await rule('MISSING_UPPERCASE').getAttribute('data-state')).toBe('broken');
    await harness.screenshot('05-reset-password-feedback');

    const chosen = strongPassword();
    await newPassword.fill(chosen);
    await expect(waitForState(rule('SEQUENTIAL'), 'met')).resolves.toBe('met');
    await page.getByLabel('New password again').fill(`${chosen}x`);
    await page.getByRole('button', { name: 'Reset password' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toContain('not the same');

    await page.getByLabel('New password again').fill(chosen);
    await page.getByRole('button', { name: 'Reset password' }).click();
    await page.getByText('Your password has been reset. Sign in with your new password.').waitFor();
    await harness.screenshot('06-reset-done-sign-in');

    await page.getByLabel('E-mail').fill(account.email);
    await page.getByLabel('Password', { exact: true }).fill(chosen);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Account information' }).waitFor();
    await page.getByText(account.email, { exact: true }).waitFor();

    // The same confirmation for an e-mail that has no account (docs/guarantees.md#failures-that-answer-alike).
    await page.evaluate('sessionStorage.clear()');
    await page.goto(`${baseUrl}/#/forgot`);
    await page.getByLabel('E-mail').fill('nobody-here@example.com');
    await page.getByRole('button', { name: 'Send password reset e-mail' }).click();
    await page.getByRole('heading', { name: 'Check your e-mail' }).waitFor();
    expect((await page.getByRole('status').first().textContent())?.replace('nobody-here@example.com', account.email)).toBe(confirmation);

    // A spent link says so and offers a new e-mail.
    await page.goto(link);
    await page.getByRole('heading', { name: 'This link can no longer be used' }).waitFor();
    await page.getByRole('button', { name: 'Send a new password reset e-mail' }).waitFor();
    await harness.screenshot('07-reset-link-used');
  });

  it('on another device: asks for the organization once, and drops a refusal once the person types again', async () => {
    const { page, stack } = harness;
    const other = await createAccount(stack);
    await stack.http().post('/v1/password-resets').send({ organization: other.organization, email: other.email }).expect(202);
    const link = await resetLinkFrom(stack, other.email, 1);
    // Another device: nothing remembered from this browser's earlier visits.
    await forgetEverything();
    await page.goto(link);
    await page.getByRole('heading', { name: 'Choose a new password' }).waitFor();
    await page.getByLabel('Organization name').fill(other.organization);
    await page.getByLabel('Organization name').press('Tab');
    const rule = (code: string) => page.locator(`li[data-rule="${code}"]`);
    await rule('SEQUENTIAL').waitFor();

    await page.getByLabel('New password', { exact: true }).fill('abc');
    await page.getByLabel('New password again').fill('abc');
    await page.getByRole('button', { name: 'Reset password' }).click();
    const alert = page.getByRole('alert');
    await expect(alert.textContent()).resolves.toContain('The new password breaks');

    const chosen = strongPassword();
    await page.getByLabel('New password', { exact: true }).fill(chosen);
    await expect(waitForState(rule('SEQUENTIAL'), 'met')).resolves.toBe('met');
    await expect(page.locator('.rules-summary').textContent()).resolves.toBe('The password meets every rule checked so far.');
    expect(await page.getByText(/The new password breaks/).count()).toBe(0);

    await page.getByLabel('New password again').fill(chosen);
    await page.getByRole('button', { name: 'Reset password' }).click();
    await page.getByText('Your password has been reset. Sign in with your new password.').waitFor();
    expect(await page.getByLabel('Organization name').count()).toBe(0);
    await page.getByText(other.organization, { exact: true }).waitFor();
    await page.getByLabel('E-mail').fill(other.email);
    await page.getByLabel('Password', { exact: true }).fill(chosen);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Account information' }).waitFor();
  });

  it('serves the icon browsers ask for at /favicon.ico', async () => {
    const icon = await harness.stack.http().get('/favicon.ico').buffer(true).expect(200);
    expect(icon.headers['content-type']).toBe('image/x-icon');
    expect((icon.body as Buffer).subarray(0, 4)).toEqual(Buffer.from([0, 0, 1, 0]));
    const failed: string[] = [];
    harness.page.on('response', (response) => {
      if (response.status() >= 400 && !new URL(response.url()).pathname.startsWith('/v1/')) failed.push(response.url());
    });
    await harness.page.goto(`${harness.baseUrl}/`);
    await harness.page.getByRole('heading', { level: 1 }).waitFor();
    await harness.page.waitForTimeout(500);
    expect(failed).toEqual([]);
  });

  it('makes no request to any other origin', async () => {
    // Whatever the tests before it did in this browser, and at least the console loaded here.
    await harness.page.goto(`${harness.baseUrl}/`);
    await harness.page.getByRole('heading', { level: 1 }).waitFor();
    expect(harness.browserRequests.filter((url) => url.startsWith(`${harness.baseUrl}/`)).length).toBeGreaterThan(1);
    const foreign = harness.browserRequests.filter((url) => !url.startsWith(harness.baseUrl));
    expect(foreign).toEqual([]);
  });
});

/** Waits for the live rule feedback (debounced, from the server) to settle on `state`. */
async function waitForState(rule: Locator, state: string): Promise<string | null> {
  await rule.and(rule.page().locator(`[data-state="${state}"]`)).waitFor();
  return rule.getAttribute('data-state');
}

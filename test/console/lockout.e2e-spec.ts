import { ConsoleHarness } from './console-browser.js';
import { type ConsoleAccount, createAccount, resetLinkFrom, strongPassword } from './console-fixtures.js';

describe('console: lockout after five wrong passwords, and recovery by reset', () => {
  let harness: ConsoleHarness;
  let account: ConsoleAccount;

  beforeAll(async () => {
    harness = await ConsoleHarness.start();
    account = await createAccount(harness.stack);
  });
  afterAll(() => harness?.close());

  async function attempt(password: string): Promise<string> {
    const { page } = harness;
    await page.getByLabel('Password', { exact: true }).fill(password);
    const answered = page.waitForResponse((response) => response.url().endsWith('/v1/auth/sign-in'));
    await page.getByRole('button', { name: 'Sign in' }).click();
    await answered;
    // The button is enabled again once the console has shown what the answer means.
    await page.getByRole('button', { name: 'Sign in' }).and(page.locator(':enabled')).waitFor();
    return (await page.getByRole('alert').textContent()) ?? '';
  }

  it('says which way a sign-in failed, locks after the fifth wrong password, and recovers through the e-mailed link', async () => {
    const { page, baseUrl, stack } = harness;
    // This address's sign-in budget unspent and the page signed out, whatever a test before it left.
    await stack.deleteRedisKeys('throttle:*');
    await page.goto(`${baseUrl}/`);
    await page.evaluate('sessionStorage.clear()');
    await page.goto(`${baseUrl}/`);
    await page.getByLabel('Organization name').fill(account.organization);
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByLabel('E-mail').fill(account.email);

    for (let failure = 1; failure <= 4; failure += 1) {
      expect(await attempt(`Wrong-${failure}-Pw!Zx`)).toContain('The organization name, e-mail or password is not correct.');
      if (failure === 1) await harness.screenshot('08-sign-in-wrong-password');
    }
    expect(await attempt('Wrong-5-Pw!Zx')).toContain('must be reset before you can sign in');
    await harness.screenshot('09-sign-in-locked');
    // Locked: even the right password is refused until a reset.
    expect(await attempt(account.password)).toContain('must be reset before you can sign in');

    const lockMailLink = await resetLinkFrom(stack, account.email, 1);
    await page.getByRole('alert').getByRole('button', { name: 'Reset password' }).click();
    await page.getByRole('heading', { name: 'Reset password' }).waitFor();
    expect(await page.getByLabel('E-mail').inputValue()).toBe(account.email);
    await page.getByRole('button', { name: 'Send password reset e-mail' }).click();
    await page.getByRole('heading', { name: 'Check your e-mail' }).waitFor();

    await page.goto(lockMailLink);
    await page.getByRole('heading', { name: 'Choose a new password' }).waitFor();
    const chosen = strongPassword();
    await page.getByLabel('New password', { exact: true }).fill(chosen);
    await page.getByLabel('New password again').fill(chosen);
    await page.getByRole('button', { name: 'Reset password' }).click();
    await page.getByText('Your password has been reset.').waitFor();

    await page.getByLabel('E-mail').fill(account.email);
    await page.getByLabel('Password', { exact: true }).fill(chosen);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Account information' }).waitFor();
  });

  it('tells a rate-limited person how long to wait', async () => {
    // The real per-address limit (30 sign-ins a minute): use it up from this address, then try in the console.
    const { page, baseUrl } = harness;
    // On the console's own origin, whatever page the test before it left open (or none).
    await page.goto(`${baseUrl}/`);
    await page.evaluate('sessionStorage.clear()');
    for (let i = 0; i < 30; i++) {
      await harness.stack
        .http()
        .post('/v1/auth/sign-in')
        .send({ organization: 'no-such-org', email: 'nobody@example.com', password: 'Whatever-Pw!Zx7' });
    }
    await page.goto(`${baseUrl}/`);
    await page.getByLabel('Organization name').fill(account.organization);
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByLabel('E-mail').fill(account.email);
    expect(await attempt('Whatever-Pw!Zx7')).toMatch(/Too many attempts from this address\. Try again in (\d+ seconds?|1 minute)\./);
    await harness.screenshot('10-sign-in-rate-limited');
  });
});

import { ConsoleHarness } from './console-browser.js';
import { type ConsoleAccount, createAccount, signIn, strongPassword } from './console-fixtures.js';

describe('console: account information, and a password change that expires every session and token', () => {
  let harness: ConsoleHarness;
  let account: ConsoleAccount;

  beforeAll(async () => {
    harness = await ConsoleHarness.start();
    account = await createAccount(harness.stack);
  });
  afterAll(() => harness?.close());

  async function createToken(name: string): Promise<string> {
    const { page } = harness;
    await page.getByLabel('Token name').fill(name);
    await page.getByRole('button', { name: 'Create token' }).click();
    await page.getByRole('heading', { name: `New token "${name}"` }).waitFor();
    const secret = await page.getByLabel('Token', { exact: true }).inputValue();
    await page.locator('tr', { hasText: name }).waitFor();
    return secret;
  }

  it('lists sessions and tokens, revokes one token, and after a change with the checkbox the API refuses the other', async () => {
    const { page, baseUrl, stack } = harness;
    const me = (bearer: string) => stack.http().get('/v1/me').set('authorization', `Bearer ${bearer}`);
    const elsewhere = await stack.http().post('/v1/auth/sign-in').send(account).expect(200);

    // Signed out first, whatever session another test left in the page.
    await page.goto(`${baseUrl}/`);
    await page.evaluate('sessionStorage.clear()');
    await signIn(page, baseUrl, account);
    await page.getByRole('heading', { name: 'Account information' }).waitFor();
    await page.locator('tr', { hasText: 'This session' }).waitFor();
    expect(await page.locator('tr[data-session]').count()).toBe(2);

    const integration = await createToken('deploy script');
    expect(integration).toMatch(/^lk_/);
    await harness.screenshot('11-account-token-created');
    await page.getByRole('button', { name: 'Copy' }).click();
    await page.getByText(/Copied to the clipboard|The token is selected/).waitFor();
    await page.getByRole('button', { name: 'Done' }).click();
    const doomed = await createToken('old laptop');
    await page.getByRole('button', { name: 'Done' }).click();
    await me(integration).expect(200);
    await me(doomed).expect(200);

    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: 'Revoke token old laptop' }).click();
    await page.getByText('The token "old laptop" has been revoked.').waitFor();
    await me(doomed).expect(401);
    await me(integration).expect(200);

    const otherSession = page.locator('tr[data-session]', { hasNotText: 'This session' });
    await otherSession.getByRole('button', { name: /End session/ }).click();
    await page.getByText('The session has ended.').waitFor();
    await me(elsewhere.body.accessToken).expect(401);
    await harness.screenshot('12-account-information');

    const changed = strongPassword();
    await page.getByLabel('Current password').fill(account.password);
    await page.getByLabel('New password', { exact: true }).fill(changed);
    await page.getByLabel('New password again').fill(changed);
    const expire = page.getByLabel('Expire sign-in session and tokens');
    expect(await expire.getAttribute('aria-describedby')).toBeTruthy();
    await page.getByText('This action cannot be undone.').waitFor();
    await expire.check();
    await page.locator('li[data-rule="LENGTH"][data-state="met"]').first().waitFor();
    await harness.screenshot('13-change-password-expire');
    await page.getByRole('button', { name: 'Change' }).click();

    await page
      .getByText('Your password has been changed. Every other session and every token, API tokens included, has been expired.')
      .waitFor();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Sign in');
    await harness.screenshot('14-changed-sign-in-again');
    await me(integration).expect(401);

    await page.getByLabel('Password', { exact: true }).fill(account.password);
    await page.getByLabel('E-mail').fill(account.email);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('The organization name, e-mail or password is not correct.').waitFor();
    await page.getByLabel('Password', { exact: true }).fill(changed);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Account information' }).waitFor();
    await stack.mail.waitFor(account.email, 1);
  });

  it('refuses a wrong current password without signing out', async () => {
    // Its own account and session, signed in here: nothing left open by the test before it.
    const { page, baseUrl, stack } = harness;
    const own = await createAccount(stack);
    await page.goto(`${baseUrl}/`);
    await page.evaluate('sessionStorage.clear()');
    await signIn(page, baseUrl, own);
    await page.getByRole('heading', { name: 'Account information' }).waitFor();
    await page.getByLabel('Current password').fill('Not-the-Pw!Zx7');
    const changed = strongPassword();
    await page.getByLabel('New password', { exact: true }).fill(changed);
    await page.getByLabel('New password again').fill(changed);
    await page.getByRole('button', { name: 'Change' }).click();
    await page.getByText('The current password is not correct.').waitFor();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Account information');
  });
});

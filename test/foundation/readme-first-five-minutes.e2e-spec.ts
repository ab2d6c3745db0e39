import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { chromium } from 'playwright-core';
import { createTestDatabase } from '../support/test-database.js';
import { freePort, ServiceProcess } from '../support/service-process.js';

/**
 * README.md's "The first five minutes", as a newcomer follows it: `npm start` (dist/scripts/start.js),
 * then the curl lines of its shell block AS WRITTEN, one after another in one bash, then the console
 * in a browser with the account they made. The only change: the README's base URL
 * http://localhost:3000 becomes this instance's port, since port 3000 may be taken on a machine that
 * runs tests. With UPDATE_CONSOLE_SCREENSHOTS=1 the signed-in console is saved as
 * docs/console/screenshot.png, the picture the README shows.
 */
const README_BASE_URL = 'http://localhost:3000';
const SECTION = '### The first five minutes';

function firstFiveMinutesCommands(): string[] {
  const readme = readFileSync('README.md', 'utf8');
  const section = readme.slice(readme.indexOf(SECTION));
  expect(section.length).toBeGreaterThan(SECTION.length);
  const block = /```sh\n([\s\S]*?)\n```/.exec(section)?.[1] ?? '';
  return block.split('\n').filter((line) => line.trim() !== '' && !line.trim().startsWith('#'));
}

/** Runs `lines` in one bash, in order (a later line may use a variable an earlier one set); each line's output and exit status. */
function runInBash(lines: string[]): Array<{ line: string; output: string; status: number }> {
  const marker = `__line_done_${randomBytes(4).toString('hex')}`;
  const script = lines.map((line) => `${line}\nprintf '\\n${marker} %d\\n' $?`).join('\n');
  const run = spawnSync('bash', ['-c', script], {
    encoding: 'utf8',
    env: { PATH: `${dirname(process.execPath)}:${process.env.PATH ?? ''}`, HOME: tmpdir() },
    timeout: 60_000,
  });
  const parts = run.stdout.split(new RegExp(`\\n${marker} (\\d+)\\n`));
  return lines.map((line, index) => ({ line, output: parts[index * 2] ?? '', status: Number(parts[index * 2 + 1] ?? -1) }));
}

describe("README's first five minutes", () => {
  let start: ServiceProcess;
  let baseUrl: string;

  beforeAll(async () => {
    const port = await freePort();
    baseUrl = `http://localhost:${port}`;
    start = ServiceProcess.run('dist/scripts/start.js', {
      PORT: String(port),
      WORKER_PORT: '0',
      DATABASE_URL: await createTestDatabase(),
      QUEUE_PREFIX: `lkt-readme-${randomBytes(3).toString('hex')}`,
      MAIL_DIR: mkdtempSync(join(tmpdir(), 'latchkey-readme-mail-')),
    });
    await start.waitForLog(/Ctrl-C stops the API and the worker\./, 90_000);
  }, 120_000);
  afterAll(() => start?.stop());

  it('creates an organization and an account, signs in and calls /v1/me with the curl lines as written', () => {
    const commands = firstFiveMinutesCommands();
    expect(commands).toHaveLength(4);
    for (const command of commands) expect(command).toContain(README_BASE_URL);
    expect(start.log).toContain('Admin key    dev-admin-key-change-me');

    const results = runInBash(commands.map((command) => command.replaceAll(README_BASE_URL, baseUrl)));
    for (const { line, status } of results) expect({ line, status }).toEqual({ line, status: 0 });
    const [organization, account, signIn, me] = results.map((result) => result.output);
    expect(JSON.parse(organization)).toMatchObject({ name: 'acme', displayName: 'Acme Corp' });
    expect(JSON.parse(account)).toMatchObject({ email: 'ada@example.com', organization: 'acme' });
    expect(signIn).toBe('');
    expect(JSON.parse(me)).toMatchObject({ id: JSON.parse(account).id, email: 'ada@example.com', organization: 'acme' });
  });

  it('lets the person sign in to the console as the README says', async () => {
    const readme = readFileSync('README.md', 'utf8');
    const signInAs = /open http:\/\/localhost:3000 and sign in as organization `([^`]+)`, e-mail `([^`]+)`,\s+password `([^`]+)`/.exec(
      readme,
    );
    expect(signInAs).not.toBeNull();
    const [, organization, email, password] = signInAs ?? [];

    // The console is served from dist/console: build it from the sources under test.
    execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.console.json'], { stdio: 'inherit' });
    const userDataDir = mkdtempSync(join(tmpdir(), 'latchkey-readme-chromium-'));
    const context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-sync'],
      headless: true,
      viewport: { width: 1000, height: 820 },
    });
    try {
      const page = context.pages()[0] ?? (await context.newPage());
      await page.goto(`${baseUrl}/`);
      await page.getByLabel('Organization name').fill(organization);
      await page.getByRole('button', { name: 'Next' }).click();
      await page.getByLabel('E-mail').fill(email);
      await page.getByLabel('Password', { exact: true }).fill(password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('heading', { name: 'Account information' }).waitFor();
      await page.getByText(email).first().waitFor();
      if (process.env.UPDATE_CONSOLE_SCREENSHOTS === '1') {
        mkdirSync(join('docs', 'console'), { recursive: true });
        await page.screenshot({ path: join('docs', 'console', 'screenshot.png') });
      }
    } finally {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    }
  }, 120_000);
});

import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { TestStack } from '../support/test-stack.js';

// Debian's Chromium, never a downloaded browser; the flags keep it off the (closed) network.
const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Screenshots go to docs/console/ when UPDATE_CONSOLE_SCREENSHOTS=1 (to refresh the committed
 * ones), otherwise to a temporary folder, so a test run leaves the working tree as it was.
 */
const SCREENSHOTS =
  process.env.UPDATE_CONSOLE_SCREENSHOTS === '1'
    ? join(process.cwd(), 'docs', 'console')
    : mkdtempSync(join(tmpdir(), 'latchkey-console-'));

/** The real API (listening on a loopback port that e-mailed links point at), and a browser on it. */
export class ConsoleHarness {
  private constructor(
    readonly stack: TestStack,
    readonly baseUrl: string,
    private readonly context: BrowserContext,
    private readonly userDataDir: string,
    readonly page: Page,
    readonly browserRequests: string[],
  ) {}

  static async start(env: Record<string, string> = {}): Promise<ConsoleHarness> {
    // The console is served from dist/console: build it from the sources under test.
    execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.console.json'], { stdio: 'inherit' });
    const port = await freePort();
    const stack = await TestStack.start({ env: { PORT: String(port), PUBLIC_URL: `http://127.0.0.1:${port}`, ...env } });
    const baseUrl = await stack.listen(port);
    const userDataDir = mkdtempSync(join(tmpdir(), 'latchkey-chromium-'));
    let context: BrowserContext;
    try {
      context = await chromium.launchPersistentContext(userDataDir, {
        executablePath: CHROMIUM,
        args: CHROMIUM_ARGS,
        headless: true,
        viewport: { width: 1000, height: 900 },
      });
    } catch (error) {
      // No harness is returned, so nobody else would close the stack: an API left running keeps Jest from exiting.
      rmSync(userDataDir, { recursive: true, force: true });
      await stack.close();
      throw error;
    }
    const page = context.pages()[0] ?? (await context.newPage());
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    return new ConsoleHarness(stack, baseUrl, context, userDataDir, page, requests);
  }

  async screenshot(name: string): Promise<void> {
    mkdirSync(SCREENSHOTS, { recursive: true });
    await this.page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
  }

  async close(): Promise<void> {
    await this.context.close();
    rmSync(this.userDataDir, { recursive: true, force: true });
    await this.stack.close();
  }
}

/** A port that was free a moment ago: PUBLIC_URL must name it before the API starts. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

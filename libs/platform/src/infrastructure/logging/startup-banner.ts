import { isAbsolute } from 'node:path';
import type { AppConfig } from '../config/app-config.js';
import { redactUrl } from '../persistence/connection-failure.js';

/** Where the queue board is served (docs/operations.md#queue-board). */
const QUEUE_BOARD = '/admin/queues';
/** Addresses that mean "this machine" to a person at it: shown as localhost, as in PUBLIC_URL's default. */
const LOCAL_ADDRESSES = new Set(['127.0.0.1', '0.0.0.0', '::', '::1', 'localhost']);

type BannerConfig = Pick<AppConfig, 'HOST' | 'PORT' | 'SMTP_URL' | 'MAIL_DIR' | 'ADMIN_API_KEY' | 'developmentKeysInUse'>;

/** The base URL a person on this machine opens to reach the API listening on HOST:PORT. */
export function localBaseUrl(config: Pick<AppConfig, 'HOST' | 'PORT'>): string {
  const host = LOCAL_ADDRESSES.has(config.HOST) ? 'localhost' : config.HOST.includes(':') ? `[${config.HOST}]` : config.HOST;
  return `http://${host}:${config.PORT}`;
}

/** The warning of every start with the keys of this repository. */
export function developmentKeysWarning(config: Pick<AppConfig, 'HOST' | 'PORT' | 'developmentKeysInUse'>): string | undefined {
  const keys = config.developmentKeysInUse;
  if (keys.length === 0) return undefined;
  return (
    `Development keys in use (${keys.join(', ')}): they are public, so anyone who can reach this API at ${config.HOST}:${config.PORT} ` +
    'can forge access tokens and call the administration API. Set keys of your own before letting anyone else reach it.'
  );
}

/** Where e-mails go: the SMTP server (its password hidden) or the directory of .eml files. */
export function mailDestination(config: Pick<AppConfig, 'SMTP_URL' | 'MAIL_DIR'>): string {
  if (config.SMTP_URL) return `sent to ${redactUrl(config.SMTP_URL)}`;
  const dir = isAbsolute(config.MAIL_DIR) || config.MAIL_DIR.startsWith('.') ? config.MAIL_DIR : `./${config.MAIL_DIR}`;
  return `written as .eml files to ${dir} (no SMTP_URL set)`;
}

/** What `npm start` tells a person once the API and the worker are ready: where everything is. */
export function startupSummary(config: BannerConfig): Record<string, string> {
  const base = localBaseUrl(config);
  return {
    api: `${base}/v1`,
    console: `${base}/`,
    docs: `${base}/docs`,
    queueBoard: `${base}${QUEUE_BOARD}`,
    mail: mailDestination(config),
  };
}

/** The same as text: the last thing `npm start` prints in development. */
export function startupBanner(config: BannerConfig): string {
  const summary = startupSummary(config);
  const developmentAdminKey = config.developmentKeysInUse.includes('ADMIN_API_KEY');
  const rows: Array<[string, string]> = [
    ['API', summary.api],
    ['Console', summary.console],
    ['API docs', summary.docs],
    ['Queue board', `${summary.queueBoard}  (any user name, the admin key as password)`],
    ['Mail', summary.mail],
    [
      'Admin key',
      developmentAdminKey ? `${config.ADMIN_API_KEY}  (Authorization: Bearer ${config.ADMIN_API_KEY})` : 'ADMIN_API_KEY (yours, not shown)',
    ],
  ];
  const keys = config.developmentKeysInUse;
  const warning =
    keys.length > 0
      ? `Development keys in use (${keys.join(', ')}): they are public, set keys of your own before anyone else can reach this API.`
      : undefined;
  const rule = '─'.repeat(72);
  return [
    rule,
    '  Latchkey is running',
    '',
    ...rows.map(([label, value]) => `  ${label.padEnd(12)} ${value}`),
    ...(warning ? ['', `  Warning: ${warning}`] : []),
    '',
    '  Ctrl-C stops the API and the worker.',
    rule,
  ].join('\n');
}

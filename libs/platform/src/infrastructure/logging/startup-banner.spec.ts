import { loadConfig } from '../config/app-config.js';
import { localBaseUrl, mailDestination, startupBanner, startupSummary } from './startup-banner.js';

describe('the start-up banner', () => {
  it('shows where the API, console, docs, queue board and mail are, and the development admin key with its warning', () => {
    const banner = startupBanner(loadConfig({ PORT: '3100' }));
    expect(banner).toContain('API          http://localhost:3100/v1');
    expect(banner).toContain('Console      http://localhost:3100/');
    expect(banner).toContain('API docs     http://localhost:3100/docs');
    expect(banner).toContain('Queue board  http://localhost:3100/admin/queues');
    expect(banner).toContain('Mail         written as .eml files to ./var/mail');
    expect(banner).toContain('Admin key    dev-admin-key-change-me  (Authorization: Bearer dev-admin-key-change-me)');
    expect(banner).toContain('Warning: Development keys in use (ADMIN_API_KEY, SERVICE_API_KEY, JWT_SECRET)');
  });

  it('never shows a key of your own, nor the SMTP password', () => {
    const config = loadConfig({
      ADMIN_API_KEY: 'my-own-administration-key',
      SERVICE_API_KEY: 'my-own-service-key-value',
      JWT_SECRET: 'my-own-jwt-secret-of-at-least-32-bytes',
      SMTP_URL: 'smtp://mailer:s3cret-pass@mail.example.com:587',
    });
    const banner = startupBanner(config);
    expect(banner).not.toContain('my-own');
    expect(banner).not.toContain('s3cret-pass');
    expect(banner).not.toContain('Warning');
    expect(banner).toContain('Admin key    ADMIN_API_KEY (yours, not shown)');
    expect(startupSummary(config).mail).toBe('sent to smtp://mailer:***@mail.example.com:587');
  });

  it('names the address a person opens', () => {
    expect(localBaseUrl({ HOST: '0.0.0.0', PORT: 3000 })).toBe('http://localhost:3000');
    expect(localBaseUrl({ HOST: '127.0.0.1', PORT: 8080 })).toBe('http://localhost:8080');
    expect(localBaseUrl({ HOST: '10.0.0.5', PORT: 3000 })).toBe('http://10.0.0.5:3000');
    expect(localBaseUrl({ HOST: 'fd00::5', PORT: 3000 })).toBe('http://[fd00::5]:3000');
    expect(mailDestination({ SMTP_URL: '', MAIL_DIR: '/srv/mail' })).toBe('written as .eml files to /srv/mail (no SMTP_URL set)');
    expect(mailDestination({ SMTP_URL: '', MAIL_DIR: 'var/mail' })).toBe('written as .eml files to ./var/mail (no SMTP_URL set)');
  });
});

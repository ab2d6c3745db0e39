import { readFileSync } from 'node:fs';
import { load } from 'js-yaml';

/**
 * `docker compose up` on a server must not hand out a database, a queue or the mail catcher's
 * reset links to whoever can reach the machine. There is no Docker engine on the test machines,
 * so the file itself is checked.
 */
interface LongPort {
  target: number;
  published?: number | string;
  host_ip?: string;
}

interface Service {
  image?: string;
  command?: string[] | string;
  environment?: Record<string, string> | string[];
  ports?: Array<string | number | LongPort>;
  profiles?: string[];
}

const compose = load(readFileSync('docker-compose.yml', 'utf8')) as { services: Record<string, Service> };
const services = compose.services;
const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);
/** The one service meant to be reached from other machines. */
const PUBLIC_SERVICES = new Set(['api']);

/** The interface a port is published on; undefined: every interface. */
function hostIp(port: string | number | LongPort): string | undefined {
  if (typeof port === 'object') return port.host_ip;
  return /^(?:\[([^\]]+)\]|(\d{1,3}(?:\.\d{1,3}){3})):/.exec(String(port))?.slice(1).find(Boolean);
}

function environment(service: Service): Record<string, string> {
  const env = service.environment ?? {};
  if (!Array.isArray(env)) return env;
  return Object.fromEntries(env.map((entry) => [entry.split('=')[0], entry.split('=').slice(1).join('=')]));
}

describe('docker-compose.yml', () => {
  it('publishes nothing but the API on every interface', () => {
    const exposed = Object.entries(services)
      .filter(([name, service]) => !PUBLIC_SERVICES.has(name) && !service.profiles?.length)
      .flatMap(([name, service]) =>
        (service.ports ?? []).filter((port) => !LOOPBACK.has(hostIp(port) ?? '')).map((port) => `${name}: ${JSON.stringify(port)}`),
      );
    expect(exposed).toEqual([]);
  });

  it('runs PostgreSQL with a required password, never trust authentication', () => {
    const env = environment(services.postgres);
    expect(env.POSTGRES_HOST_AUTH_METHOD).toBeUndefined();
    expect(env.POSTGRES_PASSWORD).toMatch(/^\$\{POSTGRES_PASSWORD:\?/);
  });

  it('runs Redis with a required password', () => {
    const command = [services.redis.command ?? []].flat().join(' ');
    expect(command).toMatch(/--requirepass \$\{REDIS_PASSWORD:\?/);
  });

  it('gives the API and the worker credentials for both, and the settings production requires', () => {
    for (const name of ['migrate', 'api', 'worker']) {
      const env = environment(services[name]);
      expect(env.DATABASE_URL).toMatch(/^postgres:\/\/postgres:\$\{POSTGRES_PASSWORD:\?[^}]*\}@postgres:5432\//);
      expect(env.REDIS_URL).toMatch(/^redis:\/\/:\$\{REDIS_PASSWORD:\?[^}]*\}@redis:6379$/);
      for (const key of ['ADMIN_API_KEY', 'SERVICE_API_KEY', 'JWT_SECRET', 'METRICS_TOKEN'])
        expect(env[key]).toMatch(new RegExp(`^\\$\\{${key}:\\?`));
    }
  });

  it('reads the mail catcher’s web UI, which shows every reset link, from this machine only', () => {
    const mailCatcher = Object.entries(services).find(([, service]) => service.image?.includes('mailpit'));
    expect(mailCatcher).toBeDefined();
    const [, service] = mailCatcher!;
    const ui = (service.ports ?? []).filter((port) =>
      /(^|:)8025(\/tcp)?$/.test(typeof port === 'object' ? String(port.target) : String(port)),
    );
    const everywhere = service.profiles?.length ? [] : ui.filter((port) => !LOOPBACK.has(hostIp(port) ?? ''));
    expect(everywhere).toEqual([]);
  });
});

import { readFileSync } from 'node:fs';
import { load } from 'js-yaml';
import { loadConfig } from '#libs/platform';

/**
 * deploy/docker-compose.scale.yml cannot be run here (no Docker engine): its structure is checked
 * instead — every service, link, config and volume it relies on, and the settings the APIs and
 * workers get, validated by the application's own configuration loader.
 */
type Node = Record<string, unknown>;

/** YAML merge keys (`<<: *anchor`), as Compose applies them: the mapping's own keys win. */
function merged(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(merged);
  if (typeof value !== 'object' || value === null) return value;
  const { '<<': base, ...own } = value as Node;
  const bases = (Array.isArray(base) ? base : base ? [base] : []).map((entry) => merged(entry) as Node);
  return Object.assign({}, ...bases, Object.fromEntries(Object.entries(own).map(([key, entry]) => [key, merged(entry)])));
}

const text = readFileSync('deploy/docker-compose.scale.yml', 'utf8');
const compose = merged(load(text)) as {
  services: Record<string, Node>;
  configs: Record<string, { content: string }>;
  volumes: Record<string, unknown>;
};
const services = compose.services;
const REDIS_NODES = ['redis-1', 'redis-2', 'redis-3', 'redis-4', 'redis-5', 'redis-6'];
const APIS = ['api-1', 'api-2'];
const WORKERS = ['worker-1', 'worker-2'];
/** The secrets a person must set: Compose refuses to start without them (`${NAME:?…}`). */
const REQUIRED = ['ADMIN_API_KEY', 'SERVICE_API_KEY', 'JWT_SECRET', 'METRICS_TOKEN', 'POSTGRES_PASSWORD'];

const environment = (name: string) => services[name].environment as Record<string, string>;
const dependencies = (name: string) => {
  const dependsOn = services[name].depends_on ?? [];
  return Array.isArray(dependsOn) ? (dependsOn as string[]) : Object.keys(dependsOn as Node);
};
/** Compose's interpolation with the required secrets set: `${NAME:?…}` and `${NAME:-default}`. */
const interpolated = (value: string) =>
  value.replace(/\$\{(\w+)(?::([?-])([^}]*))?\}/g, (_whole, name: string, kind?: string, rest?: string) =>
    kind === '-' ? (rest ?? '') : `${name.toLowerCase()}-${'s'.repeat(40)}`,
  );

describe('the reference deployment (deploy/docker-compose.scale.yml)', () => {
  it('has a load balancer, two APIs, two workers, a 3+3 Redis Cluster, a PostgreSQL primary and replica', () => {
    expect(Object.keys(services).sort()).toEqual(
      ['lb', ...APIS, ...WORKERS, 'migrate', 'postgres', 'postgres-replica', ...REDIS_NODES, 'redis-cluster-init', 'mailpit'].sort(),
    );
  });

  it('links only to what exists: every dependency, config and named volume is declared', () => {
    for (const [name, service] of Object.entries(services)) {
      for (const dependency of dependencies(name))
        expect(`${name} → ${dependency}: ${dependency in services}`).toBe(`${name} → ${dependency}: true`);
      for (const { source } of (service.configs ?? []) as Array<{ source: string }>) expect(Object.keys(compose.configs)).toContain(source);
      for (const volume of (service.volumes ?? []) as string[]) expect(Object.keys(compose.volumes)).toContain(volume.split(':')[0]);
    }
  });

  it('interpolates only the documented variables; every other $ is escaped for the shell or nginx', () => {
    const unescaped = text.replace(/\$\$/g, '').match(/\$\{?\w+/g) ?? [];
    expect([...new Set(unescaped.map((reference) => reference.replace(/^\$\{?/, '')))].sort()).toEqual([...REQUIRED, 'PUBLIC_URL'].sort());
  });

  it('gives the APIs and workers settings the application accepts in production: the cluster, the primary, the replica', () => {
    for (const name of [...APIS, ...WORKERS, 'migrate']) {
      const env = Object.fromEntries(Object.entries(environment(name)).map(([key, value]) => [key, interpolated(String(value))]));
      const config = loadConfig({ ...env, NODE_ENV: 'production' });
      expect(config.REDIS_CLUSTER_NODES?.split(',')).toEqual(REDIS_NODES.map((node) => `${node}:6379`));
      expect(new URL(config.DATABASE_URL).hostname).toBe('postgres');
      expect(new URL(config.DATABASE_READ_URL ?? '').hostname).toBe('postgres-replica');
      expect(env.SMTP_URL).toBe('smtp://mailpit:1025');
    }
    for (const name of [...APIS, ...WORKERS]) expect(dependencies(name)).toEqual(expect.arrayContaining(['migrate', 'redis-cluster-init']));
    expect(dependencies('migrate')).toEqual(['postgres']);
  });

  it('publishes only the load balancer (and the mail catcher), which spreads requests over both APIs and replaces X-Forwarded-For', () => {
    const published = Object.entries(services)
      .filter(([, service]) => service.ports)
      .map(([name]) => name);
    expect(published.sort()).toEqual(['lb', 'mailpit']);
    // The mail catcher shows every reset link: this host only.
    expect(services.mailpit.ports).toEqual(['127.0.0.1:8025:8025']);
    const nginx = compose.configs[(services.lb.configs as Array<{ source: string }>)[0].source].content;
    for (const api of APIS) expect(nginx).toMatch(new RegExp(`server ${api}:${environment(api).PORT}[ ;]`));
    expect(nginx).toMatch(/proxy_set_header X-Forwarded-For \$\$remote_addr;/);
    expect(nginx).not.toMatch(/proxy_add_x_forwarded_for/);
    expect(environment('api-1').TRUST_PROXY).toBe('1');
    expect(dependencies('lb').sort()).toEqual(APIS);
  });

  it('forms the cluster from all six nodes with one replica per master, and streams the replica from the primary', () => {
    const init = (services['redis-cluster-init'].command as string[]).join(' ');
    for (const node of REDIS_NODES) {
      expect(init).toContain(node);
      expect((services[node].command as string[]).join(' ')).toContain(`--cluster-announce-hostname ${node}`);
    }
    expect(init).toContain('--cluster-replicas 1');
    expect(dependencies('redis-cluster-init').sort()).toEqual(REDIS_NODES);
    expect(compose.configs['redis-node'].content).toMatch(/cluster-enabled yes[\s\S]*cluster-preferred-endpoint-type hostname/);

    const replica = (services['postgres-replica'].command as string[]).join(' ');
    expect(replica).toMatch(/pg_basebackup -h postgres .*-R/);
    expect(dependencies('postgres-replica')).toEqual(['postgres']);
    expect((services.postgres.command as string[]).join(' ')).toContain('wal_level=replica');
    // Replication authenticates with the password too: nothing on the network is trusted by address.
    expect(compose.configs['allow-replication'].content).toContain('host replication all all scram-sha-256');
    expect(services.postgres.environment).not.toHaveProperty('POSTGRES_HOST_AUTH_METHOD');
    expect(environment('postgres-replica').PGPASSWORD).toMatch(/POSTGRES_PASSWORD/);
  });
});

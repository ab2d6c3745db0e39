import { defineConfig, type Options } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import type { Constructor } from '@mikro-orm/core';
import type { Migration } from '@mikro-orm/migrations';
import type { AppConfig } from '../config/app-config.js';

export interface DatabaseOptionsInput {
  migrations?: Constructor<Migration>[];
  pool?: { min: number; max: number };
}

/** One place that turns the configuration into MikroORM options, for the API, the worker and the migrator. */
export function databaseOptions(config: AppConfig, input: DatabaseOptionsInput = {}): Options {
  return defineConfig({
    clientUrl: config.DATABASE_URL,
    extensions: [Migrator],
    entities: [],
    discovery: { warnWhenNoEntities: false },
    pool: input.pool ?? { min: 0, max: 10 },
    // Bounded waits: a lost connection answers an error instead of hanging a request.
    driverOptions: { connection: { statement_timeout: 10_000, connectionTimeoutMillis: 5_000 } },
    allowGlobalContext: false,
    // No accessor pair per property on every entity: they exist to propagate bidirectional relations, which no
    // schema here has, and to mark an entity touched for auto-flush, which every repository makes explicit
    // (persist and flush). Building entities through them was about a sixth of the ORM's time per sign-in (profiled).
    propagationOnPrototype: false,
    forceUtcTimezone: true,
    debug: false,
    // The migrator reports through this logger; LOG_LEVEL=silent (tests) keeps it quiet.
    logger: config.LOG_LEVEL === 'silent' ? () => undefined : console.log,
    migrations: {
      tableName: 'mikro_orm_migrations',
      migrationsList: (input.migrations ?? []).map((migration) => ({ name: migration.name, class: migration })),
      transactional: true,
      allOrNothing: true,
      snapshot: false,
    },
    // A replica may lag: every read goes to the primary unless it opts in (`connectionType: 'read'`), and only
    // the audit trail does (docs/architecture.md, "Read replica"). MikroORM's default would send it every find.
    preferReadReplicas: false,
    ...(config.DATABASE_READ_URL ? { replicas: [{ clientUrl: config.DATABASE_READ_URL }] } : {}),
  });
}

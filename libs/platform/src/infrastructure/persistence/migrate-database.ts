import { MikroORM } from '@mikro-orm/postgresql';
import type { Constructor } from '@mikro-orm/core';
import type { Migration } from '@mikro-orm/migrations';
import type { AppConfig } from '../config/app-config.js';
import { databaseOptions } from './database-options.js';
import { describeConnectionFailure } from './connection-failure.js';

/** Creates the database when it is missing, then applies every pending migration. */
export async function migrateDatabase(config: AppConfig, migrations: Constructor<Migration>[]): Promise<string[]> {
  let orm: MikroORM | undefined;
  try {
    orm = await MikroORM.init({ ...databaseOptions(config, { migrations, pool: { min: 0, max: 2 } }), connect: false });
    await orm.schema.ensureDatabase({ create: true });
    await orm.connect();
    const applied = await orm.migrator.up();
    return applied.map((m) => m.name);
  } catch (error) {
    throw describeConnectionFailure(error, config.DATABASE_URL) ?? error;
  } finally {
    await orm?.close(true);
  }
}

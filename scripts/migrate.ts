import { explainStartupFailure, migrateDatabase, readEnvironment } from '#libs/platform';
import { MIGRATIONS } from '../migrations/index.js';

/** `npm run db:migrate`: creates the database if missing and applies pending migrations. */
const config = readEnvironment();
try {
  const applied = await migrateDatabase(config, MIGRATIONS);
  console.log(applied.length ? `Applied migrations: ${applied.join(', ')}` : 'Database is up to date.');
} catch (error) {
  explainStartupFailure('migrate', error, config);
}

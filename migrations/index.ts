import { Migration20261126000000Outbox } from './20261126000000-outbox.migration.js';

/** Every migration, in the order they apply; a new one is appended here. */
export const MIGRATIONS = [Migration20261126000000Outbox];

import { Migration20261126000000Outbox } from './20261126000000-outbox.migration.js';
import { Migration20261126010000Sessions } from './20261126010000-sessions.migration.js';
import { Migration20261126020000Identity } from './20261126020000-identity.migration.js';
import { Migration20261126030000Notifications } from './20261126030000-notifications.migration.js';
import { Migration20261130000000CredentialBinding } from './20261130000000-credential-binding.migration.js';
import { Migration20261130010000UnknownSignInIdentities } from './20261130010000-unknown-sign-in-identities.migration.js';
import { Migration20261130020000LockNotice } from './20261130020000-lock-notice.migration.js';
import { Migration20261130050000SsfEvents } from './20261130050000-ssf-events.migration.js';
import { Migration20261130060000SharedSignalsStreams } from './20261130060000-shared-signals-streams.migration.js';
import { Migration20261202000000OutboxTraceContext } from './20261202000000-outbox-trace-context.migration.js';

/** Every migration, in the order they apply; a new one is appended here. */
export const MIGRATIONS = [
  Migration20261126000000Outbox,
  Migration20261126010000Sessions,
  Migration20261126020000Identity,
  Migration20261126030000Notifications,
  Migration20261130000000CredentialBinding,
  Migration20261130010000UnknownSignInIdentities,
  Migration20261130020000LockNotice,
  Migration20261130050000SsfEvents,
  Migration20261130060000SharedSignalsStreams,
  Migration20261202000000OutboxTraceContext,
];

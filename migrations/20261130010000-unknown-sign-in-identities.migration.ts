import { Migration } from '@mikro-orm/migrations';

/**
 * Failed sign-ins of identities that do not exist, counted like an account's and with no expiry,
 * on a row locked the same way, so both kinds of failure cost the same and answer alike over time.
 * The key is a keyed hash: no organization name or e-mail is stored.
 */
export class Migration20261130010000UnknownSignInIdentities extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table unknown_sign_in_identities (
        key text primary key,
        failed_sign_ins integer not null,
        locked boolean not null,
        last_failed_at timestamptz
      )`);
  }

  override async down(): Promise<void> {
    this.addSql('drop table unknown_sign_in_identities');
  }
}

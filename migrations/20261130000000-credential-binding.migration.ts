import { Migration } from '@mikro-orm/migrations';

/**
 * Every session and API token names the credential version it was made under, so a check can refuse
 * one made in an era that an expiry has since closed, whatever the cache or a lost update says.
 * Rows that exist are bound to their account's current version: every credential older than it was
 * ended or revoked by the expiry that advanced it.
 */
export class Migration20261130000000CredentialBinding extends Migration {
  override async up(): Promise<void> {
    for (const table of ['sessions', 'api_tokens']) {
      this.addSql(`alter table ${table} add column credential_version integer`);
      this.addSql(`
        update ${table} t set credential_version = coalesce((select version from credential_versions cv where cv.account_id = t.account_id), 1)`);
      this.addSql(`alter table ${table} alter column credential_version set not null`);
    }
  }

  override async down(): Promise<void> {
    this.addSql('alter table api_tokens drop column credential_version');
    this.addSql('alter table sessions drop column credential_version');
  }
}

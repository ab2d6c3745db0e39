import { Migration } from '@mikro-orm/migrations';

/** Sessions, refresh tokens, API tokens and credential versions (libs/sessions). Accounts live in identity: no cross-module keys. */
export class Migration20261126010000Sessions extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table credential_versions (
        account_id uuid primary key,
        version integer not null
      )`);
    this.addSql(`
      create table sessions (
        id uuid primary key,
        account_id uuid not null,
        organization_id uuid not null,
        created_at timestamptz not null,
        last_used_at timestamptz not null,
        expires_at timestamptz not null,
        ended_at timestamptz,
        end_reason text,
        client_ip text not null,
        user_agent text
      )`);
    this.addSql('create index sessions_account_idx on sessions (account_id, created_at desc)');
    this.addSql('create index sessions_ended_idx on sessions (ended_at) where ended_at is not null');
    this.addSql(`
      create table refresh_tokens (
        id uuid primary key,
        session_id uuid not null references sessions (id) on delete cascade deferrable initially deferred,
        token_hash text not null,
        created_at timestamptz not null,
        used_at timestamptz
      )`);
    this.addSql('create unique index refresh_tokens_hash_uq on refresh_tokens (token_hash)');
    this.addSql('create index refresh_tokens_session_idx on refresh_tokens (session_id)');
    this.addSql(`
      create table api_tokens (
        id uuid primary key,
        account_id uuid not null,
        organization_id uuid not null,
        name text not null,
        token_prefix text not null,
        secret_hash text not null,
        created_at timestamptz not null,
        expires_at timestamptz,
        last_used_at timestamptz,
        revoked_at timestamptz
      )`);
    this.addSql('create unique index api_tokens_secret_hash_uq on api_tokens (secret_hash)');
    this.addSql('create index api_tokens_account_idx on api_tokens (account_id, created_at desc)');
  }

  override async down(): Promise<void> {
    this.addSql('drop table api_tokens');
    this.addSql('drop table refresh_tokens');
    this.addSql('drop table sessions');
    this.addSql('drop table credential_versions');
  }
}

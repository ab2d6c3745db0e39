import { Migration } from '@mikro-orm/migrations';

/** Every lookup of identity has an index; sign-in touches only unique-index rows (no scans at any size). */
export class Migration20261126020000Identity extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table organizations (
        id uuid primary key,
        name text not null,
        display_name text not null,
        policy_overrides jsonb not null default '{}',
        created_at timestamptz not null default now(),
        constraint organizations_name_format check (name ~ '^[a-z0-9-]{3,63}$')
      )`);
    this.addSql('create unique index organizations_name_uq on organizations (name)');
    this.addSql(`
      create table accounts (
        id uuid primary key,
        organization_id uuid not null references organizations (id) on delete cascade,
        email text not null,
        email_normalized text not null,
        locale text not null default 'en' check (locale in ('en', 'ko')),
        password_hash text,
        status text not null check (status in ('active', 'password_reset_required')),
        failed_sign_ins integer not null default 0 check (failed_sign_ins >= 0),
        password_changed_at timestamptz,
        created_at timestamptz not null default now()
      )`);
    this.addSql('create unique index accounts_organization_email_uq on accounts (organization_id, email_normalized)');
    this.addSql(`
      create table password_history (
        account_id uuid not null references accounts (id) on delete cascade,
        position integer not null,
        password_hash text not null,
        created_at timestamptz not null default now(),
        primary key (account_id, position)
      )`);
    this.addSql(`
      create table password_reset_tokens (
        id uuid primary key,
        account_id uuid not null references accounts (id) on delete cascade,
        token_hash text not null,
        purpose text not null check (purpose in ('reset', 'invitation', 'account-locked', 'admin-required')),
        created_at timestamptz not null default now(),
        expires_at timestamptz not null,
        used_at timestamptz
      )`);
    this.addSql('create unique index password_reset_tokens_hash_uq on password_reset_tokens (token_hash)');
    // Serves both "spend every outstanding token" and the per-account throttle's count.
    this.addSql('create index password_reset_tokens_account_idx on password_reset_tokens (account_id, created_at desc)');
    // No foreign key to accounts: the audit trail outlives what it describes.
    this.addSql(`
      create table security_events (
        id uuid primary key,
        type text not null,
        organization_id uuid not null,
        account_id uuid,
        occurred_at timestamptz not null,
        client_ip text not null,
        user_agent text,
        details jsonb not null default '{}'
      )`);
    this.addSql('create index security_events_organization_idx on security_events (organization_id, occurred_at desc, id desc)');
    this.addSql('create index security_events_account_idx on security_events (organization_id, account_id, occurred_at desc, id desc)');
  }

  override async down(): Promise<void> {
    this.addSql('drop table security_events');
    this.addSql('drop table password_reset_tokens');
    this.addSql('drop table password_history');
    this.addSql('drop table accounts');
    this.addSql('drop table organizations');
  }
}

import { Migration } from '@mikro-orm/migrations';

/**
 * The Shared Signals transmitter's surface (libs/shared-signals): SET signing keys (private halves
 * encrypted at rest), streams with their subjects, and organization-scoped stream credentials (hashed).
 * Organizations and accounts live in identity: no cross-module foreign keys.
 */
export class Migration20261130060000SharedSignalsStreams extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table ssf_signing_keys (
        kid text primary key,
        alg text not null,
        public_jwk jsonb not null,
        private_key text not null,
        created_at timestamptz not null,
        activates_at timestamptz not null
      )`);
    this.addSql(`
      create table ssf_streams (
        id uuid primary key,
        organization_id uuid not null,
        audience jsonb,
        events_requested jsonb not null,
        delivery_method text not null check (delivery_method in ('push', 'poll')),
        endpoint_url text,
        authorization_header text,
        description text,
        status text not null check (status in ('enabled', 'paused', 'disabled')),
        status_reason text,
        created_at timestamptz not null,
        updated_at timestamptz not null,
        verification_requested_at timestamptz
      )`);
    this.addSql('create index ssf_streams_organization_idx on ssf_streams (organization_id, created_at)');
    this.addSql(`
      create table ssf_stream_subjects (
        stream_id uuid not null references ssf_streams (id) on delete cascade,
        subject_key text not null,
        added_at timestamptz not null,
        primary key (stream_id, subject_key)
      )`);
    this.addSql(`
      create table ssf_stream_credentials (
        id uuid primary key,
        organization_id uuid not null,
        name text not null,
        secret_hash text not null,
        created_at timestamptz not null,
        revoked_at timestamptz,
        last_used_at timestamptz
      )`);
    this.addSql('create unique index ssf_stream_credentials_secret_hash_uq on ssf_stream_credentials (secret_hash)');
    this.addSql('create index ssf_stream_credentials_organization_idx on ssf_stream_credentials (organization_id, created_at)');
  }

  override async down(): Promise<void> {
    this.addSql('drop table ssf_stream_credentials');
    this.addSql('drop table ssf_stream_subjects');
    this.addSql('drop table ssf_streams');
    this.addSql('drop table ssf_signing_keys');
  }
}

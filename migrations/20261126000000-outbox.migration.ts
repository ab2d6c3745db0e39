import { Migration } from '@mikro-orm/migrations';

export class Migration20261126000000Outbox extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table outbox (
        id uuid primary key,
        queue text not null,
        name text not null,
        payload jsonb not null,
        created_at timestamptz not null default now(),
        available_at timestamptz not null default now(),
        attempts integer not null default 0,
        sent_at timestamptz,
        last_error text
      )`);
    this.addSql('create index outbox_pending_idx on outbox (available_at) where sent_at is null');
  }

  override async down(): Promise<void> {
    this.addSql('drop table outbox');
  }
}

import { Migration } from '@mikro-orm/migrations';

/**
 * What the mail worker has sent (libs/notifications). A row is claimed (`sending`, with a lease
 * and a fencing token) before the message leaves and marked `sent` once the server took it.
 */
export class Migration20261126030000Notifications extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table sent_mails (
        job_id text primary key,
        template text not null,
        status text not null check (status in ('sending', 'sent')),
        claim_token uuid not null,
        claimed_at timestamptz not null default now(),
        lease_until timestamptz not null,
        attempts integer not null default 1,
        sent_at timestamptz,
        message_id text
      )`);
  }

  override async down(): Promise<void> {
    this.addSql('drop table sent_mails');
  }
}

import { Migration } from '@mikro-orm/migrations';

/**
 * A lock's notice (reset link and e-mail) is sent after the answer, so that the failure that locks costs
 * what any other failure costs. The duty to send it is stored with the lock, in the same row update, so
 * a process that dies before sending leaves it to the sweeper rather than losing it.
 */
export class Migration20261130020000LockNotice extends Migration {
  override async up(): Promise<void> {
    this.addSql('alter table accounts add column lock_notice_pending boolean not null default false');
    this.addSql('create index accounts_lock_notice_pending_idx on accounts (id) where lock_notice_pending');
  }

  override async down(): Promise<void> {
    this.addSql('alter table accounts drop column lock_notice_pending');
  }
}

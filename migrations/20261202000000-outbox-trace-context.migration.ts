import { Migration } from '@mikro-orm/migrations';

/**
 * With tracing on, an outbox row keeps the W3C trace context (traceparent) of the change that wrote it, so the
 * job the relay makes of it, possibly on another instance and later, joins that change's trace (docs/operations.md#tracing).
 */
export class Migration20261202000000OutboxTraceContext extends Migration {
  override async up(): Promise<void> {
    this.addSql('alter table outbox add column trace_context jsonb');
  }

  override async down(): Promise<void> {
    this.addSql('alter table outbox drop column trace_context');
  }
}

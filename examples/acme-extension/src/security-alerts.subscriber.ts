import { Injectable, Logger } from '@nestjs/common';
import type { DomainEventSubscriber } from '#libs/building-blocks';
import { AccountLocked, CredentialsExpired } from '#libs/identity';
import { OnDomainEvent } from '#libs/platform';

export interface SecurityAlert {
  readonly kind: 'account-locked' | 'credentials-expired';
  readonly accountId: string;
  readonly organizationId: string;
  readonly at: string;
}

/**
 * Where the security team's alerts go. This one keeps them in memory and logs a line; a real one
 * would write a row of its own (it runs inside the change's transaction, so the row commits or
 * rolls back with the lock or the expiry) and leave slow work — a pager call — to a job after commit.
 */
@Injectable()
export class SecurityAlerts {
  private readonly logger = new Logger('SecurityAlerts');
  readonly raised: SecurityAlert[] = [];

  raise(alert: SecurityAlert): void {
    this.raised.push(alert);
    this.logger.log(`${alert.kind} for account ${alert.accountId}`);
  }
}

/**
 * A domain event subscriber of one's own: tells the security team when an account is locked or its
 * credentials are expired. Declared with `@OnDomainEvent(...)`; identity is not edited. It receives
 * ids and facts only — never a password or a token.
 */
@OnDomainEvent(AccountLocked, CredentialsExpired)
@Injectable()
export class SecurityAlertsSubscriber implements DomainEventSubscriber<AccountLocked | CredentialsExpired> {
  constructor(private readonly alerts: SecurityAlerts) {}

  async handle(event: AccountLocked | CredentialsExpired): Promise<void> {
    this.alerts.raise({
      kind: event instanceof AccountLocked ? 'account-locked' : 'credentials-expired',
      accountId: event.accountId,
      organizationId: event.organizationId,
      at: event.occurredAt.toISOString(),
    });
  }
}

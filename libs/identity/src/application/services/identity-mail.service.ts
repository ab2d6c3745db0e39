import { Injectable } from '@nestjs/common';
import type { Account } from '../../domain/account.aggregate.js';
import type { Organization } from '../../domain/organization.aggregate.js';
import { type MailJobName, MailOutbox } from '../ports/mail-outbox.port.js';

/** Adds the common fields every mail job carries (docs/architecture.md) to a job's own payload. */
@Injectable()
export class IdentityMail {
  constructor(private readonly outbox: MailOutbox) {}

  queue(name: MailJobName, account: Account, organization: Organization, payload: Record<string, unknown>): void {
    this.outbox.add(name, {
      to: account.email,
      locale: account.locale,
      organizationName: organization.name,
      organizationDisplayName: organization.displayName,
      ...payload,
    });
  }
}

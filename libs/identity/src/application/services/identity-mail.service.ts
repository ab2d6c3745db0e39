import { Injectable } from '@nestjs/common';
import type { MailJobCommonFields, MailJobFields } from '#libs/notifications';
import type { Account } from '../../domain/account.aggregate.js';
import type { Organization } from '../../domain/organization.aggregate.js';
import { type MailJobName, MailOutbox } from '../ports/mail-outbox.port.js';

/** Adds the common fields every mail job carries (docs/architecture.md) to a job's own fields, typed by the job's name. */
@Injectable()
export class IdentityMail {
  constructor(private readonly outbox: MailOutbox) {}

  queue<N extends MailJobName>(name: N, account: Account, organization: Organization, extras: MailJobFields<N>): void {
    const common: MailJobCommonFields = {
      to: account.email,
      locale: account.locale,
      organizationName: organization.name,
      organizationDisplayName: organization.displayName,
    };
    this.outbox.add(name, { ...common, ...extras });
  }
}

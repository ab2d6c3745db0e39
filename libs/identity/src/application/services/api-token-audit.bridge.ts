import { Injectable, type OnModuleInit } from '@nestjs/common';
import { CredentialAudit } from '#libs/sessions';
import { AuditTrail } from './audit-trail.service.js';

/** API tokens live in sessions; their creation and revocation join identity's audit trail. */
@Injectable()
export class ApiTokenAuditBridge implements OnModuleInit {
  constructor(
    private readonly credentialAudit: CredentialAudit,
    private readonly audit: AuditTrail,
  ) {}

  onModuleInit(): void {
    this.credentialAudit.register(({ type, accountId, organizationId, clientIp, userAgent, details }) =>
      this.audit.record(type, { organizationId, accountId }, { clientIp, userAgent }, details),
    );
  }
}

import { Injectable } from '@nestjs/common';

export interface CredentialAuditEvent {
  type: 'api-token.created' | 'api-token.revoked';
  accountId: string;
  organizationId: string;
  clientIp: string;
  userAgent: string | null;
  /** Never a secret: ids and names only. */
  details: Record<string, unknown>;
}

export type CredentialAuditRecorder = (event: CredentialAuditEvent) => Promise<void>;

/**
 * Where sessions reports API token events for the audit trail. The trail belongs to
 * identity, which already depends on sessions, so identity registers a recorder here at start-up
 * instead of sessions importing identity. Recorders run in the caller's transaction.
 */
@Injectable()
export class CredentialAudit {
  private readonly recorders: CredentialAuditRecorder[] = [];

  register(recorder: CredentialAuditRecorder): void {
    this.recorders.push(recorder);
  }

  async record(event: CredentialAuditEvent): Promise<void> {
    for (const recorder of this.recorders) await recorder(event);
  }
}

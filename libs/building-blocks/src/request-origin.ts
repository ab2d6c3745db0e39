/** Where a request came from, as the audit trail records it. */
export interface RequestOrigin {
  readonly clientIp: string;
  readonly userAgent: string | null;
}

/** The origin of work the service starts itself (a sweeper, a job), not a client. */
export const INTERNAL_ORIGIN: RequestOrigin = { clientIp: 'internal', userAgent: null };

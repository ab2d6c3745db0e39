/**
 * Who calls the stream management API: the administrator (every organization) or an
 * organization-scoped stream credential (that organization's streams only).
 */
export type StreamCaller =
  { readonly kind: 'admin' } | { readonly kind: 'organization'; readonly organizationId: string; readonly credentialId: string };

export const ADMIN_CALLER: StreamCaller = Object.freeze({ kind: 'admin' });

/** Whether `caller` may see a stream of `organizationId`. */
export function mayAccess(caller: StreamCaller, organizationId: string): boolean {
  return caller.kind === 'admin' || caller.organizationId === organizationId;
}

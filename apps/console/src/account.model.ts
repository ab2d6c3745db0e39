/** `GET /v1/me` (docs/api.md#sign-in-tokens-and-sessions); the organization may come as its name or as an object. */
export interface Me {
  id: string;
  email: string;
  organization: string | { name: string; displayName?: string | null };
  passwordChangedAt?: string | null;
}

export function organizationName(me: Me): string {
  return typeof me.organization === 'string' ? me.organization : me.organization.name;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids arrive from URLs; anything that is not a uuid cannot exist and must not reach PostgreSQL as one. */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}

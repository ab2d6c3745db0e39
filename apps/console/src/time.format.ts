/** A timestamp for people, or a dash when there is none. */
export function when(value: string | null | undefined): string {
  return value ? new Date(value).toLocaleString() : '—';
}

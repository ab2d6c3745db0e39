/**
 * The stable code for an HTTP status raised by the framework itself (routing, body parsing,
 * guards). Domain errors carry their own code and status; see DomainError.
 */
const STATUS_CODE: Record<number, string> = {
  400: 'VALIDATION_FAILED',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'RATE_LIMITED',
  503: 'SERVICE_UNAVAILABLE',
};

export function codeForStatus(status: number): string {
  return STATUS_CODE[status] ?? (status >= 500 ? 'INTERNAL_ERROR' : 'VALIDATION_FAILED');
}

export function problemType(code: string): string {
  return `urn:latchkey:problem:${code.toLowerCase().replaceAll('_', '-')}`;
}

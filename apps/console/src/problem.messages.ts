import { ApiError, NetworkError } from './api.client.js';

/** What a person should read for an error, whatever screen it happened on. */
export function describeError(error: unknown): string {
  if (error instanceof NetworkError) return 'The server could not be reached. Check your connection and try again.';
  if (!(error instanceof ApiError)) return 'Something went wrong. Try again.';
  switch (error.code) {
    case 'RATE_LIMITED':
      return error.retryAfterSeconds === null
        ? 'Too many attempts from this address. Wait a moment, then try again.'
        : `Too many attempts from this address. Try again in ${waitText(error.retryAfterSeconds)}.`;
    case 'UNAUTHENTICATED':
      return 'Your sign-in session has ended. Sign in again.';
    case 'VALIDATION_FAILED':
      return `Some of what you entered is not valid: ${error.detail}`;
    case 'SERVICE_UNAVAILABLE':
      return 'The service is briefly unavailable. Try again in a moment.';
    default:
      return `Something went wrong (${error.code}). Try again.`;
  }
}

function waitText(seconds: number): string {
  if (seconds < 60) return seconds === 1 ? '1 second' : `${seconds} seconds`;
  const minutes = Math.ceil(seconds / 60);
  return minutes === 1 ? '1 minute' : `${minutes} minutes`;
}

export function isCode(error: unknown, code: string): error is ApiError {
  return error instanceof ApiError && error.code === code;
}

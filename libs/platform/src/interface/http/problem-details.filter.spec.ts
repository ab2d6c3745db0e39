import type { ArgumentsHost } from '@nestjs/common';
import type { HttpAdapterHost } from '@nestjs/core';
import { DomainError } from '#libs/building-blocks';
import { ProblemDetailsFilter } from './problem-details.filter.js';

/** An error code no file of the platform knows: what an extension module would add. */
class QuotaExhaustedError extends DomainError {
  readonly code = 'QUOTA_EXHAUSTED';
  readonly status = 402;

  constructor() {
    super('The organization has used its quota.');
    this.extensions.limit = 10;
  }
}

function answer(exception: unknown): { status: number; body: Record<string, unknown>; headers: Record<string, string> } {
  const sent = { status: 0, body: {} as Record<string, unknown>, headers: {} as Record<string, string> };
  const httpAdapter = {
    setHeader: (_response: unknown, name: string, value: string) => (sent.headers[name] = value),
    reply: (_response: unknown, body: Record<string, unknown>, status: number) => Object.assign(sent, { body, status }),
  };
  const host = { switchToHttp: () => ({ getResponse: () => ({}) }) } as unknown as ArgumentsHost;
  new ProblemDetailsFilter({ httpAdapter } as unknown as HttpAdapterHost).catch(exception, host);
  return sent;
}

describe('ProblemDetailsFilter', () => {
  it('answers a domain error the platform has never heard of with the status and code the error states', () => {
    const sent = answer(new QuotaExhaustedError());

    expect(sent.status).toBe(402);
    expect(sent.headers['content-type']).toBe('application/problem+json');
    expect(sent.body).toEqual({
      type: 'urn:latchkey:problem:quota-exhausted',
      title: 'Payment Required',
      status: 402,
      detail: 'The organization has used its quota.',
      code: 'QUOTA_EXHAUSTED',
      limit: 10,
    });
  });

  it('answers an error that is not a domain error with a 500 that reveals nothing of it', () => {
    const sent = answer(new Error('connection string postgres://secret@db'));

    expect(sent.status).toBe(500);
    expect(sent.body).toMatchObject({ code: 'INTERNAL_ERROR', detail: 'An unexpected error occurred.' });
    expect(JSON.stringify(sent.body)).not.toContain('secret');
  });
});

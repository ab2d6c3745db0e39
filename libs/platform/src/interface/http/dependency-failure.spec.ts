import { isTransientDependencyFailure } from './dependency-failure.js';

describe('isTransientDependencyFailure', () => {
  it.each([
    [{ code: '57P01', message: 'terminating connection due to administrator command' }],
    [new Error('Connection terminated unexpectedly')],
    [new Error('Knex: Timeout acquiring a connection. The pool is probably full.')],
    [{ message: 'wrapped', cause: { code: '08006' } }],
    [{ message: 'driver', sqlState: '40001' }],
  ])('recognises %p', (error) => expect(isTransientDependencyFailure(error)).toBe(true));

  it.each([[new Error('boom')], [{ code: '23505' }], [null], ['text']])('leaves %p to the 500 path', (error) =>
    expect(isTransientDependencyFailure(error)).toBe(false),
  );
});

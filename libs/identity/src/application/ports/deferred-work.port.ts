/**
 * Work that must not delay the answer it follows (docs/guarantees.md#failures-that-answer-alike: the failure that locks an account
 * answers as soon as any other failure). It starts once the answer is on its way, in its own
 * transaction; a failure is logged, never answered.
 */
export abstract class DeferredWork {
  abstract defer(description: string, work: () => Promise<void>): void;
}

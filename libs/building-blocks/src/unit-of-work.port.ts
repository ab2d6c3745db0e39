/** Database transactions: every repository write inside commits or rolls back together. */
export abstract class UnitOfWork {
  /** Runs work in a transaction of its own. */
  abstract run<T>(work: () => Promise<T>): Promise<T>;
  /** Runs work in the caller's transaction when one is active, so it commits or rolls back with the caller's; else in its own. */
  abstract join<T>(work: () => Promise<T>): Promise<T>;
}

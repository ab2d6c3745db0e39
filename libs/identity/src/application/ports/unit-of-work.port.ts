/** Runs work in one database transaction: every repository write inside commits or rolls back together. */
export abstract class UnitOfWork {
  abstract run<T>(work: () => Promise<T>): Promise<T>;
}

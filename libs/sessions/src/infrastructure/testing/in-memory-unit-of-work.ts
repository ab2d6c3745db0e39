import { UnitOfWork } from '#libs/building-blocks';

/** An in-memory adapter's part in a transaction: it keeps what it held at `begin` and goes back to it on `rollback`. */
export interface TransactionParticipant {
  begin(): void;
  commit(): void;
  rollback(): void;
}

/** Copies an entity with its class, so a change to the copy is not a change to what is stored. */
export function detached<T extends object>(entity: T): T {
  return Object.assign(Object.create(Object.getPrototypeOf(entity) as object) as T, entity);
}

/**
 * A transaction over the in-memory adapters: a rollback restores what they held when it began,
 * a commit lets them publish what waits for it. One transaction at a time, no savepoints (a
 * nested `run` joins, as the specs never nest). `journal` orders the commit among other steps.
 */
export class InMemoryUnitOfWork extends UnitOfWork {
  private active = false;

  constructor(
    private readonly participants: TransactionParticipant[],
    private readonly journal: string[] = [],
  ) {
    super();
  }

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.active) return work();
    this.active = true;
    for (const participant of this.participants) participant.begin();
    try {
      const result = await work();
      this.active = false;
      this.journal.push('commit');
      for (const participant of this.participants) participant.commit();
      return result;
    } catch (error) {
      this.active = false;
      this.journal.push('rollback');
      for (const participant of this.participants) participant.rollback();
      throw error;
    }
  }

  join<T>(work: () => Promise<T>): Promise<T> {
    return this.active ? work() : this.run(work);
  }
}

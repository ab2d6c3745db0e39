import { Injectable } from '@nestjs/common';
import { AfterCommit, type AfterCommitWork } from '../persistence/after-commit.js';

type Increment = () => void;

/**
 * Counts what a transaction did only once it has committed: a subscriber called inside a
 * transaction that later rolls back has counted nothing. Outside a transaction the change is
 * already final, and is counted at once.
 */
@Injectable()
export class CommittedIncrements {
  private readonly work: AfterCommitWork<Increment[]> = {
    open: () => [],
    committed: async (increments) => {
      for (const increment of increments) increment();
    },
  };

  constructor(private readonly afterCommit: AfterCommit) {}

  add(increment: Increment): void {
    const pending = this.afterCommit.collect(this.work);
    if (pending) pending.push(increment);
    else increment();
  }
}

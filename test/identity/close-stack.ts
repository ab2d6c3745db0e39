import { OutboxRelay } from '#libs/platform';
import type { TestStack } from '../support/test-stack.js';

/**
 * Lets every API instance finish relaying the outbox before the stack closes. A relay pass
 * still running when the API shuts down can hold the shutdown up for a minute (the relay's
 * transaction against a pool or queue connection that is being closed).
 */
export async function closeStack(stack: TestStack): Promise<void> {
  for (const api of stack.apis) await api.get(OutboxRelay).flush();
  await stack.close();
}

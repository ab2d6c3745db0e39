import { adminAuth, strongPassword, type TestAccount, uniqueName } from '../support/fixtures.js';
import type { TestStack } from '../support/test-stack.js';

/** Like the shared fixture, with a password that always passes the default policy. */
export async function createAccount(stack: TestStack, organization: string, email = `${uniqueName('user')}@example.com`): Promise<TestAccount> {
  const password = strongPassword();
  const response = await stack.http().post(`/v1/organizations/${organization}/accounts`).set('authorization', adminAuth(stack)).send({ email, password }).expect(201);
  return { id: response.body.id, organization, email, password };
}

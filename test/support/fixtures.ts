import { randomBytes } from 'node:crypto';
import type { TestStack } from './test-stack.js';

/** A password that passes the default policy (no runs, no repeats, not common). */
export function strongPassword(): string {
  return `Vq7!${randomBytes(6).toString('base64url').replace(/[^A-Za-z0-9]/g, 'k')}#Lz`;
}

export function uniqueName(prefix = 'org'): string {
  return `${prefix}-${randomBytes(4).toString('hex')}`;
}

export function adminAuth(stack: TestStack): string {
  return `Bearer ${stack.config.ADMIN_API_KEY}`;
}

export async function createOrganization(stack: TestStack, name = uniqueName()): Promise<string> {
  await stack.http().post('/v1/organizations').set('authorization', adminAuth(stack)).send({ name, displayName: `Org ${name}` }).expect(201);
  return name;
}

export interface TestAccount {
  id: string;
  organization: string;
  email: string;
  password: string;
}

export async function createAccount(stack: TestStack, organization: string, email = `${uniqueName('user')}@example.com`): Promise<TestAccount> {
  const password = strongPassword();
  const response = await stack
    .http()
    .post(`/v1/organizations/${organization}/accounts`)
    .set('authorization', adminAuth(stack))
    .send({ email, password })
    .expect(201);
  return { id: response.body.id, organization, email, password };
}

export interface SignedIn {
  accessToken: string;
  refreshToken: string;
  sessionId: string;
}

export async function signIn(stack: TestStack, account: TestAccount, instance = 0): Promise<SignedIn> {
  const response = await stack
    .http(instance)
    .post('/v1/auth/sign-in')
    .send({ organization: account.organization, email: account.email, password: account.password })
    .expect(200);
  return response.body;
}

import { randomBytes } from 'node:crypto';
import { DEFAULT_PASSWORD_POLICY, PasswordPolicy, ZxcvbnCommonPasswordList } from '#libs/password-policy';
import type { TestStack } from './test-stack.js';

const defaultPolicy = new PasswordPolicy(DEFAULT_PASSWORD_POLICY, new ZxcvbnCommonPasswordList());

/** A random password that passes the default policy (drawn again until it does: runs can occur by chance). */
export function strongPassword(): string {
  for (;;) {
    const password = `Vq7!${randomBytes(6)
      .toString('base64url')
      .replace(/[^A-Za-z0-9]/g, 'k')}#Lz`;
    if (defaultPolicy.evaluate({ password }).length === 0) return password;
  }
}

export function uniqueName(prefix = 'org'): string {
  return `${prefix}-${randomBytes(4).toString('hex')}`;
}

export function adminAuth(stack: TestStack): string {
  return `Bearer ${stack.config.ADMIN_API_KEY}`;
}

export async function createOrganization(stack: TestStack, name = uniqueName()): Promise<string> {
  await stack
    .http()
    .post('/v1/organizations')
    .set('authorization', adminAuth(stack))
    .send({ name, displayName: `Org ${name}` })
    .expect(201);
  return name;
}

export interface TestAccount {
  id: string;
  organization: string;
  email: string;
  password: string;
}

export async function createAccount(
  stack: TestStack,
  organization: string,
  email = `${uniqueName('user')}@example.com`,
): Promise<TestAccount> {
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

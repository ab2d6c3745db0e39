import 'reflect-metadata';
import { Global, Injectable, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { PasswordCandidate, PasswordRule, PolicyViolation } from '#libs/password-policy';
import { INTERNAL_ORIGIN, ValidationFailedError } from '#libs/building-blocks';
import { AppConfig, loadConfig } from '#libs/platform';
import { PasswordPolicies } from '../../application/services/password-policies.service.js';
import { Organization } from '../../domain/organization.aggregate.js';
import { PasswordPolicyWiringModule } from './password-policy-wiring.module.js';
import { PasswordRuleExtension } from './password-rule-extension.js';

/** What another module would write: a rule and a module that declares it, nothing else. */
@PasswordRuleExtension()
@Injectable()
class NoProductNameRule implements PasswordRule {
  readonly code = 'NO_PRODUCT_NAME';

  describe(): string {
    return 'Does not contain the product name.';
  }

  check({ password }: PasswordCandidate): PolicyViolation | null {
    return password.toLowerCase().includes('latchkey') ? { code: this.code, message: 'Do not use the product name.' } : null;
  }
}

@Module({ providers: [NoProductNameRule] })
class ProductRulesModule {}

@Global()
@Module({
  providers: [{ provide: AppConfig, useValue: loadConfig({ ARGON2_MEMORY_KIB: '8192', ARGON2_TIME_COST: '1' }) }],
  exports: [AppConfig],
})
class ConfigModule {}

describe('extra password rules (the extension point)', () => {
  const organization = Organization.create({ id: 'o1', name: 'acme', now: new Date(), origin: INTERNAL_ORIGIN });
  const contexts: Array<{ close(): Promise<void> }> = [];
  afterAll(async () => {
    for (const context of contexts) await context.close();
  });

  async function policies(...modules: Array<new () => unknown>): Promise<PasswordPolicies> {
    @Module({ imports: [ConfigModule, PasswordPolicyWiringModule, ...modules] })
    class RootModule {}
    const app = await NestFactory.createApplicationContext(RootModule, { logger: false });
    contexts.push(app);
    return app.get(PasswordPolicies);
  }

  it('adds a rule declared in another module to every organization policy, after the built-in ones', async () => {
    const policy = (await policies(ProductRulesModule)).forOrganization(organization);
    expect(policy.evaluate({ password: 'Latchkey-Gazo!4' }).map((v) => v.code)).toEqual(['NO_PRODUCT_NAME']);
    expect(
      policy
        .evaluate({ password: 'latchkey' })
        .map((v) => v.code)
        .at(-1),
    ).toBe('NO_PRODUCT_NAME');
    expect(policy.describe().rules.map((rule) => rule.code)).toContain('NO_PRODUCT_NAME');
  });

  it('lets an organization turn the added rule off, and refuses that code without the module', async () => {
    const withRule = await policies(ProductRulesModule);
    organization.setPasswordPolicy(withRule.settings({ disabledRules: ['NO_PRODUCT_NAME'] }), INTERNAL_ORIGIN, new Date());
    expect(withRule.forOrganization(organization).evaluate({ password: 'Latchkey-Gazo!4' })).toEqual([]);
    const without = await policies();
    expect(() => without.settings({ disabledRules: ['NO_PRODUCT_NAME'] })).toThrow(ValidationFailedError);
  });
});

import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { CommonPasswordList, PasswordHistoryMatcher, ZxcvbnCommonPasswordList } from '#libs/password-policy';
import { ExtraPasswordRules } from '../../application/ports/extra-password-rules.port.js';
import { PasswordHasher } from '../../application/ports/password-hasher.port.js';
import { PasswordPolicies } from '../../application/services/password-policies.service.js';
import { Argon2PasswordHasher } from '../hashing/argon2-password.hasher.js';
import { HasherPasswordHistoryMatcher } from '../hashing/hasher-password-history.matcher.js';
import { DiscoveredPasswordRules } from './password-rule-extension.js';

/** The password-policy module wired into Nest: one common list loaded at start-up, discovered extra rules, argon2 history checks. */
@Module({
  imports: [DiscoveryModule],
  providers: [
    { provide: CommonPasswordList, useFactory: () => new ZxcvbnCommonPasswordList() },
    { provide: ExtraPasswordRules, useClass: DiscoveredPasswordRules },
    { provide: PasswordHasher, useClass: Argon2PasswordHasher },
    { provide: PasswordHistoryMatcher, useClass: HasherPasswordHistoryMatcher },
    PasswordPolicies,
  ],
  exports: [PasswordPolicies, PasswordHasher],
})
export class PasswordPolicyWiringModule {}

import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import type { PasswordRule } from '#libs/password-policy';
import { ExtraPasswordRules } from '../../application/ports/extra-password-rules.port.js';

/**
 * Marks a provider (in any module) as a password rule added to every organization's policy:
 * the multi-provider Nest lacks, built on its DiscoveryService, so a module adds a rule by
 * declaring it — neither password-policy nor identity is edited.
 *
 *     @PasswordRuleExtension() @Injectable() class NoCompanyNameRule implements PasswordRule { … }
 */
export const PasswordRuleExtension = DiscoveryService.createDecorator<void>();

@Injectable()
export class DiscoveredPasswordRules extends ExtraPasswordRules implements OnModuleInit {
  private rules: readonly PasswordRule[] = [];

  constructor(private readonly discovery: DiscoveryService) {
    super();
  }

  onModuleInit(): void {
    const instances = this.discovery
      .getProviders({ metadataKey: PasswordRuleExtension.KEY })
      .map((wrapper) => wrapper.instance as PasswordRule | undefined)
      .filter((rule): rule is PasswordRule => rule !== undefined && rule !== null);
    // A stable order (by code) whatever the order modules were imported in.
    this.rules = [...new Set(instances)].sort((a, b) => a.code.localeCompare(b.code));
  }

  all(): readonly PasswordRule[] {
    return this.rules;
  }
}

import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import type { TokenVerifier, VerifiedCredential } from '../../sessions.contract.js';

/**
 * Marks a provider, in any module, as the verifier of the bearer tokens that start with `prefix`
 * (`lk_` for API tokens). The empty prefix marks the verifier of every token no other prefix
 * claims: access JWTs, which carry no prefix of their own. A module adds a token kind by declaring
 * one; sessions is not edited.
 *
 *     @TokenKind('svc_') @Injectable() class ServiceTokenVerifier implements TokenVerifier { … }
 */
export const TokenKind = DiscoveryService.createDecorator<string>();

interface Kind {
  readonly prefix: string;
  readonly verifier: TokenVerifier;
}

/**
 * Decides whether a bearer token is valid now, by handing it to the verifier of its kind, chosen
 * by prefix. The kinds are found at start-up; a request costs one Map lookup (by the token's first
 * character) and a `startsWith`, as the single `lk_` test before it did, and allocates nothing.
 * A token whose prefix no kind claims goes to the unprefixed kind (access JWTs), which refuses
 * anything it did not sign — the same answer as before the kinds were separate. Never fails open.
 */
@Injectable()
export class CredentialVerifier implements OnModuleInit {
  private byFirstCharacter = new Map<number, readonly Kind[]>();
  private unprefixed: TokenVerifier | null = null;

  constructor(private readonly discovery: DiscoveryService) {}

  onModuleInit(): void {
    const kinds = new Map<string, TokenVerifier>();
    for (const wrapper of this.discovery.getProviders({ metadataKey: TokenKind.KEY })) {
      const verifier = wrapper.instance as TokenVerifier | undefined;
      if (!verifier) continue;
      const prefix = this.discovery.getMetadataByDecorator(TokenKind, wrapper) ?? '';
      const known = kinds.get(prefix);
      if (known && known !== verifier)
        throw new Error(`Two token verifiers claim the prefix "${prefix}": ${known.constructor.name} and ${verifier.constructor.name}`);
      kinds.set(prefix, verifier);
    }
    this.use(kinds);
  }

  verify(token: string): Promise<VerifiedCredential | null> {
    const candidates = this.byFirstCharacter.get(token.charCodeAt(0));
    if (candidates !== undefined) {
      for (let i = 0; i < candidates.length; i++) {
        if (token.startsWith(candidates[i].prefix)) return candidates[i].verifier.verify(token);
      }
    }
    return this.unprefixed === null ? Promise.resolve(null) : this.unprefixed.verify(token);
  }

  /** Refuses prefixes that overlap (one the start of another): which kind a token belongs to would be ambiguous. */
  private use(kinds: ReadonlyMap<string, TokenVerifier>): void {
    const prefixes = [...kinds.keys()].filter((prefix) => prefix !== '');
    for (const a of prefixes) {
      const overlapping = prefixes.find((b) => b !== a && b.startsWith(a));
      if (overlapping !== undefined) throw new Error(`Token prefixes "${a}" and "${overlapping}" overlap`);
    }
    const byFirstCharacter = new Map<number, Kind[]>();
    for (const prefix of prefixes) {
      const first = prefix.charCodeAt(0);
      byFirstCharacter.set(first, [...(byFirstCharacter.get(first) ?? []), { prefix, verifier: kinds.get(prefix)! }]);
    }
    this.byFirstCharacter = byFirstCharacter;
    this.unprefixed = kinds.get('') ?? null;
  }
}

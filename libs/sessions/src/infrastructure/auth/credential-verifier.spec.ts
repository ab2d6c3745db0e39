import { type INestApplicationContext, Injectable, Module, type Type } from '@nestjs/common';
import { DiscoveryModule, NestFactory } from '@nestjs/core';
import type { TokenVerifier, VerifiedCredential } from '../../sessions.contract.js';
import { CredentialVerifier, TokenKind } from './credential-verifier.js';

/** Which verifier was asked about which token, in order. */
const asked: string[] = [];

/** A verifier that accepts one token only, as the real ones accept only what they issued. */
function acceptingOnly(name: string, valid: string): TokenVerifier {
  return {
    async verify(token: string): Promise<VerifiedCredential | null> {
      asked.push(`${name} ${token}`);
      if (token !== valid) return null;
      return {
        kind: name,
        principal: { accountId: 'account-1', organizationId: 'org-1', sessionId: null, apiTokenId: null, credentialVersion: 1 },
        issuedAt: 1,
        expiresAt: null,
        tokenId: token,
      };
    },
  };
}

@TokenKind('')
@Injectable()
class AccessTokensStandIn implements TokenVerifier {
  private readonly inner = acceptingOnly('access_token', 'eyJ.signed.jwt');
  verify = (token: string) => this.inner.verify(token);
}

@TokenKind('lk_')
@Injectable()
class ApiTokensStandIn implements TokenVerifier {
  private readonly inner = acceptingOnly('api_token', 'lk_known');
  verify = (token: string) => this.inner.verify(token);
}

/** The sessions module's side: its two kinds and the registry. */
@Module({
  imports: [DiscoveryModule],
  providers: [AccessTokensStandIn, ApiTokensStandIn, CredentialVerifier],
  exports: [CredentialVerifier],
})
class KindsModule {}

/** Another module adding a kind, without touching the sessions module. */
@TokenKind('svc_')
@Injectable()
class ServiceTokens implements TokenVerifier {
  private readonly inner = acceptingOnly('service_token', 'svc_known');
  verify = (token: string) => this.inner.verify(token);
}

@Module({ providers: [ServiceTokens] })
class ServiceTokensModule {}

describe('CredentialVerifier (the token kinds, by prefix)', () => {
  let app: INestApplicationContext | undefined;

  async function verifierWith(...extensions: Type[]): Promise<CredentialVerifier> {
    @Module({ imports: [KindsModule, ...extensions] })
    class RootModule {}
    app = await NestFactory.createApplicationContext(RootModule, { logger: false, abortOnError: false });
    return app.get(CredentialVerifier);
  }

  beforeEach(() => asked.splice(0));
  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  it('hands each token to the verifier of its prefix; a token without one goes to the access tokens', async () => {
    const verifier = await verifierWith();
    await expect(verifier.verify('lk_known')).resolves.toMatchObject({ kind: 'api_token', tokenId: 'lk_known' });
    await expect(verifier.verify('eyJ.signed.jwt')).resolves.toMatchObject({ kind: 'access_token' });
    await expect(verifier.verify('lk_unknown')).resolves.toBeNull();
    expect(asked).toEqual(['api_token lk_known', 'access_token eyJ.signed.jwt', 'api_token lk_unknown']);
  });

  it('uses a kind that another module declared', async () => {
    const verifier = await verifierWith(ServiceTokensModule);
    await expect(verifier.verify('svc_known')).resolves.toMatchObject({ kind: 'service_token', tokenId: 'svc_known' });
    await expect(verifier.verify('lk_known')).resolves.toMatchObject({ kind: 'api_token' });
    expect(asked).toEqual(['service_token svc_known', 'api_token lk_known']);
  });

  it('refuses a token whose prefix no kind claims, as the access tokens refuse anything they did not sign', async () => {
    const verifier = await verifierWith();
    for (const token of ['svc_known', 'LK_known', 'l', 'lk', '']) await expect(verifier.verify(token)).resolves.toBeNull();
    expect(asked).toEqual(['access_token svc_known', 'access_token LK_known', 'access_token l', 'access_token lk', 'access_token ']);
  });

  it('refuses to start when two kinds claim the same prefix, or one prefix begins another', async () => {
    @TokenKind('lk_')
    @Injectable()
    class SecondApiTokens extends ApiTokensStandIn {}
    @Module({ providers: [SecondApiTokens] })
    class DuplicateModule {}
    await expect(verifierWith(DuplicateModule)).rejects.toThrow('Two token verifiers claim the prefix "lk_"');

    @TokenKind('lk_x')
    @Injectable()
    class LongerPrefix extends ApiTokensStandIn {}
    @Module({ providers: [LongerPrefix] })
    class OverlappingModule {}
    await expect(verifierWith(OverlappingModule)).rejects.toThrow('Token prefixes "lk_" and "lk_x" overlap');
  });
});

import { Controller, Get, Header, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { AppConfig } from '#libs/platform';
import { GetJwks } from '../../application/queries/get-signing-keys/get-signing-keys.query.js';
import { DELIVERY_METHODS } from '../../domain/event-types.js';
import { JwksResponse, TransmitterConfigurationResponse } from './dtos/responses.dto.js';

export const SSF_PATHS = {
  jwks: '/v1/shared-signals/jwks',
  streams: '/v1/shared-signals/streams',
  status: '/v1/shared-signals/streams/status',
  addSubject: '/v1/shared-signals/streams/subjects/add',
  removeSubject: '/v1/shared-signals/streams/subjects/remove',
  verify: '/v1/shared-signals/streams/verify',
} as const;

/** SSF 1.0 §7: the transmitter's metadata and its signing keys; both public. */
@ApiTags('shared-signals')
@Controller()
export class DiscoveryController {
  private readonly issuer: string;
  private readonly jwksMaxAge: number;

  constructor(
    config: AppConfig,
    private readonly queries: QueryBus,
  ) {
    this.issuer = config.PUBLIC_URL.replace(/\/+$/, '');
    // A cache may keep the JWKS no longer than a new key waits before it signs.
    this.jwksMaxAge = Math.min(300, config.SSF_KEY_ACTIVATION_DELAY_SECONDS);
  }

  @Get('.well-known/ssf-configuration')
  @Header('cache-control', 'public, max-age=300')
  @ApiOkResponse({ type: TransmitterConfigurationResponse })
  configuration(): TransmitterConfigurationResponse {
    const url = (path: string) => `${this.issuer}${path}`;
    return {
      spec_version: '1_0',
      issuer: this.issuer,
      jwks_uri: url(SSF_PATHS.jwks),
      delivery_methods_supported: [...DELIVERY_METHODS],
      configuration_endpoint: url(SSF_PATHS.streams),
      status_endpoint: url(SSF_PATHS.status),
      add_subject_endpoint: url(SSF_PATHS.addSubject),
      remove_subject_endpoint: url(SSF_PATHS.removeSubject),
      verification_endpoint: url(SSF_PATHS.verify),
      authorization_schemes: [{ spec_urn: 'urn:ietf:rfc:6750' }],
      default_subjects: 'NONE',
    };
  }

  @Get('v1/shared-signals/jwks')
  @ApiOkResponse({
    type: JwksResponse,
    description: 'The keys SETs are signed with (RS256), retired ones until every SET they signed has had time to be delivered.',
  })
  async jwks(@Res({ passthrough: true }) reply: FastifyReply): Promise<{ keys: Array<Record<string, unknown>> }> {
    void reply.header('cache-control', `public, max-age=${this.jwksMaxAge}`).header('content-type', 'application/jwk-set+json');
    return this.queries.execute(new GetJwks());
  }
}

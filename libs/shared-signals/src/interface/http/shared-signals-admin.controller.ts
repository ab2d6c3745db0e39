import { Body, Controller, Delete, Get, HttpCode, Param, Post, UseGuards } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import {
  CreateStreamCredential,
  type CreatedStreamCredential,
  type StreamCredentialView,
} from '../../application/commands/create-stream-credential/create-stream-credential.command.js';
import { RevokeStreamCredential } from '../../application/commands/revoke-stream-credential/revoke-stream-credential.command.js';
import { RotateSigningKey } from '../../application/commands/rotate-signing-key/rotate-signing-key.command.js';
import type { SigningKeyView } from '../../application/ports/signing-keys.port.js';
import { ListSigningKeys } from '../../application/queries/get-signing-keys/get-signing-keys.query.js';
import { ListStreamCredentials } from '../../application/queries/list-stream-credentials/list-stream-credentials.query.js';
import { CreateStreamCredentialDto } from './dtos/credential.dto.js';
import { CreatedStreamCredentialResponse, SigningKeyResponse, StreamCredentialResponse } from './dtos/responses.dto.js';
import { SharedSignalsAdminGuard } from './stream-caller.guard.js';

/** The administrator's side of the transmitter: signing keys and organizations' stream credentials (administration key). */
@ApiTags('shared-signals')
@ApiBearerAuth()
@UseGuards(SharedSignalsAdminGuard)
@Controller('v1')
export class SharedSignalsAdminController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Get('shared-signals/keys')
  @ApiOkResponse({ type: [SigningKeyResponse] })
  keys(): Promise<SigningKeyView[]> {
    return this.queries.execute(new ListSigningKeys());
  }

  @Post('shared-signals/keys/rotate')
  @ApiCreatedResponse({ type: SigningKeyResponse, description: 'The new key: published now, signing from activatesAt.' })
  rotate(): Promise<SigningKeyView> {
    return this.commands.execute(new RotateSigningKey());
  }

  @Post('organizations/:organization/shared-signals/credentials')
  @ApiCreatedResponse({ type: CreatedStreamCredentialResponse })
  createCredential(@Param('organization') organization: string, @Body() body: CreateStreamCredentialDto): Promise<CreatedStreamCredential> {
    return this.commands.execute(new CreateStreamCredential(organization, body.name));
  }

  @Get('organizations/:organization/shared-signals/credentials')
  @ApiOkResponse({ type: [StreamCredentialResponse] })
  credentials(@Param('organization') organization: string): Promise<StreamCredentialView[]> {
    return this.queries.execute(new ListStreamCredentials(organization));
  }

  @Delete('organizations/:organization/shared-signals/credentials/:id')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'The credential no longer authorizes anything; its streams stay.' })
  async revokeCredential(@Param('organization') organization: string, @Param('id') id: string): Promise<void> {
    await this.commands.execute(new RevokeStreamCredential(organization, id));
  }
}

import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Put, Query, Res, UseGuards } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ChangeStreamStatus } from '../../application/commands/change-stream-status/change-stream-status.command.js';
import { ChangeSubjects } from '../../application/commands/change-subjects/change-subjects.command.js';
import { CreateStream } from '../../application/commands/create-stream/create-stream.command.js';
import { DeleteStream } from '../../application/commands/delete-stream/delete-stream.command.js';
import { UpdateStream } from '../../application/commands/update-stream/update-stream.command.js';
import { VerifyStream } from '../../application/commands/verify-stream/verify-stream.command.js';
import { GetStreamStatus } from '../../application/queries/get-stream-status/get-stream-status.query.js';
import { GetStreams } from '../../application/queries/get-streams/get-streams.query.js';
import type { StreamConfiguration, StreamStatusView } from '../../application/services/stream-configuration.js';
import { VerificationTooFrequentError } from '../../domain/shared-signals.errors.js';
import type { StreamCaller } from '../../domain/stream-caller.js';
import type { ReceiverConfiguration } from '../../domain/stream.aggregate.js';
import { StreamConfigurationResponse, StreamStatusResponse } from './dtos/responses.dto.js';
import {
  CreateStreamDto,
  RequiredStreamIdQueryDto,
  type StreamDeliveryDto,
  StreamIdQueryDto,
  StreamSubjectDto,
  UpdateStreamDto,
  UpdateStreamStatusDto,
  VerifyStreamDto,
} from './dtos/stream.dto.js';
import { Caller, StreamCallerGuard } from './stream-caller.guard.js';

function receiverConfiguration(body: CreateStreamDto | UpdateStreamDto): ReceiverConfiguration {
  const delivery = (d: StreamDeliveryDto) => ({
    method: d.method,
    endpointUrl: d.endpoint_url,
    authorizationHeader: d.authorization_header,
  });
  return {
    ...(body.delivery ? { delivery: delivery(body.delivery) } : {}),
    ...(body.events_requested ? { eventsRequested: body.events_requested } : {}),
    ...(body.description !== undefined ? { description: body.description } : {}),
    ...(body.aud ? { audience: body.aud } : {}),
  };
}

function update(caller: StreamCaller, body: UpdateStreamDto, replace: boolean): UpdateStream {
  const echoed = {
    iss: body.iss,
    eventsSupported: body.events_supported,
    eventsDelivered: body.events_delivered,
    minVerificationInterval: body.min_verification_interval,
  };
  return new UpdateStream(caller, body.stream_id, receiverConfiguration(body), echoed, replace);
}

/**
 * The SSF 1.0 §8 stream management API (docs/shared-signals.md). Bearer: the administration key or a
 * stream credential of the organization; a stream of another organization is 404.
 */
@ApiTags('shared-signals')
@ApiBearerAuth()
@ApiNotFoundResponse({ description: 'No such stream for this caller.' })
@UseGuards(StreamCallerGuard)
@Controller('v1/shared-signals/streams')
export class StreamsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  @ApiCreatedResponse({ type: StreamConfigurationResponse })
  create(@Caller() caller: StreamCaller, @Body() body: CreateStreamDto): Promise<StreamConfiguration> {
    return this.commands.execute(new CreateStream(caller, body.organization, receiverConfiguration(body)));
  }

  @Get()
  @ApiOkResponse({
    type: StreamConfigurationResponse,
    description: 'One stream with stream_id; without it, an array of every stream the caller may see.',
  })
  read(@Caller() caller: StreamCaller, @Query() query: StreamIdQueryDto): Promise<StreamConfiguration | StreamConfiguration[]> {
    return this.queries.execute(new GetStreams(caller, query.stream_id));
  }

  @Patch()
  @ApiOkResponse({ type: StreamConfigurationResponse })
  update(@Caller() caller: StreamCaller, @Body() body: UpdateStreamDto): Promise<StreamConfiguration> {
    return this.commands.execute(update(caller, body, false));
  }

  @Put()
  @ApiOkResponse({ type: StreamConfigurationResponse })
  replace(@Caller() caller: StreamCaller, @Body() body: UpdateStreamDto): Promise<StreamConfiguration> {
    return this.commands.execute(update(caller, body, true));
  }

  @Delete()
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'The stream and its subjects are deleted.' })
  async delete(@Caller() caller: StreamCaller, @Query() query: RequiredStreamIdQueryDto): Promise<void> {
    await this.commands.execute(new DeleteStream(caller, query.stream_id));
  }

  @Get('status')
  @ApiOkResponse({ type: StreamStatusResponse })
  status(@Caller() caller: StreamCaller, @Query() query: RequiredStreamIdQueryDto): Promise<StreamStatusView> {
    return this.queries.execute(new GetStreamStatus(caller, query.stream_id));
  }

  @Post('status')
  @HttpCode(200)
  @ApiOkResponse({ type: StreamStatusResponse })
  changeStatus(@Caller() caller: StreamCaller, @Body() body: UpdateStreamStatusDto): Promise<StreamStatusView> {
    return this.commands.execute(new ChangeStreamStatus(caller, body.stream_id, body.status, body.reason ?? null));
  }

  @Post('subjects/add')
  @HttpCode(200)
  @ApiOkResponse({ description: 'The subject is in the stream (it may have been already).' })
  async addSubject(@Caller() caller: StreamCaller, @Body() body: StreamSubjectDto): Promise<void> {
    await this.commands.execute(new ChangeSubjects(caller, body.stream_id, body.subject, true));
  }

  @Post('subjects/remove')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'The subject is not in the stream (it may not have been).' })
  async removeSubject(@Caller() caller: StreamCaller, @Body() body: StreamSubjectDto): Promise<void> {
    await this.commands.execute(new ChangeSubjects(caller, body.stream_id, body.subject, false));
  }

  @Post('verify')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'A verification event with the given state is on its way.' })
  @ApiTooManyRequestsResponse({ description: 'Asked again within min_verification_interval (Retry-After says when).' })
  async verify(
    @Caller() caller: StreamCaller,
    @Body() body: VerifyStreamDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<void> {
    try {
      await this.commands.execute(new VerifyStream(caller, body.stream_id, body.state));
    } catch (error) {
      if (error instanceof VerificationTooFrequentError) void reply.header('retry-after', String(error.extensions.retryAfter));
      throw error;
    }
  }
}

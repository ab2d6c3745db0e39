import { Body, Controller, HttpCode, Param, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ValidationFailedError } from '#libs/building-blocks';
import { PollEventsCommand, type PollAnswer } from '../../application/commands/poll-events/poll-events.command.js';
import { PollEventsHandler } from '../../application/commands/poll-events/poll-events.handler.js';
import type { SetError } from '../../application/ports/event-log.port.js';
import type { StreamCaller } from '../../domain/stream-caller.js';
import { DEFAULT_POLL_EVENTS, MAX_POLL_EVENTS, PollRequestDto } from './dtos/poll.dto.js';
import { Caller, StreamCallerGuard } from './stream-caller.guard.js';

function setErrors(value: PollRequestDto['setErrs']): Record<string, SetError> {
  const errors: Record<string, SetError> = {};
  const entries = Object.entries(value ?? {});
  if (entries.length > MAX_POLL_EVENTS)
    throw new ValidationFailedError(`setErrs has more than ${MAX_POLL_EVENTS} members.`, [
      { field: 'setErrs', message: 'too many members' },
    ]);
  for (const [jti, error] of entries) {
    const { err, description } = (error ?? {}) as { err?: unknown; description?: unknown };
    if (jti.length > 100 || typeof err !== 'string' || err.length > 100 || (description !== undefined && typeof description !== 'string')) {
      const message = 'must map a jti to {"err": "<code>", "description": "<text>"}';
      throw new ValidationFailedError(`setErrs ${message}.`, [{ field: `setErrs.${jti.slice(0, 100)}`, message }]);
    }
    errors[jti] = { err, description: description?.slice(0, 200) };
  }
  return errors;
}

/**
 * RFC 8936 poll delivery: `POST /v1/shared-signals/poll/{streamId}` (the stream's `endpoint_url`),
 * authorized as the stream management API is (the administration key or a stream credential of the
 * stream's organization). An unknown or malformed stream id answers 404, as another organization's does.
 */
@ApiTags('shared-signals')
@ApiBearerAuth()
@UseGuards(StreamCallerGuard)
@Controller('v1/shared-signals/poll')
export class PollController {
  constructor(private readonly poll: PollEventsHandler) {}

  @Post(':streamId')
  @HttpCode(200)
  @ApiOperation({ summary: 'Poll a stream for SETs, acknowledging those received (RFC 8936)' })
  events(@Caller() caller: StreamCaller, @Param('streamId') streamId: string, @Body() body: PollRequestDto): Promise<PollAnswer> {
    return this.poll.execute(
      new PollEventsCommand(
        caller,
        streamId,
        body.maxEvents ?? DEFAULT_POLL_EVENTS,
        body.returnImmediately ?? false,
        body.ack ?? [],
        setErrors(body.setErrs),
      ),
    );
  }
}

import { Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, UseGuards } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { EndSessionCommand } from '../../application/commands/end-session/end-session.command.js';
import type { Principal } from '../../sessions.contract.js';
import { ListSessionsQuery, type SessionView } from '../../application/queries/list-sessions/list-sessions.query.js';
import { AuthGuard } from './auth.guard.js';
import { CurrentPrincipal } from './current-principal.decorator.js';
import { SessionDto } from './dtos/session.dto.js';

@ApiTags('me')
@ApiBearerAuth()
@UseGuards(AuthGuard)
@Controller('v1/me/sessions')
export class MySessionsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  /** The account's open sessions, newest first. */
  @Get()
  @ApiOkResponse({ type: [SessionDto] })
  list(@CurrentPrincipal() principal: Principal): Promise<SessionView[]> {
    return this.queries.execute(new ListSessionsQuery(principal.accountId, principal.sessionId));
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'The session has ended; its tokens answer 401 from now on.' })
  async end(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    await this.commands.execute(new EndSessionCommand(principal.accountId, id, 'ended_by_user'));
  }
}

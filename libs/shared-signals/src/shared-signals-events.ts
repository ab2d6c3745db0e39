import type { Provider, Type } from '@nestjs/common';
import { DeliverStreamHandler } from './application/commands/deliver-stream/deliver-stream.handler.js';
import { StreamPush } from './application/commands/deliver-stream/stream-push.js';
import { PendingSets } from './application/commands/poll-events/pending-sets.js';
import { PollEventsHandler } from './application/commands/poll-events/poll-events.handler.js';
import { ActionTxn } from './application/ports/action-txn.port.js';
import { EventLog } from './application/ports/event-log.port.js';
import { PollWakeups, SetPusher } from './application/ports/set-pusher.port.js';
import { StreamEvents } from './application/ports/stream-events.port.js';
import { CredentialChangeRequiredSubscriber } from './application/subscribers/credential-change-required.subscriber.js';
import { CredentialChangeSubscriber } from './application/subscribers/credential-change.subscriber.js';
import { SessionRevokedSubscriber } from './application/subscribers/session-revoked.subscriber.js';
import { StreamFanOut } from './application/subscribers/stream-fan-out.js';
import { DeliveryBacklog } from './infrastructure/delivery/delivery-backlog.js';
import { DeliveryNudges } from './infrastructure/delivery/delivery-nudges.js';
import { HttpSetPusher } from './infrastructure/delivery/http-set-pusher.js';
import { LocalPollWakeups } from './infrastructure/delivery/local-poll-wakeups.js';
import { PostgresEventLog } from './infrastructure/persistence/postgres-event-log.js';
import { PostgresStreamEvents } from './infrastructure/persistence/postgres-stream-events.js';
import { StreamEventRecordSchema } from './infrastructure/persistence/stream-event.record.js';
import { TransactionTxn } from './infrastructure/persistence/transaction-txn.js';
import { PollController } from './interface/http/poll.controller.js';

/** The event log's entity (appends go through the unit of work). */
export const EVENT_SCHEMAS = [StreamEventRecordSchema];

/** Delivery, shared by the API (poll) and the worker (push): the event log, signing claims and pushing. */
export const DELIVERY_PROVIDERS: Provider[] = [
  { provide: EventLog, useClass: PostgresEventLog },
  { provide: SetPusher, useClass: HttpSetPusher },
  StreamPush,
  DeliverStreamHandler,
];

/**
 * The API side of events and delivery: the subscribers that turn domain events into SETs in the
 * change's transaction, the event log they append to, the nudges after commit, poll delivery and the
 * backlog on /metrics and /health. Spread into SharedSignalsModule's providers.
 */
export const EVENT_PROVIDERS: Provider[] = [
  { provide: StreamEvents, useClass: PostgresStreamEvents },
  { provide: ActionTxn, useClass: TransactionTxn },
  DeliveryNudges,
  { provide: PollWakeups, useClass: LocalPollWakeups },
  StreamFanOut,
  SessionRevokedSubscriber,
  CredentialChangeSubscriber,
  CredentialChangeRequiredSubscriber,
  { provide: EventLog, useClass: PostgresEventLog },
  PendingSets,
  PollEventsHandler,
  DeliveryBacklog,
];

export const EVENT_CONTROLLERS: Type[] = [PollController];

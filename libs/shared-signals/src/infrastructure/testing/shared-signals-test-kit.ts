import { randomUUID } from 'node:crypto';
import { Clock, UnitOfWork } from '#libs/building-blocks';
import { ChangeStreamStatusHandler } from '../../application/commands/change-stream-status/change-stream-status.handler.js';
import { ChangeSubjectsHandler } from '../../application/commands/change-subjects/change-subjects.handler.js';
import { CreateStreamHandler } from '../../application/commands/create-stream/create-stream.handler.js';
import { DeleteStreamHandler } from '../../application/commands/delete-stream/delete-stream.handler.js';
import { UpdateStreamHandler } from '../../application/commands/update-stream/update-stream.handler.js';
import { VerifyStreamHandler } from '../../application/commands/verify-stream/verify-stream.handler.js';
import type { TransmitterSettings } from '../../application/ports/transmitter-settings.port.js';
import { GetStreamStatusHandler } from '../../application/queries/get-stream-status/get-stream-status.handler.js';
import { GetStreamsHandler } from '../../application/queries/get-streams/get-streams.handler.js';
import { StreamAccess } from '../../application/services/stream-access.service.js';
import { InMemoryOrganizationDirectory } from './in-memory-organization.directory.js';
import { InMemoryStreamEvents } from './in-memory-stream.events.js';
import { InMemoryStreamRepository } from './in-memory-stream.repository.js';

class ImmediateUnitOfWork extends UnitOfWork {
  run<T>(work: () => Promise<T>): Promise<T> {
    return work();
  }

  join<T>(work: () => Promise<T>): Promise<T> {
    return work();
  }
}

export class ManualClock extends Clock {
  constructor(public current = new Date('2026-12-01T10:00:00Z')) {
    super();
  }

  now(): Date {
    return new Date(this.current);
  }

  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}

/** The stream use cases over in-memory adapters, two organizations, for unit specs. */
export function sharedSignalsTestKit(overrides: Partial<TransmitterSettings> = {}) {
  const acme = { id: randomUUID(), name: 'acme' };
  const globex = { id: randomUUID(), name: 'globex' };
  const settings: TransmitterSettings = {
    issuer: 'https://id.example.com',
    allowHttpPush: false,
    maxStreamsPerOrganization: 3,
    minVerificationIntervalSeconds: 15,
    ...overrides,
  };
  const clock = new ManualClock();
  const unitOfWork = new ImmediateUnitOfWork();
  const streams = new InMemoryStreamRepository();
  const events = new InMemoryStreamEvents();
  const organizations = new InMemoryOrganizationDirectory([acme, globex]);
  const access = new StreamAccess(streams, organizations);
  return {
    acme,
    globex,
    settings,
    clock,
    streams,
    events,
    organizations,
    create: new CreateStreamHandler(unitOfWork, clock, streams, access, settings),
    update: new UpdateStreamHandler(unitOfWork, clock, streams, access, settings),
    remove: new DeleteStreamHandler(unitOfWork, streams, access),
    status: new ChangeStreamStatusHandler(unitOfWork, clock, streams, access),
    subjects: new ChangeSubjectsHandler(unitOfWork, clock, streams, access),
    verify: new VerifyStreamHandler(unitOfWork, clock, streams, access, events, settings),
    read: new GetStreamsHandler(streams, access, settings),
    readStatus: new GetStreamStatusHandler(access),
  };
}

import { Injectable } from '@nestjs/common';
import { type StreamCaller, mayAccess } from '../../domain/stream-caller.js';
import type { Stream } from '../../domain/stream.aggregate.js';
import { StreamRepository } from '../../domain/stream.repository.js';
import { OrganizationNotFoundError, OrganizationRequiredError, StreamNotFoundError } from '../../domain/shared-signals.errors.js';
import { OrganizationDirectory, type OrganizationRef } from '../ports/organization-directory.port.js';

/** A caller reaches only its organization's streams; any other stream is "not found", never "forbidden". */
@Injectable()
export class StreamAccess {
  constructor(
    private readonly streams: StreamRepository,
    private readonly organizations: OrganizationDirectory,
  ) {}

  async stream(caller: StreamCaller, streamId: string, options: { lock?: boolean } = {}): Promise<Stream> {
    const stream = options.lock ? await this.streams.lock(streamId) : await this.streams.findById(streamId);
    if (!stream || !mayAccess(caller, stream.organizationId)) throw new StreamNotFoundError();
    return stream;
  }

  /** The organization a new stream belongs to: the credential's, or the one the administrator names. */
  async organizationForCreate(caller: StreamCaller, named: string | undefined): Promise<OrganizationRef> {
    if (caller.kind === 'organization') {
      const own = await this.organizations.byId(caller.organizationId);
      if (!own) throw new OrganizationNotFoundError();
      if (named !== undefined && named.toLowerCase() !== own.name) {
        throw new OrganizationRequiredError(
          'A stream credential creates streams of its own organization only; leave out "organization" or name that one.',
        );
      }
      return own;
    }
    if (named === undefined) throw new OrganizationRequiredError();
    const found = await this.organizations.byName(named.toLowerCase());
    if (!found) throw new OrganizationNotFoundError();
    return found;
  }

  async organizationOf(stream: Stream): Promise<OrganizationRef> {
    const found = await this.organizations.byId(stream.organizationId);
    if (!found) throw new StreamNotFoundError();
    return found;
  }
}

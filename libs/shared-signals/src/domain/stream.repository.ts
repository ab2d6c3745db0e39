import type { Stream } from './stream.aggregate.js';
import type { StreamSubject } from './subject.js';

/** Streams and their subjects (PostgreSQL; in memory for specs). */
export abstract class StreamRepository {
  abstract add(stream: Stream): Promise<void>;
  abstract save(stream: Stream): Promise<void>;
  abstract delete(streamId: string): Promise<void>;
  abstract findById(streamId: string): Promise<Stream | null>;
  /** Locks the stream's row for the rest of the transaction (status changes and verification do not race). */
  abstract lock(streamId: string): Promise<Stream | null>;
  /** Oldest first; every organization's when `organizationId` is null. */
  abstract list(organizationId: string | null): Promise<Stream[]>;
  /** Counted under a lock on the organization, so two creates cannot both pass the limit. */
  abstract countLocked(organizationId: string): Promise<number>;
  /** True when the subject was not there yet. */
  abstract addSubject(streamId: string, subject: StreamSubject, now: Date): Promise<boolean>;
  /** True when the subject was there. */
  abstract removeSubject(streamId: string, subject: StreamSubject): Promise<boolean>;
}

import { Stream } from '../../domain/stream.aggregate.js';
import { StreamRepository } from '../../domain/stream.repository.js';
import { type StreamSubject, subjectKey } from '../../domain/subject.js';

/** Streams and subjects in maps, copied in and out like rows. */
export class InMemoryStreamRepository extends StreamRepository {
  readonly rows = new Map<string, ReturnType<Stream['snapshot']>>();
  readonly subjects = new Map<string, Set<string>>();

  async add(stream: Stream): Promise<void> {
    this.rows.set(stream.id, structuredClone(stream.snapshot()));
  }

  async save(stream: Stream): Promise<void> {
    this.rows.set(stream.id, structuredClone(stream.snapshot()));
  }

  async delete(streamId: string): Promise<void> {
    this.rows.delete(streamId);
    this.subjects.delete(streamId);
  }

  async findById(streamId: string): Promise<Stream | null> {
    const row = this.rows.get(streamId);
    return row ? Stream.restore(structuredClone(row)) : null;
  }

  lock(streamId: string): Promise<Stream | null> {
    return this.findById(streamId);
  }

  async list(organizationId: string | null): Promise<Stream[]> {
    return [...this.rows.values()]
      .filter((row) => organizationId === null || row.organizationId === organizationId)
      .map((row) => Stream.restore(structuredClone(row)));
  }

  async countLocked(organizationId: string): Promise<number> {
    return (await this.list(organizationId)).length;
  }

  async addSubject(streamId: string, subject: StreamSubject): Promise<boolean> {
    const keys = this.subjects.get(streamId) ?? new Set<string>();
    this.subjects.set(streamId, keys);
    const added = !keys.has(subjectKey(subject));
    keys.add(subjectKey(subject));
    return added;
  }

  async removeSubject(streamId: string, subject: StreamSubject): Promise<boolean> {
    return this.subjects.get(streamId)?.delete(subjectKey(subject)) ?? false;
  }
}

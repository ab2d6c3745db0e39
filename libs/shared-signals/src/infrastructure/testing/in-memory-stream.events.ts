import { type StreamEventInput, StreamEvents } from '../../application/ports/stream-events.port.js';

/** Records what was appended, per stream, in order. */
export class InMemoryStreamEvents extends StreamEvents {
  readonly appended: Array<{ streamId: string; event: StreamEventInput }> = [];

  async append(streamId: string, event: StreamEventInput): Promise<void> {
    this.appended.push({ streamId, event });
  }
}

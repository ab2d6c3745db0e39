/** Push a stream's pending events (RFC 8935), in order, until its head must wait or nothing is left. */
export class DeliverStreamCommand {
  constructor(readonly streamId: string) {}
}

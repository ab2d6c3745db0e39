export { SharedSignalsModule } from './shared-signals.module.js';
export { SharedSignalsWorkerModule } from './shared-signals-worker.module.js';
export { SetSigner } from './application/ports/set-signer.port.js';
export { StreamDirectory, type StreamDelivery, type StreamStatus, type StreamTarget } from './application/ports/stream-directory.port.js';
export { StreamEvents, type StreamEventInput } from './application/ports/stream-events.port.js';
export {
  ACCOUNT_CREDENTIAL_CHANGE_REQUIRED,
  CREDENTIAL_CHANGE,
  POLL_METHOD,
  PUSH_METHOD,
  SESSION_REVOKED,
  STREAM_UPDATED,
  SUPPORTED_EVENT_TYPES,
  VERIFICATION,
} from './domain/event-types.js';

/** The settings of the transmitter that use cases decide on (docs/settings.md). */
export abstract class TransmitterSettings {
  /** PUBLIC_URL without a trailing slash: the `iss` of SETs and stream configurations. */
  abstract readonly issuer: string;
  abstract readonly allowHttpPush: boolean;
  abstract readonly maxStreamsPerOrganization: number;
  abstract readonly minVerificationIntervalSeconds: number;
}

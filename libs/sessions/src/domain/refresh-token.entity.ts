/** One link of a session's refresh-token chain; only its SHA-256 hash is kept. */
export class RefreshToken {
  usedAt: Date | null = null;

  constructor(
    readonly id: string,
    readonly sessionId: string,
    readonly tokenHash: string,
    readonly createdAt: Date,
  ) {}

  isUsed(): boolean {
    return this.usedAt !== null;
  }
}

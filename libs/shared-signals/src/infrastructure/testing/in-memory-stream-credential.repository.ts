import { type StreamCredential, StreamCredentialRepository } from '../../domain/stream-credential.js';

export class InMemoryStreamCredentialRepository extends StreamCredentialRepository {
  readonly rows: StreamCredential[] = [];

  async add(credential: StreamCredential): Promise<void> {
    this.rows.push({ ...credential });
  }

  async findActiveByHash(secretHash: string): Promise<StreamCredential | null> {
    return this.rows.find((c) => c.secretHash === secretHash && c.revokedAt === null) ?? null;
  }

  async list(organizationId: string): Promise<StreamCredential[]> {
    return this.rows.filter((c) => c.organizationId === organizationId);
  }

  async revoke(organizationId: string, credentialId: string, now: Date): Promise<boolean> {
    const index = this.rows.findIndex((c) => c.id === credentialId && c.organizationId === organizationId && c.revokedAt === null);
    if (index < 0) return false;
    this.rows[index] = { ...this.rows[index], revokedAt: now };
    return true;
  }
}

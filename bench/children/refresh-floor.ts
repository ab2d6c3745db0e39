import 'reflect-metadata';
import { createHash, createSecretKey, randomBytes, randomUUID } from 'node:crypto';
import { Body, Controller, HttpCode, Module, Post, UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import pg from 'pg';
import { serveFloor } from './serve-floor.js';

/**
 * The framework's floor for a refresh, beside which Latchkey's is read: NestJS on Fastify and, on the
 * installation's own database, one transaction that selects the presented refresh token's row (by its
 * SHA-256) for update, marks it used and inserts its successor; then an HS256 JWT (KeyObject secret)
 * and the successor returned. A used or unknown token answers 401. No session row, no lock on it, no
 * reuse detection, no cache or revocation marker, no logging, no validation: less than a rotation that
 * keeps docs/api.md's promises must do. `POST /floor/chains` starts a chain (a first token, outside the
 * measurement). Prints `ready` when it listens.
 */
const jwt = new JwtService({ secret: createSecretKey(Buffer.from(process.env.JWT_SECRET ?? 'floor-secret-of-at-least-32-bytes!!')) });
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
const sha256 = (token: string) => createHash('sha256').update(token).digest('hex');
const secret = () => randomBytes(32).toString('base64url');

@Controller()
class FloorController {
  @Post('floor/chains')
  @HttpCode(201)
  async start() {
    const refreshToken = secret();
    await pool.query('insert into floor_refresh_tokens (id, session_id, token_hash, created_at) values ($1, $2, $3, now())', [
      randomUUID(),
      randomUUID(),
      sha256(refreshToken),
    ]);
    return { refreshToken };
  }

  @Post('v1/auth/refresh')
  @HttpCode(200)
  async refresh(@Body() body: { refreshToken: string }) {
    const next = secret();
    const client = await pool.connect();
    let sessionId: string | undefined;
    try {
      await client.query('begin');
      const { rows } = await client.query<{ id: string; session_id: string; used_at: Date | null }>(
        'select id, session_id, used_at from floor_refresh_tokens where token_hash = $1 for update',
        [sha256(String(body.refreshToken))],
      );
      const row = rows[0];
      if (row && row.used_at === null) {
        await client.query('update floor_refresh_tokens set used_at = now() where id = $1', [row.id]);
        await client.query('insert into floor_refresh_tokens (id, session_id, token_hash, created_at) values ($1, $2, $3, now())', [
          randomUUID(),
          row.session_id,
          sha256(next),
        ]);
        sessionId = row.session_id;
      }
      await client.query(sessionId ? 'commit' : 'rollback');
    } catch (error) {
      await client.query('rollback').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
    if (!sessionId) throw new UnauthorizedException();
    return {
      accessToken: jwt.sign({ sid: sessionId, jti: randomUUID() }, { algorithm: 'HS256', expiresIn: 900 }),
      refreshToken: next,
    };
  }
}

@Module({ controllers: [FloorController] })
class FloorModule {}

await pool.query(
  `create table if not exists floor_refresh_tokens (
     id uuid primary key, session_id uuid not null, token_hash text not null unique, created_at timestamptz not null, used_at timestamptz)`,
);
await serveFloor(FloorModule, () => pool.end());

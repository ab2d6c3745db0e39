import 'reflect-metadata';
import { createSecretKey, randomBytes, randomUUID } from 'node:crypto';
import { type Algorithm, verify } from '@node-rs/argon2';
import { Body, Controller, HttpCode, Module, Post, UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import pg from 'pg';
import { serveFloor } from './serve-floor.js';

/**
 * The framework's floor for a sign-in, beside which Latchkey's is read: NestJS on Fastify, one
 * indexed read of the account's hash from the installation's own database, the argon2id verify
 * (same library), one durable single-statement insert of a session row, an HS256 JWT (KeyObject
 * secret) and a random refresh token. No transaction, no row lock, no audit row, no refresh-token
 * row, no cache, no logging, no validation: less than any sign-in that keeps docs/guarantees.md must
 * do. Prints `ready` when it listens.
 */
const ARGON2ID = 2 as Algorithm;
const jwt = new JwtService({ secret: createSecretKey(Buffer.from(process.env.JWT_SECRET ?? 'floor-secret-of-at-least-32-bytes!!')) });
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });

interface SignInBody {
  organization: string;
  email: string;
  password: string;
}

@Controller('v1/auth')
class FloorController {
  @Post('sign-in')
  @HttpCode(200)
  async signIn(@Body() body: SignInBody) {
    const { rows } = await pool.query<{ id: string; password_hash: string }>(
      `select a.id, a.password_hash from accounts a join organizations o on o.id = a.organization_id
        where o.name = $1 and a.email_normalized = $2`,
      [body.organization, body.email.toLowerCase()],
    );
    const account = rows[0];
    if (!account || !(await verify(account.password_hash, body.password, { algorithm: ARGON2ID }))) throw new UnauthorizedException();
    const sessionId = randomUUID();
    await pool.query('insert into floor_sessions (id, account_id, created_at) values ($1, $2, now())', [sessionId, account.id]);
    return {
      accessToken: jwt.sign({ sub: account.id, sid: sessionId }, { algorithm: 'HS256', expiresIn: 900 }),
      refreshToken: randomBytes(32).toString('base64url'),
    };
  }
}

@Module({ controllers: [FloorController] })
class FloorModule {}

await pool.query(
  'create table if not exists floor_sessions (id uuid primary key, account_id uuid not null, created_at timestamptz not null)',
);
await serveFloor(FloorModule, () => pool.end());

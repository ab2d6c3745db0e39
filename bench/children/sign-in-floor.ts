import 'reflect-metadata';
import { createHash, createSecretKey, randomBytes, randomUUID } from 'node:crypto';
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
 *
 * With FLOOR_SHAPE=transaction, the write after the verify takes the shape of Latchkey's instead: on one
 * pooled connection BEGIN, the account's row selected for update, one statement inserting the session
 * and its first refresh token, one inserting an audit row, COMMIT — the same five round trips, each a
 * named prepared statement as Latchkey's are. Beside the plain floor it prices that shape alone, so
 * Latchkey's distance to it is its own code (ORM, handlers, events), not the round trips.
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
    const refreshToken = randomBytes(32).toString('base64url');
    if (TRANSACTION_SHAPE) await writeAsLatchkeyDoes(account.id, sessionId, refreshToken);
    else await pool.query('insert into floor_sessions (id, account_id, created_at) values ($1, $2, now())', [sessionId, account.id]);
    return {
      accessToken: jwt.sign({ sub: account.id, sid: sessionId }, { algorithm: 'HS256', expiresIn: 900 }),
      refreshToken,
    };
  }
}

const TRANSACTION_SHAPE = process.env.FLOOR_SHAPE === 'transaction';

async function writeAsLatchkeyDoes(accountId: string, sessionId: string, refreshToken: string): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('begin');
    await client.query({ name: 'floor_lock', text: 'select * from accounts where id = $1 for update', values: [accountId] });
    await client.query({
      name: 'floor_session',
      text: `with opened as (insert into floor_sessions (id, account_id, created_at) values ($1, $2, now()))
             insert into floor_sign_in_refresh_tokens (id, session_id, token_hash, created_at) values ($3, $1, $4, now())`,
      values: [sessionId, accountId, randomUUID(), createHash('sha256').update(refreshToken).digest('base64url')],
    });
    await client.query({
      name: 'floor_audit',
      text: `insert into floor_sign_in_events (id, type, account_id, occurred_at, details) values ($1, 'sign-in.succeeded', $2, now(), $3)`,
      values: [randomUUID(), accountId, JSON.stringify({ sessionId })],
    });
    await client.query('commit');
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

@Module({ controllers: [FloorController] })
class FloorModule {}

await pool.query(
  'create table if not exists floor_sessions (id uuid primary key, account_id uuid not null, created_at timestamptz not null)',
);
if (TRANSACTION_SHAPE) {
  await pool.query(`create table if not exists floor_sign_in_refresh_tokens (id uuid primary key, session_id uuid not null references floor_sessions,
    token_hash text not null unique, created_at timestamptz not null)`);
  await pool.query(`create table if not exists floor_sign_in_events (id uuid primary key, type text not null, account_id uuid not null,
    occurred_at timestamptz not null, details jsonb not null)`);
}
await serveFloor(FloorModule, () => pool.end());

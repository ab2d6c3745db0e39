import 'reflect-metadata';
import { createSecretKey, timingSafeEqual } from 'node:crypto';
import {
  Body,
  type CanActivate,
  Controller,
  type ExecutionContext,
  Get,
  HttpCode,
  Injectable,
  Module,
  Post,
  UseGuards,
} from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { Redis } from 'ioredis';
import { serveFloor } from './serve-floor.js';

/**
 * The framework's floor for an authenticated request, beside which `/v1/me` and token
 * introspection are read: NestJS on Fastify and a constant answer.
 *
 * - `GET /v1/me`: a guard that verifies the bearer, an HS256 JWT (KeyObject secret), and reads one
 *   Redis key.
 * - `POST /v1/tokens/introspect`: a guard that compares the bearer with SERVICE_API_KEY (in constant
 *   time), then the JSON body's `token` verified the same way and one Redis GET; `{"active": false}`
 *   when either fails, as RFC 7662 answers.
 *
 * No logging, no ORM, no security headers, no validation — what no real endpoint of Latchkey could
 * leave out. Prints the token both accept as its first line.
 */
const jwt = new JwtService({ secret: createSecretKey(Buffer.from(process.env.JWT_SECRET ?? 'floor-secret-of-at-least-32-bytes!!')) });
const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', { commandTimeout: 500, maxRetriesPerRequest: 0 });
const key = `{${process.env.QUEUE_PREFIX ?? 'nest-floor'}}:floor:session`;
const serviceAuthorization = Buffer.from(`Bearer ${process.env.SERVICE_API_KEY ?? 'floor-service-key'}`);
const body = { id: '00000000-0000-4000-8000-000000000000', email: 'u0@bench.example', organization: 'bench' };
const introspection = {
  active: true,
  sub: '00000000-0000-4000-8000-000000000000',
  org: '00000000-0000-4000-8000-000000000001',
  sid: '00000000-0000-4000-8000-000000000002',
  token_type: 'access_token',
  exp: 1767225600,
  iat: 1767224700,
  jti: '00000000-0000-4000-8000-000000000003',
};

type Headers = Record<string, string | undefined>;
const authorization = (context: ExecutionContext) => context.switchToHttp().getRequest<{ headers: Headers }>().headers.authorization ?? '';

/** The token's signature and expiry, then its session in Redis: what every authenticated request needs at least. */
async function sessionLives(token: string): Promise<boolean> {
  try {
    const claims = jwt.verify<{ sid: string }>(token, { algorithms: ['HS256'] });
    return (await redis.get(key)) === claims.sid;
  } catch {
    return false;
  }
}

@Injectable()
class FloorGuard implements CanActivate {
  canActivate(context: ExecutionContext): Promise<boolean> {
    return sessionLives(authorization(context).slice(7));
  }
}

@Injectable()
class ServiceKeyGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const given = Buffer.from(authorization(context));
    return given.length === serviceAuthorization.length && timingSafeEqual(given, serviceAuthorization);
  }
}

@Controller('v1')
class FloorController {
  @Get('me')
  @UseGuards(FloorGuard)
  me() {
    return body;
  }

  @Post('tokens/introspect')
  @HttpCode(200)
  @UseGuards(ServiceKeyGuard)
  async introspect(@Body() request: { token?: unknown }) {
    return typeof request?.token === 'string' && (await sessionLives(request.token)) ? introspection : { active: false };
  }
}

@Module({ controllers: [FloorController], providers: [FloorGuard, ServiceKeyGuard] })
class FloorModule {}

await redis.set(key, 'floor-session', 'EX', 3600);
await serveFloor(FloorModule, () => redis.quit(), jwt.sign({ sid: 'floor-session' }, { algorithm: 'HS256', expiresIn: 3600 }));

import 'reflect-metadata';
import { createSecretKey } from 'node:crypto';
import { type CanActivate, Controller, type ExecutionContext, Get, Injectable, Module, UseGuards } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Redis } from 'ioredis';

/**
 * The framework's floor for an authenticated request, beside which `/v1/me` is read: NestJS on
 * Fastify, a guard that verifies an HS256 JWT (KeyObject secret) and reads one Redis key, and a
 * constant answer. No logging, no ORM, no security headers, no validation — what no real endpoint
 * of Latchkey could leave out. Prints the token its guard accepts as its first line.
 */
const jwt = new JwtService({ secret: createSecretKey(Buffer.from(process.env.JWT_SECRET ?? 'floor-secret-of-at-least-32-bytes!!')) });
const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', { commandTimeout: 500, maxRetriesPerRequest: 0 });
const key = `{${process.env.QUEUE_PREFIX ?? 'nest-floor'}}:floor:session`;
const body = { id: '00000000-0000-4000-8000-000000000000', email: 'u0@bench.example', organization: 'bench' };

@Injectable()
class FloorGuard implements CanActivate {
  async canActivate(context: ExecutionContext): Promise<boolean> {
    const header = context.switchToHttp().getRequest<{ headers: Record<string, string | undefined> }>().headers.authorization ?? '';
    const claims = jwt.verify<{ sid: string }>(header.slice(7), { algorithms: ['HS256'] });
    return (await redis.get(key)) === claims.sid;
  }
}

@Controller('v1')
class FloorController {
  @Get('me')
  @UseGuards(FloorGuard)
  me() {
    return body;
  }
}

@Module({ controllers: [FloorController], providers: [FloorGuard] })
class FloorModule {}

await redis.set(key, 'floor-session', 'EX', 3600);
const app = await NestFactory.create<NestFastifyApplication>(FloorModule, new FastifyAdapter(), { logger: false });
await app.listen(Number(process.env.PORT), '127.0.0.1');
console.log(jwt.sign({ sid: 'floor-session' }, { algorithm: 'HS256', expiresIn: 3600 }));
process.on(
  'SIGTERM',
  () =>
    void app
      .close()
      .then(() => redis.quit())
      .then(() => process.exit(0)),
);

import 'reflect-metadata';
import { plainToInstance, Transform, Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  validateSync,
  ValidateIf,
} from 'class-validator';
import { parseTrustProxy, type TrustProxy } from './trust-proxy.setting.js';

const DEV_ADMIN_API_KEY = 'dev-admin-key-change-me';
const DEV_SERVICE_API_KEY = 'dev-service-key-change-me';
const DEV_JWT_SECRET = 'dev-jwt-secret-change-me-at-least-32-bytes';

const toBoolean = ({ value }: { value: unknown }): unknown => (value === 'true' ? true : value === 'false' ? false : value);
const URL_PATTERN = /^[a-z][a-z0-9+.-]*:\/\/\S+$/i;

/** Every setting of docs/settings.md, parsed and validated once at start-up. */
export class AppConfig {
  @IsIn(['development', 'production', 'test']) NODE_ENV = 'development';
  @Type(() => Number) @IsInt() @Min(0) @Max(65535) PORT = 3000;
  /** The worker's `/health` and `/metrics`; 0 = a free port chosen at start (the default when NODE_ENV=test, where workers share a host). */
  @Type(() => Number) @IsInt() @Min(0) @Max(65535) WORKER_PORT = 3001;
  @Matches(/^postgres(ql)?:\/\/\S+$/, { message: 'DATABASE_URL must be a postgres:// URL' })
  DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/latchkey';
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/\S+$/, { message: 'DATABASE_READ_URL must be a postgres:// URL' })
  DATABASE_READ_URL?: string = undefined;
  @Matches(/^rediss?:\/\/\S+$/, { message: 'REDIS_URL must be a redis:// URL' }) REDIS_URL = 'redis://127.0.0.1:6379';
  @IsOptional()
  @Matches(/^[^\s,:]+:\d+(,[^\s,:]+:\d+)*$/, { message: 'REDIS_CLUSTER_NODES must be host:port,host:port' })
  REDIS_CLUSTER_NODES?: string = undefined;
  @Matches(/^[A-Za-z0-9_.-]{1,64}$/, { message: 'QUEUE_PREFIX must be 1-64 characters of A-Z a-z 0-9 _ . -' })
  QUEUE_PREFIX = 'latchkey';
  @Matches(URL_PATTERN, { message: 'PUBLIC_URL must be an absolute URL' }) PUBLIC_URL = 'http://localhost:3000';
  @IsString() @MinLength(16) ADMIN_API_KEY = DEV_ADMIN_API_KEY;
  @IsString() @MinLength(16) SERVICE_API_KEY = DEV_SERVICE_API_KEY;
  @IsString() @MinLength(16) JWT_SECRET = DEV_JWT_SECRET;
  @ValidateIf((c: AppConfig) => c.SMTP_URL !== '')
  @Matches(/^smtps?:\/\/\S+$/, { message: 'SMTP_URL must be an smtp:// or smtps:// URL' })
  SMTP_URL = '';
  @IsString() @MinLength(1) MAIL_DIR = './var/mail';
  @IsString() @MinLength(3) @MaxLength(200) MAIL_FROM = 'Latchkey <no-reply@localhost>';
  // 7 MiB (with t=5) is the leanest of OWASP's equivalent argon2id settings and Keycloak's default.
  @Type(() => Number) @IsInt() @Min(7168) @Max(4194304) ARGON2_MEMORY_KIB = 19456;
  @Type(() => Number) @IsInt() @Min(1) @Max(20) ARGON2_TIME_COST = 2;
  @Type(() => Number) @IsInt() @Min(1) @Max(16) ARGON2_PARALLELISM = 1;
  @Type(() => Number) @IsInt() @Min(30) @Max(86400) ACCESS_TOKEN_TTL_SECONDS = 900;
  @Type(() => Number) @IsInt() @Min(60) @Max(365 * 86400) REFRESH_TOKEN_TTL_SECONDS = 30 * 86400;
  @Type(() => Number) @IsInt() @Min(10) @Max(7 * 86400) RESET_TOKEN_TTL_SECONDS = 1800;
  @Transform(toBoolean) @IsBoolean() RATE_LIMIT_ENABLED = true;
  /** Parsed and checked by `parseTrustProxy` in `loadConfig`: never "every hop". */
  TRUST_PROXY: TrustProxy = false;
  /** Empty until `loadConfig` chooses: 127.0.0.1 while the development keys are in use, else 0.0.0.0. */
  @ValidateIf((c: AppConfig) => c.HOST !== '')
  @Matches(/^[A-Za-z0-9.:_%-]{1,255}$/, { message: 'HOST must be an address or host name to listen on' })
  HOST = '';
  @IsOptional() @IsString() @MinLength(16) METRICS_TOKEN?: string = undefined;
  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']) LOG_LEVEL = 'info';
  /** How long a stop signal may take before the process exits anyway (docs/operations.md). */
  @Type(() => Number) @IsInt() @Min(1) @Max(600) SHUTDOWN_TIMEOUT_SECONDS = 20;
  // Shared Signals transmitter (docs/shared-signals.md). Unset, the at-rest key is derived from JWT_SECRET.
  @IsOptional() @IsString() @MinLength(32) SSF_KEY_SECRET?: string = undefined;
  @Type(() => Number) @IsInt() @Min(3600) @Max(365 * 86400) SSF_KEY_RETENTION_SECONDS = 14 * 86400;
  @Type(() => Number) @IsInt() @Min(0) @Max(86400) SSF_KEY_ACTIVATION_DELAY_SECONDS = 60;
  @Type(() => Number) @IsInt() @Min(0) @Max(3650) SSF_KEY_MAX_AGE_DAYS = 90;
  @Type(() => Number) @IsInt() @Min(1) @Max(1000) SSF_MAX_STREAMS_PER_ORGANIZATION = 20;
  @Type(() => Number) @IsInt() @Min(0) @Max(86400) SSF_MIN_VERIFICATION_INTERVAL_SECONDS = 15;
  @Transform(toBoolean) @IsBoolean() SSF_ALLOW_HTTP_PUSH = false;
  // Shared Signals delivery (docs/shared-signals.md#delivery).
  @Type(() => Number) @IsInt() @Min(100) @Max(120_000) SSF_PUSH_TIMEOUT_MS = 5_000;
  @Type(() => Number) @IsInt() @Min(10) @Max(600_000) SSF_RETRY_BASE_MS = 1_000;
  @Type(() => Number) @IsInt() @Min(1) @Max(86400) SSF_RETRY_MAX_DELAY_SECONDS = 300;
  @Type(() => Number) @IsInt() @Min(1) @Max(30 * 24) SSF_EVENT_MAX_AGE_HOURS = 72;
  @Type(() => Number) @IsInt() @Min(1) @Max(365 * 24) SSF_EVENT_RETENTION_HOURS = 7 * 24;
  @Type(() => Number) @IsInt() @Min(50) @Max(60_000) SSF_SWEEP_INTERVAL_MS = 1_000;
  @Type(() => Number) @IsInt() @Min(0) @Max(300) SSF_POLL_MAX_WAIT_SECONDS = 30;

  get isProduction(): boolean {
    return this.NODE_ENV === 'production';
  }

  /** The keys anyone can read in this repository: whoever reaches the API can then forge tokens. */
  get developmentKeysInUse(): string[] {
    return [
      this.ADMIN_API_KEY === DEV_ADMIN_API_KEY ? 'ADMIN_API_KEY' : null,
      this.SERVICE_API_KEY === DEV_SERVICE_API_KEY ? 'SERVICE_API_KEY' : null,
      this.JWT_SECRET === DEV_JWT_SECRET ? 'JWT_SECRET' : null,
    ].filter((name): name is string => name !== null);
  }

  /** Hash tag so every key of one installation lands in one Redis Cluster slot (docs/scaling.md). */
  get redisPrefix(): string {
    return `{${this.QUEUE_PREFIX}}`;
  }
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

function productionProblems(config: AppConfig): string[] {
  if (!config.isProduction) return [];
  const problems: string[] = [];
  if (config.ADMIN_API_KEY === DEV_ADMIN_API_KEY) problems.push('ADMIN_API_KEY: the development key is refused when NODE_ENV=production');
  if (config.SERVICE_API_KEY === DEV_SERVICE_API_KEY)
    problems.push('SERVICE_API_KEY: the development key is refused when NODE_ENV=production');
  if (config.JWT_SECRET === DEV_JWT_SECRET) problems.push('JWT_SECRET: the development secret is refused when NODE_ENV=production');
  if (Buffer.byteLength(config.JWT_SECRET) < 32) problems.push('JWT_SECRET: must be at least 32 bytes when NODE_ENV=production');
  if (!config.METRICS_TOKEN)
    problems.push('METRICS_TOKEN: required when NODE_ENV=production (GET /metrics then needs Authorization: Bearer {METRICS_TOKEN})');
  return problems;
}

/** Reads the environment; empty strings count as unset, so `FOO=` keeps the default. */
export function loadConfig(env: Record<string, string | undefined>): AppConfig {
  const names = Object.keys(new AppConfig());
  const raw = Object.fromEntries(names.filter((name) => env[name] !== undefined && env[name] !== '').map((name) => [name, env[name]]));
  const config = plainToInstance(AppConfig, raw, { exposeDefaultValues: true });
  const errors = validateSync(config, { forbidUnknownValues: false });
  const problems = errors.map((e) => `${e.property}: ${Object.values(e.constraints ?? {}).join('; ')}`);
  const trustProxy = parseTrustProxy(raw.TRUST_PROXY);
  if (typeof trustProxy === 'string') problems.push(`TRUST_PROXY: ${trustProxy}`);
  else config.TRUST_PROXY = trustProxy.value;
  config.HOST ||= config.developmentKeysInUse.length > 0 ? '127.0.0.1' : '0.0.0.0';
  if (raw.WORKER_PORT === undefined && config.NODE_ENV === 'test') config.WORKER_PORT = 0;
  problems.push(...productionProblems(config));
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

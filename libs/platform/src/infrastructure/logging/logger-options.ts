import { createRequire } from 'node:module';
import { join } from 'node:path';
import { type DestinationStream, type LoggerOptions, stdSerializers } from 'pino';
import type { Options } from 'pino-http';
import type { PrettyOptions } from 'pino-pretty';
import type { Params } from 'nestjs-pino';
import type { AppConfig } from '../config/app-config.js';
import { redactLogObject, redactSerialized } from './redact-secret-fields.js';
import { requestOfLine } from './request-log-scope.js';

/** The log object's keys whose serializers shape (and redact) them. */
const SERIALIZED_KEYS: ReadonlySet<string> = new Set(['req', 'res', 'err']);

/**
 * Nest's start-up chatter: one line per module (InstanceLoader), per controller and route
 * (RoutesResolver, RouterExplorer), plus "Starting Nest application..." and "successfully started".
 * In development these go to debug, so a start shows what a person needs (warnings, then the banner
 * of `npm start`); `LOG_LEVEL=debug` brings them back.
 */
export const QUIET_START_CONTEXTS: ReadonlySet<string> = new Set([
  'NestFactory',
  'InstanceLoader',
  'RoutesResolver',
  'RouterExplorer',
  'NestApplication',
]);

const INFO = 30;

type PrettyStreamFactory = (options: PrettyOptions) => DestinationStream;

/**
 * pino-pretty is a development dependency: an image built with `npm ci --omit=dev` has none, and then
 * logs stay JSON whatever NODE_ENV says. Loaded from the working directory's node_modules.
 */
function loadPrettyPrinter(): PrettyStreamFactory | undefined {
  try {
    return createRequire(join(process.cwd(), 'package.json'))('pino-pretty') as PrettyStreamFactory;
  } catch {
    return undefined;
  }
}

/** Human-readable lines (NODE_ENV=development with pino-pretty installed); JSON lines otherwise, in production always. */
export function usesPrettyLogs(config: Pick<AppConfig, 'NODE_ENV'>): boolean {
  return config.NODE_ENV === 'development' && loadPrettyPrinter() !== undefined;
}

/** One line per entry: time, level, `[context]`, for a request its method, path and status, then the message. */
export const PRETTY_OPTIONS: PrettyOptions = {
  colorize: process.stdout.isTTY === true,
  singleLine: true,
  translateTime: 'SYS:HH:MM:ss.l',
  ignore: 'pid,hostname,context,req,res',
  messageFormat: '{if context}[{context}] {end}{if req.method}{req.method} {req.path} {res.statusCode} {end}{msg}',
  // Written before the call returns (no worker thread): what a process logged is on the terminal
  // before it tells `npm start` it is ready, so the banner comes last.
  sync: true,
};

/** Nest's start-up chatter goes to debug (see QUIET_START_CONTEXTS). */
const quietStart: LoggerOptions['hooks'] = {
  logMethod(args, method, level) {
    const first = args[0] as unknown;
    const context = typeof first === 'object' && first !== null ? (first as { context?: unknown }).context : undefined;
    if (level === INFO && typeof context === 'string' && QUIET_START_CONTEXTS.has(context)) {
      this.debug(...(args as [object, string]));
      return;
    }
    method.apply(this, args);
  },
};

export function loggerOptions(config: AppConfig): Params {
  const pretty = config.NODE_ENV === 'development' ? loadPrettyPrinter() : undefined;
  const options: Options = {
    level: config.LOG_LEVEL,
    // Secret fields are redacted per written line (see redactLogObject), not with pino's `redact`:
    // its wildcard paths also run on the bindings of every child logger, one per request.
    formatters: { log: (object) => redactLogObject(object, SERIALIZED_KEYS) },
    serializers: {
      // Only method and path: headers, query strings and bodies are never logged.
      req: (req: { id: unknown; method: string; url: string }) => ({ id: req.id, method: req.method, path: req.url.split('?')[0] }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      // pino-http hands over the error already serialized; plain pino, the Error itself.
      err: (error: unknown) => redactSerialized(error instanceof Error ? stdSerializers.err(error) : error),
    },
    // In-request lines carry their request; the access lines themselves are written by RequestScope.
    mixin: requestOfLine,
    ...(pretty ? { hooks: quietStart } : {}),
  };
  // No middleware (`forRoutes: []`): the per-request work of pino-http and nestjs-pino — a child logger,
  // three listeners, a context, and Fastify's middleware layer to run them — was a quarter of an
  // authenticated request's CPU. RequestScope does what is needed with two Fastify hooks.
  return { pinoHttp: pretty ? [options, pretty(PRETTY_OPTIONS)] : options, forRoutes: [] };
}

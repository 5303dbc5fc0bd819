import { randomUUID } from 'node:crypto';
import { IncomingMessage, ServerResponse } from 'node:http';
import { RequestMethod } from '@nestjs/common';
import { Params } from 'nestjs-pino';
import type { Options } from 'pino-http';
import { AppConfig, withLogDestination } from '@eiso/config';

/**
 * A client's own X-Request-Id is kept (it ends up in audit events) only when it looks like an id:
 * 8–64 letters, digits, `.`, `_` or `-`, starting with a letter or digit (a UUID qualifies).
 * Anything else is replaced by a generated UUID.
 */
const REQUEST_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{7,63}$/;

/**
 * The id of a request, decided once and echoed as X-Request-Id. A middleware calls it before the
 * body parser, so that errors raised there carry the same id in their body, header and log line;
 * the logger and the exception filter read it back through here.
 */
export function assignRequestId(req: IncomingMessage & { id?: unknown }, res: ServerResponse): string {
  if (typeof req.id === 'string' && req.id) return req.id;
  const incoming = req.headers['x-request-id'];
  const id = typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
  req.id = id;
  if (!res.headersSent) res.setHeader('X-Request-Id', id);
  return id;
}

/** Express middleware form of assignRequestId, mounted first. */
export function requestIdMiddleware(req: IncomingMessage, res: ServerResponse, next: () => void): void {
  assignRequestId(req, res);
  next();
}

/** Where HttpExceptionFilter leaves the code of the error body it answered, for the request line. */
const ERROR_CODE = Symbol('eiso.errorCode');

/** Notes the `code` of the error body a response carries; the request line reports it. */
export function recordErrorCode(res: ServerResponse, code: string): void {
  (res as ServerResponse & { [ERROR_CODE]?: string })[ERROR_CODE] = code;
}

/** The code recorded by recordErrorCode, if the response was an error. */
export function errorCodeOf(res: ServerResponse): string | undefined {
  return (res as ServerResponse & { [ERROR_CODE]?: string })[ERROR_CODE];
}

/** The request as pino's standard serializer hands it over. */
interface SerializedRequest {
  method?: string;
  url?: string;
  remoteAddress?: string;
}

/** The response as pino's standard serializer hands it over. */
interface SerializedResponse {
  statusCode?: number;
  headers?: Record<string, unknown>;
}

/** What a request line says of the request: the id is the line's own `requestId`. */
export function requestSummary(req: SerializedRequest): Record<string, unknown> {
  return { method: req.method, url: req.url, remoteAddress: req.remoteAddress };
}

/** What a request line says of the response: never its headers (cookies, CSP, rate-limit counters…). */
export function responseSummary(res: SerializedResponse): Record<string, unknown> {
  const length = Number(res.headers?.['content-length']);
  return { statusCode: res.statusCode, ...(Number.isFinite(length) ? { contentLength: length } : {}) };
}

/**
 * The error code joins the request line. pino-http's made-up `err` of a 5xx ("failed with status
 * code 500", with a stack of pino-http itself) does not: HttpExceptionFilter logged the real cause.
 */
function withErrorCode(res: ServerResponse, fields: Record<string, unknown>): Record<string, unknown> {
  const rest = { ...fields };
  delete rest.err;
  const errorCode = errorCodeOf(res);
  return errorCode ? { ...rest, errorCode } : rest;
}

/**
 * One line per request with its id, method, path, status, error code and time; lines written
 * while serving it carry the same `requestId` (echoed as X-Request-Id) and nothing else of the
 * request. JSON lines for collectors, or (LOG_FORMAT=pretty, or a terminal on the embedded
 * profile) lines for a person, see libs/config/src/pretty-log.ts.
 */
export function loggerOptions(config: AppConfig, outputIsTerminal = false): Params {
  const options: Options = {
    level: config.LOG_LEVEL,
    genReqId: assignRequestId,
    // The request's own lines carry its id only; the request line adds req and res below.
    quietReqLogger: true,
    customAttributeKeys: { reqId: 'requestId' },
    serializers: { req: requestSummary, res: responseSummary },
    customSuccessObject: (_req, res, fields: Record<string, unknown>) => withErrorCode(res, fields),
    customErrorObject: (_req, res, _error, fields: Record<string, unknown>) => withErrorCode(res, fields),
    customLogLevel: (_req, res, error) => (error || res.statusCode >= 500 ? 'error' : 'info'),
    redact: {
      paths: [
        'req.headers.authorization',
        'req.headers.cookie',
        'req.body.password',
        'req.body.refreshToken',
      ],
      remove: true,
    },
    autoLogging: { ignore: (req) => (req.url ?? '').startsWith('/health/') },
    messageKey: 'message',
  };
  return {
    // Named wildcard: the path-to-regexp of Express 5 refuses a bare `*`.
    forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
    pinoHttp: withLogDestination(options, config, outputIsTerminal),
  };
}

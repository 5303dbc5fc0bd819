import { randomUUID } from 'node:crypto';
import { IncomingMessage, ServerResponse } from 'node:http';
import { RequestMethod } from '@nestjs/common';
import { Params } from 'nestjs-pino';
import { AppConfig, logTransport } from '@eiso/config';

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

/**
 * Structured JSON logs; every line of a request carries its id, echoed as X-Request-Id. At a
 * terminal on the embedded profile (or with LOG_FORMAT=pretty) the same lines are printed for a person.
 */
export function loggerOptions(config: AppConfig, outputIsTerminal = false): Params {
  return {
    // Named wildcard: the path-to-regexp of Express 5 refuses a bare `*`.
    forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
    pinoHttp: {
      level: config.LOG_LEVEL,
      transport: logTransport(config, outputIsTerminal),
      genReqId: assignRequestId,
      customAttributeKeys: { reqId: 'requestId' },
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
    },
  };
}

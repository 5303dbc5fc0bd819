import { randomUUID } from 'node:crypto';
import { IncomingMessage, ServerResponse } from 'node:http';
import { RequestMethod } from '@nestjs/common';
import { Params } from 'nestjs-pino';
import { AppConfig, logTransport } from '@eiso/config';

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

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
      genReqId: (req: IncomingMessage, res: ServerResponse) => {
        const incoming = req.headers['x-request-id'];
        const id = typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
        res.setHeader('X-Request-Id', id);
        return id;
      },
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

import { ArgumentsHost, BadRequestException, Logger } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
import { markOutage } from '@eiso/common';
import { HttpExceptionFilter } from './http-exception.filter';

/** What express's body parsers raise (http-errors): not HttpExceptions, but typed and exposed. */
function parserError(status: number, type: string, extra: Record<string, unknown> = {}): Error {
  return Object.assign(new Error(type), { status, statusCode: status, expose: true, type, ...extra });
}

function answer(exception: unknown, headers: Record<string, string> = {}) {
  const request = { method: 'POST', originalUrl: '/api/v1/auth/login', path: '/api/v1/auth/login', headers };
  const sent: { status?: number; body?: Record<string, unknown>; headers: Record<string, string> } = {
    headers: {},
  };
  const response = {
    headersSent: false,
    setHeader: (name: string, value: string) => (sent.headers[name.toLowerCase()] = value),
    status(code: number) {
      sent.status = code;
      return this;
    },
    json(body: Record<string, unknown>) {
      sent.body = body;
    },
  };
  const host = {
    switchToHttp: () => ({ getRequest: () => request, getResponse: () => response }),
  } as unknown as ArgumentsHost;
  new HttpExceptionFilter().catch(exception, host);
  return sent;
}

describe('HttpExceptionFilter', () => {
  it.each([
    [parserError(413, 'entity.too.large', { limit: 262144, length: 1048600 }), 413, 'REQUEST_BODY_TOO_LARGE'],
    [parserError(413, 'parameters.too.many'), 413, 'REQUEST_BODY_TOO_LARGE'],
    [parserError(415, 'encoding.unsupported', { encoding: 'x-evil' }), 415, 'REQUEST_ENCODING_UNSUPPORTED'],
    [parserError(415, 'charset.unsupported', { charset: 'koi8-r' }), 415, 'REQUEST_ENCODING_UNSUPPORTED'],
    [
      parserError(400, 'entity.parse.failed', { body: '{"password":"bí mật"' }),
      400,
      'REQUEST_BODY_MALFORMED',
    ],
    [parserError(400, 'request.aborted'), 400, 'REQUEST_BODY_MALFORMED'],
    [parserError(400, 'request.size.invalid'), 400, 'REQUEST_BODY_MALFORMED'],
    [
      Object.assign(new Error('incorrect header check'), { status: 400, expose: true }),
      400,
      'REQUEST_BODY_MALFORMED',
    ],
  ])('answers a body parser error %#: %s with its 4xx code', (error, status, code) => {
    const sent = answer(error);
    expect(sent.status).toBe(status);
    expect(sent.body).toMatchObject({ code, message: expect.any(String) });
    expect(JSON.stringify(sent.body)).not.toContain('bí mật');
  });

  it('keeps the limit, encoding or charset in the details, and only those', () => {
    expect(answer(parserError(413, 'entity.too.large', { limit: 262144, length: 9 })).body?.details).toEqual({
      type: 'entity.too.large',
      limit: 262144,
    });
    expect(answer(parserError(415, 'encoding.unsupported', { encoding: 'x-evil' })).body?.details).toEqual({
      type: 'encoding.unsupported',
      encoding: 'x-evil',
    });
  });

  it('still answers 500 to errors that are not the client’s: unexposed, 5xx or untyped', () => {
    const logged = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    expect(answer(new Error('boom')).status).toBe(500);
    expect(answer(Object.assign(new Error('x'), { status: 400, expose: false })).status).toBe(500);
    expect(answer(Object.assign(new Error('x'), { status: 500, expose: true })).status).toBe(500);
    expect(logged).toHaveBeenCalledTimes(3);
    logged.mockRestore();
  });

  it('gives an error raised before any middleware the request id, in the body and the header alike', () => {
    const own = answer(parserError(413, 'entity.too.large'), { 'x-request-id': 'req-before-parser' });
    expect(own.body?.requestId).toBe('req-before-parser');
    expect(own.headers['x-request-id']).toBe('req-before-parser');
    const generated = answer(new BadRequestException());
    expect(generated.body?.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(generated.headers['x-request-id']).toBe(generated.body?.requestId);
  });

  describe('an outage of a service around the API answers 503 with Retry-After, never 500', () => {
    const pg = (fields: Record<string, unknown>): Error => Object.assign(new Error('pg'), fields);
    const query = (driverError: Error): Error => new QueryFailedError('SELECT 1', [], driverError);
    const socket = (code: string): Error => Object.assign(new Error(`connect ${code}`), { code });
    it.each([
      ['a session ended by a restart (57P01)', query(pg({ code: '57P01' })), 'database'],
      ['the server starting up (57P03)', query(pg({ code: '57P03' })), 'database'],
      ['a connection exception (08006)', query(pg({ code: '08006' })), 'database'],
      ['a statement timeout (57014)', query(pg({ code: '57014' })), 'database'],
      ['the client-side query timeout', query(new Error('Query read timeout')), 'database'],
      ['a cut connection', query(new Error('Connection terminated unexpectedly')), 'database'],
      ['no free connection in time', new Error('timeout exceeded when trying to connect'), 'database'],
      [
        'a refused connection, marked by the pg client',
        markOutage(socket('ECONNREFUSED'), 'database'),
        'database',
      ],
      ['a reset S3 request, marked by the driver', markOutage(socket('ECONNRESET'), 'storage'), 'storage'],
      ['a timed-out S3 request', markOutage(socket('ETIMEDOUT'), 'storage'), 'storage'],
      ['Redis stalled', new Error('Command timed out'), 'queue'],
      ['Redis down', new Error('Connection is closed.'), 'queue'],
      [
        'Redis down, no offline queue',
        new Error("Stream isn't writeable and enableOfflineQueue options is false"),
        'queue',
      ],
    ])('%s', (_label, error, service) => {
      jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
      const sent = answer(error);
      expect(sent.status).toBe(503);
      expect(sent.headers['retry-after']).toBe('30');
      expect(sent.body).toMatchObject({ code: 'SERVICE_UNAVAILABLE', details: { service } });
      expect(sent.body?.message).toMatch(/tạm thời không phản hồi\. Vui lòng thử lại sau ít phút\.$/);
    });

    it('a bad query (a syntax error, a violated constraint) stays a 500 / its own code', () => {
      jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
      expect(answer(query(pg({ code: '42601' }))).status).toBe(500);
      expect(answer(new Error('boom')).status).toBe(500);
    });
  });
});

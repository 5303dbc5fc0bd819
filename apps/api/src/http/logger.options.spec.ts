import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import pinoHttp, { Options } from 'pino-http';
import { AppConfig } from '@eiso/config';
import { loggerOptions, recordErrorCode } from './logger.options';

type Handler = (req: IncomingMessage & { log: { info(msg: string): void } }, res: ServerResponse) => void;

/** A real HTTP server behind the API's pino-http options, its JSON lines captured. */
async function serve(
  handler: Handler,
): Promise<{ lines: Record<string, unknown>[]; url: string; server: Server }> {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  const config = Object.assign(new AppConfig(), { DATABASE_URL: 'postgres://db/eiso', LOG_LEVEL: 'info' });
  const options = loggerOptions(config, false).pinoHttp as Options;
  const logging = pinoHttp(options, sink);
  const server = createServer((req, res) => {
    logging(req, res);
    handler(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { lines, server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

async function requestLine(lines: Record<string, unknown>[]): Promise<Record<string, unknown>> {
  for (let i = 0; i < 50 && !lines.some((l) => l.res); i++) await new Promise((r) => setTimeout(r, 10));
  const line = lines.find((l) => l.res);
  if (!line) throw new Error(`no request line in ${JSON.stringify(lines)}`);
  return line;
}

describe('request logging', () => {
  let server: Server | undefined;
  afterEach(() => server?.close());

  it('logs an error answer with its request id, error code, status and length, without headers', async () => {
    const served = await serve((req, res) => {
      req.log.info('Đang xử lý');
      recordErrorCode(res, 'AUTH_REQUIRED');
      res.statusCode = 401;
      res.setHeader('Content-Security-Policy', "default-src 'self'");
      res.setHeader('Set-Cookie', 'refresh=secret-cookie');
      res.setHeader('Content-Type', 'application/json');
      res.setHeader('Content-Length', '17');
      res.end('{"code":"AUTH_R"}');
    });
    server = served.server;
    const answer = await fetch(`${served.url}/api/v1/agencies?q=x`, {
      headers: { 'X-Request-Id': 'client-req-0001', Authorization: 'Bearer secret-token' },
    });
    expect(answer.headers.get('x-request-id')).toBe('client-req-0001');
    const line = await requestLine(served.lines);
    expect(line).toEqual({
      level: 30,
      time: expect.any(Number),
      pid: expect.any(Number),
      hostname: expect.any(String),
      requestId: 'client-req-0001',
      req: { method: 'GET', url: '/api/v1/agencies?q=x', remoteAddress: '127.0.0.1' },
      res: { statusCode: 401, contentLength: 17 },
      errorCode: 'AUTH_REQUIRED',
      responseTime: expect.any(Number),
      message: 'request completed',
    });
    // The request's own line: its id, none of the request.
    expect(served.lines.find((l) => l.message === 'Đang xử lý')).toEqual({
      level: 30,
      time: expect.any(Number),
      pid: expect.any(Number),
      hostname: expect.any(String),
      requestId: 'client-req-0001',
      message: 'Đang xử lý',
    });
    expect(JSON.stringify(served.lines)).not.toMatch(/headers|secret|Content-Security/i);
  });

  it('logs a 5xx at error level with its code, and no made-up error of its own', async () => {
    const served = await serve((_req, res) => {
      recordErrorCode(res, 'INTERNAL_ERROR');
      res.statusCode = 500;
      res.end();
    });
    server = served.server;
    await fetch(`${served.url}/x`);
    const line = await requestLine(served.lines);
    expect(line).toMatchObject({ level: 50, errorCode: 'INTERNAL_ERROR', res: { statusCode: 500 } });
    expect(line).not.toHaveProperty('err');
    expect(line.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('logs a success without an error code', async () => {
    const served = await serve((_req, res) => res.setHeader('Content-Length', '2').end('ok'));
    server = served.server;
    await fetch(`${served.url}/api/v1/me`);
    const line = await requestLine(served.lines);
    expect(line).toMatchObject({ level: 30, res: { statusCode: 200, contentLength: 2 } });
    expect(line).not.toHaveProperty('errorCode');
  });

  it('does not log the health probes', async () => {
    const served = await serve((_req, res) => res.end('ok'));
    server = served.server;
    await fetch(`${served.url}/health/live`);
    await new Promise((r) => setTimeout(r, 50));
    expect(served.lines).toEqual([]);
  });
});

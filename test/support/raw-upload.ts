import { createServer, request, RequestListener, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import { INestApplication } from '@nestjs/common';

/** One part of a hand-built multipart/form-data body. */
export type FormPart =
  { name: string; value: string } | { name: string; fileName: string; type: string; bytes: Buffer };

/**
 * How the body ends: `closed` with the final boundary, `open` right after the last part's
 * delimiter (the file is complete, the form is not), `cut` in the middle of the last part.
 */
export type FormEnding = 'closed' | 'open' | 'cut';

/** A multipart body built by hand, so that a test can break it exactly where it wants. */
export function multipartBody(boundary: string, parts: FormPart[], ending: FormEnding = 'closed'): Buffer {
  const chunks: Buffer[] = [];
  parts.forEach((part, index) => {
    const last = index === parts.length - 1;
    const head =
      'fileName' in part
        ? `Content-Disposition: form-data; name="${part.name}"; filename="${part.fileName}"\r\n` +
          `Content-Type: ${part.type}\r\n`
        : `Content-Disposition: form-data; name="${part.name}"\r\n`;
    chunks.push(Buffer.from(`--${boundary}\r\n${head}\r\n`));
    const bytes = 'fileName' in part ? part.bytes : Buffer.from(part.value);
    chunks.push(last && ending === 'cut' ? bytes.subarray(0, Math.ceil(bytes.length / 2)) : bytes);
    if (!last || ending !== 'cut') chunks.push(Buffer.from('\r\n'));
  });
  if (ending === 'closed') chunks.push(Buffer.from(`--${boundary}--\r\n`));
  if (ending === 'open') chunks.push(Buffer.from(`--${boundary}`));
  return Buffer.concat(chunks);
}

/**
 * The bytes of a form up to the content of its last part, a file: what a client sends before the
 * file itself (a form cut at the very start of its file). `multipartTail` closes it.
 */
export function multipartHead(
  boundary: string,
  fields: Record<string, string>,
  file: { name: string; fileName: string; type: string },
): Buffer {
  const parts: FormPart[] = Object.entries(fields).map(([name, value]) => ({ name, value }));
  return multipartBody(boundary, [...parts, { ...file, bytes: Buffer.alloc(0) }], 'cut');
}

/** What closes a form after the content of its last part. */
export function multipartTail(boundary: string): Buffer {
  return Buffer.from(`\r\n--${boundary}--\r\n`);
}

/** The app served on a port of its own, and the responses it has started, oldest first. */
export interface ServedApp {
  port: number;
  responses: ServerResponse[];
  close(): Promise<void>;
}

/**
 * A server of its own for the app, listening on a free port. Start it inside the test: what goes
 * wrong while it serves then belongs to that test (Jest follows the async context of `listen`).
 * `responses` lets a test see that a request it hung up on was still finished by the server.
 */
export async function serveApp(app: INestApplication): Promise<ServedApp> {
  const handler = app.getHttpAdapter().getInstance() as RequestListener;
  const responses: ServerResponse[] = [];
  const server = createServer((req, res) => {
    responses.push(res);
    handler(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    responses,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export interface RawReply {
  status: number;
  body: Record<string, unknown>;
}

/** An answer that takes longer than this is no answer: the request was lost. */
const ANSWER_TIMEOUT_MS = 10_000;

/** Posts exactly `body` with exactly `headers` (plus its length); answers the status and JSON body. */
export function postRaw(
  port: number,
  path: string,
  headers: Record<string, string>,
  body: Buffer,
): Promise<RawReply> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method: 'POST',
        path,
        agent: false,
        headers: { ...headers, 'content-length': String(body.length) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', reject);
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let parsed: Record<string, unknown> = {};
          try {
            parsed = JSON.parse(text) as Record<string, unknown>;
          } catch {
            parsed = { text };
          }
          resolve({ status: res.statusCode ?? 0, body: parsed });
        });
      },
    );
    req.on('error', reject);
    req.setTimeout(ANSWER_TIMEOUT_MS, () =>
      req.destroy(new Error(`no answer to POST ${path} within ${ANSWER_TIMEOUT_MS} ms`)),
    );
    req.end(body);
  });
}

/**
 * Announces `announcedBytes` of body, sends `sent`, and hangs up (destroys the socket) once
 * `hangUp` resolves, without waiting for an answer. Resolves once the socket is closed.
 */
export function postThenHangUp(
  port: number,
  path: string,
  headers: Record<string, string>,
  sent: Buffer,
  announcedBytes: number,
  hangUp: Promise<unknown>,
): Promise<void> {
  return new Promise((resolve) => {
    const req = request({
      host: '127.0.0.1',
      port,
      method: 'POST',
      path,
      agent: false,
      headers: { ...headers, 'content-length': String(announcedBytes) },
    });
    req.on('error', () => undefined);
    req.on('close', () => resolve());
    req.write(sent);
    void hangUp.then(() => req.destroy());
  });
}

/** A call held at its start until the test lets it go. */
export interface HeldCall {
  /** Resolves when the held call has started (and waits). */
  entered: Promise<void>;
  release(): void;
}

/**
 * Holds the `nth` call (1-based) of `target[method]` before it runs, so that a test can act at an
 * exact moment of a request (e.g. hang up while the service still checks the database). Other
 * calls run untouched. Restore the spy with `jest.restoreAllMocks()`.
 */
export function holdCall<T extends object, K extends keyof T & string>(
  target: T,
  method: K,
  nth = 1,
): HeldCall {
  const original = target[method] as unknown as (...args: unknown[]) => unknown;
  let entered!: () => void;
  let release!: () => void;
  const enteredPromise = new Promise<void>((resolve) => (entered = resolve));
  const gate = new Promise<void>((resolve) => (release = resolve));
  let calls = 0;
  jest.spyOn(target, method as never).mockImplementation(((...args: unknown[]) => {
    calls += 1;
    if (calls !== nth) return original.apply(target, args);
    entered();
    return gate.then(() => original.apply(target, args));
  }) as never);
  return { entered: enteredPromise, release };
}

/**
 * Follows the calls of an async `target[method]`: `settled()` resolves once every call made so far
 * has settled, so that a test looks for leftovers only after the work behind a request is over
 * (also when the client was answered, or hung up, before it was).
 */
export function followCalls<T extends object, K extends keyof T & string>(
  target: T,
  method: K,
): { count(): number; settled(): Promise<void> } {
  const original = target[method] as unknown as (...args: unknown[]) => Promise<unknown>;
  const running: Promise<unknown>[] = [];
  jest.spyOn(target, method as never).mockImplementation(((...args: unknown[]) => {
    const call = original.apply(target, args);
    running.push(call.catch(() => undefined));
    return call;
  }) as never);
  return {
    count: () => running.length,
    settled: async () => void (await Promise.all(running)),
  };
}

/**
 * Captures the exceptions that nothing caught (each would have ended a real API process) while
 * a test runs; `stop()` hands them back to the process. Jest's own handler cannot tell which test
 * caused an exception raised where the async context is lost (a socket that closes), so the test
 * asserts on this list instead.
 */
export function captureUncaughtExceptions(): { errors: unknown[]; stop(): void } {
  const errors: unknown[] = [];
  // Jest gives each test file a copy of `process`; this function still reaches the real one.
  process.setUncaughtExceptionCaptureCallback((error) => void errors.push(error));
  return { errors, stop: () => process.setUncaughtExceptionCaptureCallback(null) };
}

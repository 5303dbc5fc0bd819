import { randomBytes } from 'node:crypto';
import { request } from 'node:http';
import { multipartBody } from '../../support/raw-upload';

/**
 * An upload whose body the test sends when it likes: the first `headBytes` at once (negative: all
 * but that many), the rest on `finish()`; `abort()` hangs up as a client that gives up.
 */
export function heldUpload(
  port: number,
  path: string,
  auth: string,
  bytes: Buffer,
  headBytes: number,
): { finish(): void; abort(): void; answer: Promise<{ status: number; body: string; ms: number }> } {
  const boundary = `----eiso${randomBytes(8).toString('hex')}`;
  const body = multipartBody(boundary, [
    { name: 'kind', value: 'primary' },
    { name: 'file', fileName: 'quy-trinh.pdf', type: 'application/pdf', bytes },
  ]);
  const started = Date.now();
  const req = request({
    host: '127.0.0.1',
    port,
    path,
    method: 'POST',
    headers: {
      authorization: auth,
      'content-type': `multipart/form-data; boundary=${boundary}`,
      'content-length': body.length,
    },
  });
  const answer = new Promise<{ status: number; body: string; ms: number }>((resolve, reject) => {
    req.once('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.once('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          body: Buffer.concat(chunks).toString('utf8'),
          ms: Date.now() - started,
        }),
      );
      res.once('error', reject);
    });
    req.once('error', reject);
  });
  const head = headBytes < 0 ? body.length + headBytes : headBytes;
  req.write(body.subarray(0, head));
  return {
    finish: () => req.end(body.subarray(head)),
    abort: () => req.destroy(),
    answer,
  };
}

import http from 'node:http';
import https from 'node:https';
import { markOutage } from '@eiso/common';

export interface TransportTimeouts {
  /** From the request's start until its socket is connected. */
  connectMs: number;
  /** Longest silence on the socket (nothing sent or received), while the request and its body last. */
  idleMs: number;
}

/** What the minio client calls: `transport.request(options, onResponse)`. */
export type Transport = Pick<typeof http, 'request'>;

/** A timed-out S3 request: marked as the storage's outage (503), `ETIMEDOUT` like the OS's own. */
function timedOut(what: string, ms: number): Error {
  const error = new Error(`Kho lưu trữ S3 không phản hồi (${what}) trong ${ms} ms`) as Error & {
    code: string;
  };
  error.code = 'ETIMEDOUT';
  return markOutage(error, 'storage');
}

/**
 * http(s).request with the bounds the minio client lacks: a store that does not accept the
 * connection, or stops answering halfway (a stalled server, a black-holed network), fails the
 * request with ETIMEDOUT instead of hanging it forever. A download streaming to a client is cut
 * the same way: destroying the request destroys its response stream.
 */
export function timedTransport(secure: boolean, timeouts: TransportTimeouts): Transport {
  const base = secure ? https : http;
  return {
    // One signature for both of http.request's overloads: the arguments go through untouched.
    request: (...args: unknown[]) => {
      const send = base.request as (...a: unknown[]) => http.ClientRequest;
      const request = send(...args);
      const connectTimer = setTimeout(
        () => request.destroy(timedOut('khi kết nối', timeouts.connectMs)),
        timeouts.connectMs,
      );
      const connected = (): void => clearTimeout(connectTimer);
      request.once('socket', (socket) => {
        if (socket.connecting) socket.once('connect', connected);
        else connected();
      });
      request.once('close', connected);
      request.setTimeout(timeouts.idleMs, () =>
        request.destroy(timedOut('giữa chừng yêu cầu', timeouts.idleMs)),
      );
      return request;
    },
  };
}

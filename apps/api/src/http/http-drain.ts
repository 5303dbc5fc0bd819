import type { Server, ServerResponse } from 'node:http';

/** How the HTTP server of a stopping API lets go of its clients. */
export interface HttpDrain {
  /** Requests being answered right now. */
  readonly inFlight: number;
  /**
   * Stops accepting connections and closes the idle keep-alive ones at once; every answer from now
   * on (those in flight included) closes its connection once sent.
   */
  begin(): void;
  /** The deadline has passed: destroys every connection still open, requests in flight included. */
  cut(): void;
}

/**
 * Watches the server's requests from the start, so that a stop can tell in-flight requests from
 * idle keep-alive connections: Node's `server.close()` waits for every connection to end, and a
 * client holding one open (or a request that never completes) would hold the stop forever.
 */
export function watchHttpDrain(server: Server): HttpDrain {
  const open = new Set<ServerResponse>();
  let draining = false;
  const closeWhenSent = (res: ServerResponse): void => {
    if (!res.headersSent) res.setHeader('Connection', 'close');
  };
  server.on('request', (_req, res: ServerResponse) => {
    open.add(res);
    if (draining) closeWhenSent(res);
    res.once('close', () => {
      open.delete(res);
      // A connection whose answer went out before it could be told to close is idle now.
      if (draining) server.closeIdleConnections();
    });
  });
  return {
    get inFlight() {
      return open.size;
    },
    begin() {
      if (draining) return;
      draining = true;
      for (const res of open) closeWhenSent(res);
      if (server.listening) server.close();
      server.closeIdleConnections();
    },
    cut() {
      server.closeAllConnections();
    },
  };
}

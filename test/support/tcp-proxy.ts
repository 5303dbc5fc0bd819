import { AddressInfo, createConnection, createServer, Socket } from 'node:net';

/**
 * A TCP proxy on a free loopback port in front of one service (PostgreSQL, s3rver, Redis…), that a
 * fault test can cut and stall:
 * - `cutAll()` resets every open connection on both sides (a dropped link, a restarted server);
 * - `stall()` stops moving bytes in both directions and holds new connections unanswered (a hung
 *   server, a black-holed network) until `resume()`, which delivers everything held back in order.
 * New connections made after a cut are proxied normally (unless stalled).
 */
export interface TcpProxy {
  /** The loopback port to connect to instead of the service's. */
  port: number;
  /** `127.0.0.1:<port>` */
  address: string;
  /** Resets every open connection (both sides). Resolves when all are closed. */
  cutAll(): Promise<void>;
  /** Stops forwarding bytes on open and new connections; nothing is lost, it waits for resume(). */
  stall(): void;
  /** Forwards again everything held back by stall(), then works normally. */
  resume(): void;
  /** Refuses new connections (they are reset at once) until accept(); open ones are untouched. */
  refuse(): void;
  accept(): void;
  /** How many client connections are open now. */
  openConnections(): number;
  /** How many client connections were accepted since the start. */
  totalConnections(): number;
  /** Cuts every connection and stops listening. */
  close(): Promise<void>;
}

/** One direction of a proxied connection: `from`'s bytes written to `to`, paused while stalled. */
class Pipe {
  private held: Buffer[] = [];
  /** The source ended while stalled: end the destination on resume, after the held bytes. */
  private endHeld = false;

  constructor(
    private readonly from: Socket,
    private readonly to: Socket,
    private readonly isStalled: () => boolean,
  ) {
    from.on('data', (chunk: Buffer) => {
      if (this.isStalled()) {
        this.held.push(chunk);
        from.pause();
        return;
      }
      if (!to.write(chunk)) from.pause();
    });
    to.on('drain', () => {
      if (!this.isStalled()) from.resume();
    });
    from.on('end', () => {
      if (!this.isStalled()) to.end();
      else this.endHeld = true;
    });
  }

  stall(): void {
    this.from.pause();
  }

  resume(): void {
    const held = this.held;
    this.held = [];
    let flowing = true;
    for (const chunk of held) flowing = this.to.write(chunk) && flowing;
    if (this.endHeld) {
      this.to.end();
      return;
    }
    if (flowing) this.from.resume();
  }
}

interface Connection {
  client: Socket;
  upstream: Socket | null;
  pipes: Pipe[];
  /** Opens the upstream side; deferred while stalled. */
  connect: () => void;
}

/** Starts a proxy on 127.0.0.1 (a free port) forwarding to targetHost:targetPort. */
export async function startTcpProxy(targetHost: string, targetPort: number): Promise<TcpProxy> {
  const connections = new Set<Connection>();
  let stalled = false;
  let refusing = false;
  let total = 0;
  const isStalled = (): boolean => stalled;

  const destroy = (conn: Connection): void => {
    connections.delete(conn);
    if (!conn.client.destroyed) conn.client.resetAndDestroy();
    if (conn.upstream && !conn.upstream.destroyed) conn.upstream.resetAndDestroy();
  };

  const server = createServer({ pauseOnConnect: true }, (client) => {
    if (refusing) {
      client.resetAndDestroy();
      return;
    }
    total += 1;
    client.setNoDelay(true);
    const conn: Connection = {
      client,
      upstream: null,
      pipes: [],
      connect: () => {
        const upstream = createConnection({ host: targetHost, port: targetPort });
        upstream.setNoDelay(true);
        conn.upstream = upstream;
        conn.pipes = [new Pipe(client, upstream, isStalled), new Pipe(upstream, client, isStalled)];
        upstream.on('error', () => destroy(conn));
        upstream.on('close', () => destroy(conn));
        client.resume();
      },
    };
    connections.add(conn);
    client.on('error', () => destroy(conn));
    client.on('close', () => destroy(conn));
    if (!stalled) conn.connect();
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;

  const cutAll = async (): Promise<void> => {
    const closing = [...connections].map(
      (conn) =>
        new Promise<void>((resolve) => {
          if (conn.client.destroyed) return resolve();
          conn.client.once('close', () => resolve());
          destroy(conn);
          // A socket reset while still paused (held by stall()) may report 'close' late: it is
          // destroyed either way.
          setTimeout(resolve, 500).unref();
        }),
    );
    await Promise.all(closing);
  };

  return {
    port,
    address: `127.0.0.1:${port}`,
    cutAll,
    stall() {
      stalled = true;
      for (const conn of connections) for (const pipe of conn.pipes) pipe.stall();
    },
    resume() {
      stalled = false;
      for (const conn of connections) {
        if (!conn.upstream) conn.connect();
        else for (const pipe of conn.pipes) pipe.resume();
      }
    },
    refuse() {
      refusing = true;
    },
    accept() {
      refusing = false;
    },
    openConnections: () => connections.size,
    totalConnections: () => total,
    async close() {
      await cutAll();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

import { Agent, createServer, get, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import { watchHttpDrain } from './http-drain';

/** A server whose `/slow` answers only when the test says so; anything else answers at once. */
async function startServer(): Promise<{ server: Server; port: number; release: () => void }> {
  const waiting: ServerResponse[] = [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    if (req.url === '/slow') waiting.push(res);
    else res.end('ok');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const release = () => waiting.splice(0).forEach((res) => res.end('late'));
  return { server, port: (server.address() as AddressInfo).port, release };
}

function fetchWith(
  agent: Agent,
  port: number,
  path: string,
): Promise<{ status?: number; connection?: string }> {
  return new Promise((resolve, reject) => {
    get({ host: '127.0.0.1', port, path, agent }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode, connection: res.headers.connection }));
    }).on('error', reject);
  });
}

const closed = (server: Server) => new Promise<void>((resolve) => server.once('close', () => resolve()));

describe('watchHttpDrain', () => {
  let agent: Agent;
  beforeEach(() => (agent = new Agent({ keepAlive: true })));
  afterEach(() => agent.destroy());

  it('closes an idle kept-alive connection at once, and refuses new ones', async () => {
    const { server, port } = await startServer();
    const drain = watchHttpDrain(server);
    expect(await fetchWith(agent, port, '/')).toMatchObject({ status: 200, connection: 'keep-alive' });
    expect(Object.values(agent.freeSockets).flat()).toHaveLength(1);

    const started = Date.now();
    drain.begin();
    await closed(server);
    expect(Date.now() - started).toBeLessThan(1_000);
    await expect(fetchWith(new Agent(), port, '/')).rejects.toMatchObject({ code: 'ECONNREFUSED' });
  });

  it('lets a request in flight finish, then closes its connection', async () => {
    const { server, port, release } = await startServer();
    const drain = watchHttpDrain(server);
    const answer = fetchWith(agent, port, '/slow');
    while (drain.inFlight === 0) await new Promise((r) => setTimeout(r, 5));

    drain.begin();
    let serverClosed = false;
    const closing = closed(server).then(() => (serverClosed = true));
    await new Promise((r) => setTimeout(r, 50));
    expect(serverClosed).toBe(false);
    release();
    expect(await answer).toEqual({ status: 200, connection: 'close' });
    await closing;
    expect(drain.inFlight).toBe(0);
  });

  it('cuts the connections still open at the deadline', async () => {
    const { server, port } = await startServer();
    const drain = watchHttpDrain(server);
    const answer = fetchWith(agent, port, '/slow');
    while (drain.inFlight === 0) await new Promise((r) => setTimeout(r, 5));
    drain.begin();
    const closing = closed(server);
    drain.cut();
    await expect(answer).rejects.toMatchObject({ code: 'ECONNRESET' });
    await closing;
  });
});

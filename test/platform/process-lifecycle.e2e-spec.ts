import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, ClientRequest, IncomingMessage, request } from 'node:http';
import { createServer, Server, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import { Client } from 'pg';
import { JOB_QUEUE, JobName } from '@eiso/common';
import { createTestDatabase, TestDatabase } from '../support/database';
import { freePort, RunningProcess, startProcess, waitForOk } from '../support/process';
import { deleteQueueKeys, uniqueQueuePrefix } from '../support/queue-helpers';

const REDIS_URL = process.env.EISO_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Resolves once `text` is in the process's output (stdout and stderr). */
async function waitForOutput(proc: RunningProcess, text: string | RegExp, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const found = () => (typeof text === 'string' ? proc.output().includes(text) : text.test(proc.output()));
  while (!found() && Date.now() < deadline) await sleep(50);
  if (!found()) throw new Error(`"${String(text)}" not in the output:\n${proc.output()}`);
}

/** A login whose body the test sends when it likes: a request in flight for as long as it wants. */
function slowLogin(
  port: number,
  agent: Agent,
): { req: ClientRequest; finish: () => void; answer: Promise<IncomingMessage> } {
  const body = JSON.stringify({ username: 'khong.co.ai', password: 'sai-mat-khau' });
  const req = request({
    host: '127.0.0.1',
    port,
    method: 'POST',
    path: '/api/v1/auth/login',
    agent,
    headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
  });
  const answer = new Promise<IncomingMessage>((resolve, reject) => {
    req.once('response', (res) => {
      res.resume();
      res.once('end', () => resolve(res));
    });
    req.once('error', reject);
  });
  req.write(body.slice(0, 10));
  return { req, answer, finish: () => req.end(body.slice(10)) };
}

/** GET through `agent` (kept alive), with the given request id. */
function get(port: number, path: string, agent: Agent, requestId: string): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    request({ host: '127.0.0.1', port, path, agent, headers: { 'x-request-id': requestId } }, (res) => {
      res.resume();
      res.once('end', () => resolve(res));
    })
      .once('error', reject)
      .end();
  });
}

/** Times the process's exit after SIGTERM. */
async function terminate(proc: RunningProcess): Promise<{ code: number | null; ms: number }> {
  const started = Date.now();
  const code = await proc.stop();
  return { code, ms: Date.now() - started };
}

/**
 * The built API and worker as processes: what their logs look like, how they refuse a busy port,
 * and that a stop (SIGTERM) ends within SHUTDOWN_TIMEOUT_MS whatever clients and jobs are doing.
 */
describe('API and worker processes', () => {
  let db: TestDatabase;
  const dataDir = mkdtempSync(join(tmpdir(), 'eiso-lifecycle-'));
  const running: RunningProcess[] = [];

  const startApi = (port: number, env: Record<string, string>): RunningProcess => {
    const api = startProcess('dist/apps/api/src/main.js', {
      DATABASE_URL: db.url,
      JWT_SECRET: randomBytes(32).toString('hex'),
      EISO_DATA_DIR: dataDir,
      EISO_SCHEDULER: 'false',
      PORT: String(port),
      HOST: '127.0.0.1',
      ...env,
    });
    running.push(api);
    return api;
  };

  beforeAll(async () => {
    db = await createTestDatabase();
  });

  afterAll(async () => {
    for (const proc of running) if (proc.child.exitCode === null) proc.child.kill('SIGKILL');
    await db?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  describe('the API at a terminal (LOG_FORMAT=pretty), stopped with a kept-alive client', () => {
    let api: RunningProcess;
    let port: number;
    const agent = new Agent({ keepAlive: true });

    beforeAll(async () => {
      port = await freePort();
      api = startApi(port, { LOG_FORMAT: 'pretty', SHUTDOWN_TIMEOUT_MS: '3000' });
      await waitForOk(`http://127.0.0.1:${port}/health/ready`, api, 60_000);
    }, 90_000);
    afterAll(() => agent.destroy());

    it('prints a request line with ICT time, status, error code and request id', async () => {
      const refused = await get(port, '/api/v1/agencies', agent, 'e2e-pretty-0001');
      expect(refused.statusCode).toBe(401);
      await get(port, '/api/v1/khong-co', agent, 'e2e-pretty-0002');
      await waitForOutput(api, 'e2e-pretty-0002');

      const line = api
        .output()
        .split('\n')
        .find((l) => l.includes('e2e-pretty-0001'));
      expect(line).toMatch(
        /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2}) \+07 INFO: GET \/api\/v1\/agencies → 401 AUTH_REQUIRED \(\d+ ms\) \(requestId e2e-pretty-0001\)$/,
      );
      const [, day, time] = /^(\S+) (\S+) \+07/.exec(line!)!;
      expect(Math.abs(Date.parse(`${day}T${time}+07:00`) - Date.now())).toBeLessThan(60_000);
      expect(api.output()).toMatch(
        /\+07 INFO: GET \/api\/v1\/khong-co → 404 ROUTE_NOT_FOUND \(\d+ ms\) \(requestId e2e-pretty-0002\)\n/,
      );
      // Nothing of the request is dumped below its line.
      expect(api.output()).not.toMatch(/^\s+(req|res|headers):/m);
      // The Swagger UI's own assets load over plain http: no upgrade to https without PUBLIC_BASE_URL.
      const docs = await get(port, '/api/docs', agent, 'e2e-pretty-0003');
      expect(docs.headers['content-security-policy']).not.toContain('upgrade-insecure-requests');
    });

    it('on SIGTERM, closes the idle kept-alive connection, lets a request in flight finish, exits 0', async () => {
      expect(Object.values(agent.freeSockets).flat().length).toBeGreaterThan(0);
      const login = slowLogin(port, agent);
      await sleep(200);
      const started = Date.now();
      const exited = terminate(api);
      await waitForOutput(
        api,
        'Nhận tín hiệu SIGTERM: đang dừng eISO API (chờ việc đang chạy tối đa 3 giây)',
      );
      login.finish();
      const answer = await login.answer;
      expect(answer.statusCode).toBe(401);
      expect(answer.headers.connection).toBe('close');
      const { code } = await exited;
      expect(code).toBe(0);
      // Well before the deadline: nothing was left to wait for.
      expect(Date.now() - started).toBeLessThan(3_000);
      expect(api.output()).toContain('eISO API đã dừng');
      expect(api.output()).not.toContain('Hết 3 giây');
    });
  });

  describe('the API writing JSON lines, stopped with a request that never finishes', () => {
    let api: RunningProcess;
    let port: number;
    const agent = new Agent({ keepAlive: true });

    beforeAll(async () => {
      port = await freePort();
      api = startApi(port, { LOG_FORMAT: 'json', SHUTDOWN_TIMEOUT_MS: '1000' });
      await waitForOk(`http://127.0.0.1:${port}/health/ready`, api, 60_000);
    }, 90_000);
    afterAll(() => agent.destroy());

    it('logs a request as one JSON line: id, method, path, status, length, error code; no headers', async () => {
      await get(port, '/api/v1/agencies', agent, 'e2e-json-000001');
      await waitForOutput(api, '"requestId":"e2e-json-000001"');
      const lines = api
        .output()
        .split('\n')
        .filter((l) => l.startsWith('{'))
        .map((l) => JSON.parse(l) as Record<string, unknown>);
      expect(lines.find((l) => l.requestId === 'e2e-json-000001')).toEqual({
        level: 30,
        time: expect.any(Number),
        pid: expect.any(Number),
        hostname: expect.any(String),
        requestId: 'e2e-json-000001',
        req: { method: 'GET', url: '/api/v1/agencies', remoteAddress: '127.0.0.1' },
        res: { statusCode: 401, contentLength: expect.any(Number) },
        errorCode: 'AUTH_REQUIRED',
        responseTime: expect.any(Number),
        message: 'request completed',
      });
      expect(api.output()).not.toContain('"headers"');
    });

    it('on SIGTERM, cuts the request still running at the deadline and exits 0', async () => {
      const login = slowLogin(port, agent);
      const cut = login.answer.catch((error: NodeJS.ErrnoException) => error.code);
      await sleep(200);
      const { code, ms } = await terminate(api);
      expect(code).toBe(0);
      // SHUTDOWN_TIMEOUT_MS (1 s), the cut, and the close of the rest; without a deadline it never ends.
      expect(ms).toBeGreaterThanOrEqual(1_000);
      expect(ms).toBeLessThan(4_000);
      expect(await cut).toBe('ECONNRESET');
      expect(api.output()).toContain(
        'Hết 1 giây chờ dừng: ngắt 1 yêu cầu còn đang chạy và mọi kết nối còn mở',
      );
    });
  });

  it('refuses a busy port with one Vietnamese line naming PORT, and exits 1', async () => {
    const holder: Server = createServer();
    await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', resolve));
    const port = (holder.address() as { port: number }).port;
    try {
      const stderr: string[] = [];
      const api = startApi(port, {});
      api.child.stderr?.on('data', (chunk: Buffer) => stderr.push(chunk.toString('utf8')));
      expect(await api.exited()).toBe(1);
      expect(stderr.join('')).toBe(
        `Cổng ${port} đang được chương trình khác dùng: đặt PORT=… để chạy ở cổng khác.\n`,
      );
      expect(api.output()).not.toMatch(/EADDRINUSE|\n\s+at /);
    } finally {
      holder.close();
    }
  }, 60_000);

  describe('the worker, stopped while a job waits on a mail server that never answers', () => {
    let worker: RunningProcess;
    let queue: Queue;
    let smtp: Server;
    const connections: Socket[] = [];
    const prefix = uniqueQueuePrefix();

    beforeAll(async () => {
      // Accepts the connection and says nothing: nodemailer waits for the greeting (15 s).
      smtp = createServer((socket) => connections.push(socket));
      await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
      const client = new Client({ connectionString: db.url });
      await client.connect();
      const userId = randomUUID();
      const notificationId = randomUUID();
      await client.query(
        `INSERT INTO app_user (id, username, full_name, email, roles, password_hash)
         VALUES ($1, 'nhan.thu', 'Người nhận thư', 'nhan.thu@eiso.local', '{admin}', 'x')`,
        [userId],
      );
      await client.query(
        `INSERT INTO notification (id, user_id, kind, title, body) VALUES ($1, $2, 'test', 'Thử', 'Nội dung')`,
        [notificationId, userId],
      );
      await client.end();
      worker = startProcess('dist/apps/worker/src/main.js', {
        DATABASE_URL: db.url,
        REDIS_URL,
        QUEUE_PREFIX: prefix,
        EISO_DATA_DIR: dataDir,
        JWT_SECRET: randomBytes(32).toString('hex'),
        EISO_SCHEDULER: 'false',
        SMTP_URL: `smtp://127.0.0.1:${(smtp.address() as { port: number }).port}`,
        SHUTDOWN_TIMEOUT_MS: '1000',
      });
      running.push(worker);
      await waitForOutput(worker, 'đã sẵn sàng nhận công việc', 60_000);
      queue = new Queue(JOB_QUEUE[JobName.NotificationsSend], { connection: { url: REDIS_URL }, prefix });
      await queue.add(JobName.NotificationsSend, { notificationIds: [notificationId] });
    }, 90_000);

    afterAll(async () => {
      await queue?.close();
      for (const socket of connections) socket.destroy();
      smtp?.close();
      await deleteQueueKeys(REDIS_URL, prefix);
    });

    it('gives up on the job at the deadline and exits, leaving it to BullMQ', async () => {
      const deadline = Date.now() + 15_000;
      while (connections.length === 0 && Date.now() < deadline) await sleep(50);
      expect(connections.length).toBeGreaterThan(0);
      const { code, ms } = await terminate(worker);
      expect(ms).toBeGreaterThanOrEqual(1_000);
      expect(ms).toBeLessThan(4_000);
      expect(code).toBe(1);
      expect(worker.output()).toContain(
        'Hết 1 giây chờ dừng mà công việc vẫn chạy: worker thoát; BullMQ sẽ chạy lại công việc dở dang khi khóa của nó hết hạn',
      );
      // The worker's lines are its own and its jobs': nothing of an HTTP request.
      expect(worker.output()).not.toMatch(/"req":|"requestId":/);
    });
  });
});

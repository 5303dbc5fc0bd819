import { Client } from 'pg';
import { ErrorCode } from '@eiso/common';
import { TEST_PG_ADMIN_URL } from '../support/database';
import { createTestContext, TestContext } from '../support/test-app';
import { startTcpProxy, TcpProxy } from '../support/tcp-proxy';

/**
 * PostgreSQL behind a TCP proxy that the tests cut and stall. Nothing waits forever: a stalled
 * database answers 503 with Retry-After within the query/connect timeouts, and a connection that
 * broke (cut, or timed out) is discarded, never handed to the next request.
 */
const QUERY_TIMEOUT_MS = 2500;
const CONNECT_TIMEOUT_MS = 1500;

describe('database outage (cut and stalled connections)', () => {
  let proxy: TcpProxy;
  let ctx: TestContext;

  beforeAll(async () => {
    const target = new URL(process.env.EISO_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
    proxy = await startTcpProxy(target.hostname, Number(target.port || 5432));
    ctx = await createTestContext(
      {
        DATABASE_CONNECT_TIMEOUT_MS: String(CONNECT_TIMEOUT_MS),
        DATABASE_STATEMENT_TIMEOUT_MS: '2000',
        DATABASE_QUERY_TIMEOUT_MS: String(QUERY_TIMEOUT_MS),
        DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS: '4000',
      },
      {
        appDatabaseUrl: (url) => {
          const viaProxy = new URL(url);
          viaProxy.hostname = '127.0.0.1';
          viaProxy.port = String(proxy.port);
          return viaProxy.toString();
        },
      },
    );
  });

  afterEach(() => {
    proxy.accept();
    proxy.resume();
  });

  afterAll(async () => {
    proxy?.resume();
    await ctx?.close();
    await proxy?.close();
  });

  const list = () => ctx.http().get('/api/v1/agencies').set('Authorization', ctx.admin.auth);

  /** Several requests at once, so that the pool holds several connections. */
  const warmPool = async (): Promise<void> => {
    const answers = await Promise.all([list(), list(), list(), list()]);
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200]);
  };

  it('sets the statement and idle-in-transaction timeouts on every connection', async () => {
    const [row] = await ctx.sql<{ statement: string; idle: string }>(
      `SELECT current_setting('statement_timeout') AS statement,
              current_setting('idle_in_transaction_session_timeout') AS idle`,
    );
    expect(row).toEqual({ statement: '2s', idle: '4s' });
  });

  it('a statement past the statement timeout is cancelled and answers as an outage', async () => {
    await expect(ctx.sql('SELECT pg_sleep(5)')).rejects.toMatchObject({ driverError: { code: '57014' } });
    await warmPool();
  });

  it('after every connection is cut, the next requests succeed (5 trials of 5)', async () => {
    for (let trial = 0; trial < 5; trial += 1) {
      await warmPool();
      await proxy.cutAll();
      const next = await list();
      expect({ trial, status: next.status, body: next.status === 200 ? null : next.body }).toEqual({
        trial,
        status: 200,
        body: null,
      });
    }
  });

  it('after the server ends every session (a restart, pg_terminate_backend), the next requests succeed (5 of 5)', async () => {
    const admin = new Client({ connectionString: TEST_PG_ADMIN_URL });
    await admin.connect();
    try {
      for (let trial = 0; trial < 5; trial += 1) {
        await warmPool();
        await admin.query(
          `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`,
          [ctx.db.name],
        );
        const answers = await Promise.all([list(), list()]);
        expect({ trial, statuses: answers.map((a) => a.status) }).toEqual({ trial, statuses: [200, 200] });
      }
    } finally {
      await admin.end();
    }
  });

  it('a read whose connection is cut mid-query is sent once more on a fresh connection', async () => {
    await warmPool();
    proxy.stall();
    // supertest sends on then(): start it now.
    const pending = list().then((answer) => answer);
    // The request reaches the database, then the link drops.
    await new Promise((r) => setTimeout(r, 300));
    const cut = proxy.cutAll();
    proxy.resume();
    await cut;
    const answer = await pending;
    expect(answer.status).toBe(200);
  });

  it('a link that stays broken answers 503 with Retry-After and a Vietnamese message; then all works', async () => {
    await warmPool();
    proxy.stall();
    const pending = list().then((answer) => answer);
    await new Promise((r) => setTimeout(r, 300));
    // The link drops, and no new connection gets through for a while.
    proxy.refuse();
    await proxy.cutAll();
    proxy.resume();
    const answer = await pending;
    proxy.accept();
    expect(answer.status).toBe(503);
    expect(answer.headers['retry-after']).toBe('30');
    expect(answer.body).toMatchObject({
      code: ErrorCode.ServiceUnavailable,
      details: { service: 'database' },
      message: expect.stringContaining('Cơ sở dữ liệu tạm thời không phản hồi'),
      requestId: expect.any(String),
    });
    for (let i = 0; i < 5; i += 1) expect((await list()).status).toBe(200);
  });

  it('a write cut after its transaction began is not retried: 503, and nothing of it is kept', async () => {
    await warmPool();
    const name = `Cơ quan bị cắt kết nối ${Date.now()}`;
    // Cut as soon as the INSERT is on its way: hold every byte, then drop the link.
    proxy.stall();
    const pending = ctx
      .http()
      .post('/api/v1/agencies')
      .set('Authorization', ctx.admin.auth)
      .send({ name, level: 'province_department', roadmapYear: 2025 })
      .then((answer) => answer);
    await new Promise((r) => setTimeout(r, 300));
    // Let START TRANSACTION through, then cut what follows.
    proxy.resume();
    await new Promise((r) => setTimeout(r, 5));
    await proxy.cutAll();
    const answer = await pending;
    expect([201, 503]).toContain(answer.status);
    const rows = await ctx.sql<{ n: number }>(`SELECT count(*)::int AS n FROM agency WHERE name = $1`, [
      name,
    ]);
    expect(rows[0].n).toBe(answer.status === 201 ? 1 : 0);
  });

  it('a stalled database answers 503 within the query timeout; after it wakes every request works', async () => {
    await warmPool();
    proxy.stall();
    const started = Date.now();
    const answers = await Promise.all([list(), list(), list()]);
    const took = Date.now() - started;
    expect(answers.map((a) => a.status)).toEqual([503, 503, 503]);
    for (const a of answers) {
      expect(a.headers['retry-after']).toBe('30');
      expect(a.body).toMatchObject({ code: ErrorCode.ServiceUnavailable, details: { service: 'database' } });
    }
    expect(took).toBeLessThan(QUERY_TIMEOUT_MS + CONNECT_TIMEOUT_MS + 2000);
    proxy.resume();
    // The timed-out connections were discarded: none hands a stale answer to the next request.
    for (let i = 0; i < 5; i += 1) {
      const answers = await Promise.all([list(), list(), list()]);
      expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
      for (const a of answers) expect(Array.isArray(a.body.items)).toBe(true);
    }
  });

  it('no connection can be opened (stalled before the first byte): 503 within the connect timeout', async () => {
    await proxy.cutAll();
    proxy.stall();
    const started = Date.now();
    const answer = await list();
    expect(answer.status).toBe(503);
    expect(answer.body).toMatchObject({
      code: ErrorCode.ServiceUnavailable,
      details: { service: 'database' },
    });
    expect(Date.now() - started).toBeLessThan(CONNECT_TIMEOUT_MS + QUERY_TIMEOUT_MS + 2000);
    proxy.resume();
    expect((await list()).status).toBe(200);
  });
});

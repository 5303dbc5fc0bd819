import { randomBytes } from 'node:crypto';
import { request } from 'node:http';
import { AppConfig } from '@eiso/config';
import { ErrorCode, Role } from '@eiso/common';
import { samplePdf } from '../support/files';
import { heldUpload } from '../faults/support/raw-request';
import { apiAs } from '../support/api-as';
import { serveApp, ServedApp } from '../support/raw-upload';
import { objectKeys } from '../support/s3-objects';
import { startTcpProxy, TcpProxy } from '../support/tcp-proxy';
import { createTestContext, TestContext, TestUser } from '../support/test-app';

/**
 * S3 behind a TCP proxy that the tests stall. A stalled store answers uploads and downloads 503
 * with Retry-After within the request timeout, and an upload whose client gave up while the store
 * stalled commits nothing once the store wakes.
 */
const REQUEST_TIMEOUT_MS = 2000;
const CONNECT_TIMEOUT_MS = 1000;
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

async function eventually(check: () => Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return true;
    await sleep(100);
  }
  return check();
}

describe('storage outage (stalled S3)', () => {
  let proxy: TcpProxy;
  let ctx: TestContext;
  let served: ServedApp;
  let drafter: TestUser;
  let agencyId: string;
  let recordTypeId: string;
  let pdf: Buffer;
  /** The app's bucket read straight from s3rver, past the proxy. */
  let direct: AppConfig;

  beforeAll(async () => {
    const s3 = new URL(process.env.EISO_TEST_S3_ENDPOINT!);
    proxy = await startTcpProxy(s3.hostname, Number(s3.port));
    ctx = await createTestContext({
      S3_ENDPOINT: `http://127.0.0.1:${proxy.port}`,
      S3_CONNECT_TIMEOUT_MS: String(CONNECT_TIMEOUT_MS),
      S3_REQUEST_TIMEOUT_MS: String(REQUEST_TIMEOUT_MS),
    });
    direct = { ...ctx.config, S3_ENDPOINT: s3.origin } as AppConfig;
    served = await serveApp(ctx.app);
    const agency = await ctx.newAgency();
    agencyId = agency.id;
    drafter = await ctx.newUser({ roles: [Role.Drafter], agencyId });
    const secretary = await ctx.newUser({ roles: [Role.IsoSecretary], agencyId });
    const unit = await ctx.newOrgUnit(agencyId);
    const type = await apiAs(ctx, secretary).post('/record-types', {
      code: 'HS-S3-01',
      name: 'Hồ sơ thử kho lưu trữ',
      retentionMonths: 120,
      storagePlace: 'Tủ hồ sơ',
      responsibleOrgUnitId: unit.id,
    });
    recordTypeId = (type.body as { id: string }).id;
    pdf = await samplePdf('kho-luu-tru');
  });

  afterEach(() => proxy.resume());

  afterAll(async () => {
    proxy?.resume();
    await served?.close();
    await ctx?.close();
    await proxy?.close();
  });

  const newRecord = async (): Promise<{
    id: string;
    path: string;
    rows(): Promise<number>;
    prefix: string;
  }> => {
    const created = await apiAs(ctx, drafter).post('/records', {
      recordTypeId,
      title: 'Hồ sơ thử kho lưu trữ',
      recordDate: '2026-01-05',
    });
    const id = (created.body as { id: string }).id;
    return {
      id,
      path: `/api/v1/records/${id}/files`,
      prefix: `agency/${agencyId}/records/${id}/`,
      rows: async () =>
        (
          await ctx.sql<{ n: number }>(
            `SELECT count(*)::int AS n FROM attachment WHERE subject_type = 'record' AND subject_id = $1`,
            [id],
          )
        )[0].n,
    };
  };

  const expectStorageOutage = (status: number, headers: Record<string, string>, body: unknown): void => {
    expect(status).toBe(503);
    expect(headers['retry-after']).toBe('30');
    expect(body).toMatchObject({
      code: ErrorCode.ServiceUnavailable,
      details: { service: 'storage' },
      message: expect.stringContaining('Kho lưu trữ tệp tạm thời không phản hồi'),
    });
  };

  it('an upload to a stalled store answers 503 within the request timeout and keeps no row', async () => {
    const record = await newRecord();
    proxy.stall();
    const started = Date.now();
    const answer = await apiAs(ctx, drafter).upload(`/records/${record.id}/files`, 'bien-ban.pdf', pdf);
    const took = Date.now() - started;
    expectStorageOutage(answer.status, answer.headers, answer.body);
    expect(took).toBeLessThan(CONNECT_TIMEOUT_MS + REQUEST_TIMEOUT_MS + 2000);
    proxy.resume();
    expect(await record.rows()).toBe(0);
    // The store works again: the same upload now succeeds.
    const retry = await apiAs(ctx, drafter).upload(`/records/${record.id}/files`, 'bien-ban.pdf', pdf);
    expect(retry.status).toBe(201);
    expect(await record.rows()).toBe(1);
  });

  it('a download from a stalled store answers 503 within the request timeout', async () => {
    const record = await newRecord();
    const uploaded = await apiAs(ctx, drafter).upload(`/records/${record.id}/files`, 'bien-ban.pdf', pdf);
    expect(uploaded.status).toBe(201);
    const fileId = (uploaded.body as { id: string }).id;
    proxy.stall();
    const started = Date.now();
    const answer = await apiAs(ctx, drafter).get(`/records/${record.id}/files/${fileId}`);
    expectStorageOutage(answer.status, answer.headers, answer.body);
    expect(Date.now() - started).toBeLessThan(CONNECT_TIMEOUT_MS + REQUEST_TIMEOUT_MS + 2000);
    proxy.resume();
    const again = await apiAs(ctx, drafter).binary(`/records/${record.id}/files/${fileId}`);
    expect(again.status).toBe(200);
    expect(Buffer.compare(again.body as Buffer, pdf)).toBe(0);
  });

  it('a client that gives up while the store stalls: when the store wakes, no row and no object', async () => {
    const record = await newRecord();
    proxy.stall();
    const upload = heldUpload(served.port, record.path, drafter.auth, pdf, 0);
    upload.answer.catch(() => undefined);
    upload.finish();
    // The whole body is in; the API waits on the stalled store; the client hangs up.
    await sleep(500);
    upload.abort();
    await sleep(200);
    // The store wakes well before the request timeout: the object is stored after all.
    proxy.resume();
    await sleep(REQUEST_TIMEOUT_MS + 500);
    expect(await record.rows()).toBe(0);
    expect(await eventually(async () => (await objectKeys(direct, record.prefix)).length === 0, 5000)).toBe(
      true,
    );
  });

  it('a download whose store stalls halfway is cut within the request timeout, not left hanging', async () => {
    const record = await newRecord();
    // Larger than every socket buffer between s3rver and the client.
    const big = Buffer.concat([pdf, randomBytes(16 * 1024 * 1024)]);
    const uploaded = await apiAs(ctx, drafter).upload(`/records/${record.id}/files`, 'lon.pdf', big);
    expect(uploaded.status).toBe(201);
    const fileId = (uploaded.body as { id: string }).id;
    const outcome = await new Promise<{ status: number; received: number; ended: string; ms: number }>(
      (resolve) => {
        let received = 0;
        let stalledAt = 0;
        const req = request({
          host: '127.0.0.1',
          port: served.port,
          path: `/api/v1/records/${record.id}/files/${fileId}`,
          headers: { authorization: drafter.auth },
        });
        req.once('response', (res) => {
          const done = (ended: string) => () =>
            resolve({ status: res.statusCode ?? 0, received, ended, ms: Date.now() - stalledAt });
          res.on('data', (chunk: Buffer) => {
            received += chunk.length;
            if (!stalledAt) {
              stalledAt = Date.now();
              proxy.stall();
            }
          });
          res.once('end', done('end'));
          res.once('aborted', done('aborted'));
          res.once('error', done('error'));
        });
        req.once('error', () => resolve({ status: 0, received, ended: 'request error', ms: 0 }));
        req.end();
      },
    );
    proxy.resume();
    expect(outcome.status).toBe(200);
    expect(outcome.ended).not.toBe('end');
    expect(outcome.received).toBeLessThan(big.length);
    expect(outcome.ms).toBeLessThan(REQUEST_TIMEOUT_MS + 3000);
  });
});

import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AttachmentsService } from '@eiso/attachments';
import { Role } from '@eiso/common';
import { DocumentFilesService } from '@eiso/documents';
import { RecordFilesService } from '@eiso/records';
import { LocalDiskStorageDriver, SNIFF_HEAD_BYTES, StorageDriver } from '@eiso/storage';
import { samplePdf } from '../support/files';
import { apiAs } from '../support/api-as';
import { objectKeys } from '../support/s3-objects';
import {
  captureUncaughtExceptions,
  followCalls,
  FormPart,
  holdCall,
  multipartBody,
  postRaw,
  postThenHangUp,
  serveApp,
  ServedApp,
} from '../support/raw-upload';
import { createTestContext, TestContext, TestUser } from '../support/test-app';

const BOUNDARY = 'eiso-robust-upload';
const MULTIPART = `multipart/form-data; boundary=${BOUNDARY}`;
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** One upload route and what it would leave behind. */
interface UploadTarget {
  path: string;
  service: DocumentFilesService | RecordFilesService;
  /**
   * Which call of the attachments lib's `prepareUpload` (the one pipeline behind both routes) is the
   * upload's own (the record controller checks first).
   */
  serviceCheckCall: number;
  rows(): Promise<number>;
  objectPrefix: string;
}

/**
 * Issue 9 §1: whatever a client sends to an upload route (a bad field, a form cut off, a hang-up at
 * any moment), the request fails on its own and the same process goes on answering; nothing is
 * stored. Each case runs on both storage drivers, as the services profile and the embedded one.
 */
describe.each([
  ['S3', false],
  ['local disk', true],
])('multipart uploads on %s storage', (_label, localDisk) => {
  let ctx: TestContext;
  let dataDir: string | undefined;
  let drafter: TestUser;
  let agencyId: string;
  let recordTypeId: string;
  let pdf: Buffer;
  let port: number;
  let served: ServedApp | undefined;
  let uncaught: ReturnType<typeof captureUncaughtExceptions>;

  beforeAll(async () => {
    dataDir = localDisk ? await mkdtemp(join(tmpdir(), 'eiso-upload-')) : undefined;
    ctx = await createTestContext(
      dataDir ? { S3_ENDPOINT: '', REDIS_URL: '', EISO_DATA_DIR: dataDir } : { S3_PART_SIZE_MB: '5' },
    );
    const agency = await ctx.newAgency();
    agencyId = agency.id;
    drafter = await ctx.newUser({ roles: [Role.Drafter], agencyId });
    const secretary = await ctx.newUser({ roles: [Role.IsoSecretary], agencyId });
    const unit = await ctx.newOrgUnit(agencyId);
    const type = await apiAs(ctx, secretary).post('/record-types', {
      code: 'HS-THU-01',
      name: 'Hồ sơ thử tải tệp',
      retentionMonths: 120,
      storagePlace: 'Tủ hồ sơ',
      responsibleOrgUnitId: unit.id,
    });
    recordTypeId = (type.body as { id: string }).id;
    pdf = await samplePdf('tai-len');
  });
  afterAll(async () => {
    await ctx.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });
  beforeEach(() => (uncaught = captureUncaughtExceptions()));
  afterEach(async () => {
    uncaught.stop();
    jest.restoreAllMocks();
    await served?.close();
    served = undefined;
  });

  /** Every test serves the app itself: an error that escapes its request then fails that test. */
  const serve = async (): Promise<void> => {
    served = await serveApp(ctx.app);
    port = served.port;
  };

  const newTarget = async (route: 'document' | 'record'): Promise<UploadTarget> => {
    if (route === 'document') {
      const created = await apiAs(ctx, drafter).post('/documents', {
        code: `QT-${Math.random().toString(36).slice(2, 8).toUpperCase()}`,
        title: 'Quy trình thử tải tệp',
        type: 'procedure',
      });
      const doc = created.body as { id: string; currentVersion: { id: string } };
      const versionId = doc.currentVersion.id;
      return {
        path: `/api/v1/documents/${doc.id}/versions/${versionId}/files`,
        service: ctx.app.get(DocumentFilesService),
        serviceCheckCall: 1,
        rows: async () =>
          (
            await ctx.sql<{ n: number }>(
              `SELECT count(*)::int AS n FROM attachment WHERE subject_type = 'document_version' AND subject_id = $1`,
              [versionId],
            )
          )[0].n,
        objectPrefix: `agency/${agencyId}/documents/${doc.id}/`,
      };
    }
    const created = await apiAs(ctx, drafter).post('/records', {
      recordTypeId,
      title: 'Hồ sơ thử tải tệp',
      recordDate: '2026-01-05',
    });
    const recordId = (created.body as { id: string }).id;
    return {
      path: `/api/v1/records/${recordId}/files`,
      service: ctx.app.get(RecordFilesService),
      serviceCheckCall: 2,
      rows: async () =>
        (
          await ctx.sql<{ n: number }>(
            `SELECT count(*)::int AS n FROM attachment WHERE subject_type = 'record' AND subject_id = $1`,
            [recordId],
          )
        )[0].n,
      objectPrefix: `agency/${agencyId}/records/${recordId}/`,
    };
  };

  /** Objects under the prefix, and on local disk any temp file an upload left. */
  const leftovers = async (prefix: string): Promise<string[]> => {
    const driver = ctx.app.get(StorageDriver);
    if (!(driver instanceof LocalDiskStorageDriver)) return objectKeys(ctx.config, prefix);
    const keys: string[] = [];
    for await (const object of driver.listObjects()) if (object.key.startsWith(prefix)) keys.push(object.key);
    const temp = await readdir(join(dataDir!, 'files', '.tmp')).catch(() => []);
    return [...keys, ...temp.map((name) => `.tmp/${name}`)];
  };

  /** Nothing escaped that would have ended the process, it still answers, and nothing was stored. */
  const expectSurvivedAndStoredNothing = async (target: UploadTarget): Promise<void> => {
    expect(uncaught.errors).toEqual([]);
    expect((await ctx.http().get('/health/live')).status).toBe(200);
    expect(await target.rows()).toBe(0);
    expect(await leftovers(target.objectPrefix)).toEqual([]);
  };

  const headers = (contentType = MULTIPART): Record<string, string> => ({
    authorization: drafter.auth,
    'content-type': contentType,
  });
  const filePart = (bytes: Buffer, name = 'file'): FormPart => ({
    name,
    fileName: 'tep.pdf',
    type: 'application/pdf',
    bytes,
  });

  it.each(['document', 'record'] as const)(
    '%s files: a form cut off in the middle of the file answers 400 and stores nothing',
    async (route) => {
      await serve();
      const target = await newTarget(route);
      const uploads = followCalls(target.service, 'upload');
      const reply = await postRaw(
        port,
        target.path,
        headers(),
        multipartBody(BOUNDARY, [filePart(pdf)], 'cut'),
      );
      expect(reply.status).toBe(400);
      expect(reply.body).toMatchObject({ code: 'UPLOAD_MALFORMED', requestId: expect.any(String) });
      await uploads.settled();
      await expectSurvivedAndStoredNothing(target);
    },
  );

  it.each(['document', 'record'] as const)(
    '%s files: a whole file in a form that is never closed answers 400 and stores nothing',
    async (route) => {
      await serve();
      const target = await newTarget(route);
      const uploads = followCalls(target.service, 'upload');
      const reply = await postRaw(
        port,
        target.path,
        headers(),
        multipartBody(BOUNDARY, [filePart(pdf)], 'open'),
      );
      expect(reply.status).toBe(400);
      expect(reply.body).toMatchObject({ code: 'UPLOAD_MALFORMED' });
      // The file itself arrived whole: only the end of the form says the request was broken.
      await uploads.settled();
      await expectSurvivedAndStoredNothing(target);
    },
  );

  it.each(['document', 'record'] as const)(
    '%s files: a cut-off file part under another name answers 400',
    async (route) => {
      await serve();
      const target = await newTarget(route);
      const uploads = followCalls(target.service, 'upload');
      const body = multipartBody(BOUNDARY, [filePart(pdf, 'phu-luc')], 'cut');
      const reply = await postRaw(port, target.path, headers(), body);
      expect(reply.status).toBe(400);
      expect(reply.body).toMatchObject({ code: 'UPLOAD_MALFORMED' });
      await uploads.settled();
      await expectSurvivedAndStoredNothing(target);
    },
  );

  it.each(['document', 'record'] as const)(
    '%s files: multipart without a boundary answers 400',
    async (route) => {
      await serve();
      const target = await newTarget(route);
      const body = multipartBody(BOUNDARY, [filePart(pdf)]);
      const reply = await postRaw(port, target.path, headers('multipart/form-data'), body);
      expect(reply.status).toBe(400);
      expect(reply.body).toMatchObject({ code: 'UPLOAD_MALFORMED', requestId: expect.any(String) });
      await expectSurvivedAndStoredNothing(target);
    },
  );

  it.each(['document', 'record'] as const)(
    '%s files: a client that hangs up while the service checks the database leaves nothing',
    async (route) => {
      await serve();
      const target = await newTarget(route);
      const uploads = followCalls(target.service, 'upload');
      const check = holdCall(ctx.app.get(AttachmentsService), 'prepareUpload', target.serviceCheckCall);
      const head = multipartBody(BOUNDARY, [filePart(pdf)], 'cut');
      await postThenHangUp(port, target.path, headers(), head, head.length + 4096, check.entered);
      // Let the server see the hang-up while the check still waits, then let the check finish.
      await sleep(150);
      check.release();
      await uploads.settled();
      await expectSurvivedAndStoredNothing(target);
      // Nothing is stuck: the route still takes a proper upload.
      const ok = await apiAs(ctx, drafter).upload(target.path.replace('/api/v1', ''), 'dung.pdf', pdf);
      expect(ok.status).toBe(201);
    },
  );

  it.each(['document', 'record'] as const)(
    '%s files: a client that hangs up while the controller checks, before the form is read, gets its request finished',
    async (route) => {
      await serve();
      const target = await newTarget(route);
      // With a kind in the query the document route checks before reading too, as the record route does.
      const path = route === 'document' ? `${target.path}?kind=attachment` : target.path;
      const check = holdCall(ctx.app.get(AttachmentsService), 'prepareUpload', 1);
      const head = multipartBody(BOUNDARY, [filePart(pdf)], 'cut');
      await postThenHangUp(port, path, headers(), head, head.length + 4096, check.entered);
      await sleep(150);
      check.release();
      // The server still ends the response (nobody reads it) rather than leaving the request pending.
      const deadline = Date.now() + 5000;
      while (!served!.responses[0]?.writableEnded && Date.now() < deadline) await sleep(50);
      expect(served!.responses[0]?.writableEnded).toBe(true);
      await expectSurvivedAndStoredNothing(target);
    },
  );

  it.each(['document', 'record'] as const)(
    '%s files: a client that hangs up after the checks, before storage reads a byte, leaves nothing',
    async (route) => {
      await serve();
      const target = await newTarget(route);
      const uploads = followCalls(target.service, 'upload');
      const put = holdCall(ctx.app.get(StorageDriver), 'put');
      // Storage is asked once the sniffed head has arrived: half of this file is more than that.
      const file = Buffer.concat([pdf, Buffer.alloc(2 * SNIFF_HEAD_BYTES, 7)]);
      const head = multipartBody(BOUNDARY, [filePart(file)], 'cut');
      await postThenHangUp(port, target.path, headers(), head, head.length + 4096, put.entered);
      await sleep(150);
      put.release();
      await uploads.settled();
      await expectSurvivedAndStoredNothing(target);
    },
  );

  it.each(['document', 'record'] as const)(
    '%s files: a client that hangs up before the sniffed head is complete leaves nothing, and storage is never asked',
    async (route) => {
      await serve();
      const target = await newTarget(route);
      const uploads = followCalls(target.service, 'upload');
      const put = jest.spyOn(ctx.app.get(StorageDriver), 'put');
      const head = multipartBody(BOUNDARY, [filePart(pdf)], 'cut');
      await postThenHangUp(port, target.path, headers(), head, head.length + 4096, sleep(300));
      await uploads.settled();
      expect(uploads.count()).toBe(1);
      expect(put).not.toHaveBeenCalled();
      await expectSurvivedAndStoredNothing(target);
    },
  );

  it.each(['document', 'record'] as const)(
    '%s files: a client that hangs up while the bytes stream into storage leaves nothing',
    async (route) => {
      await serve();
      const target = await newTarget(route);
      const uploads = followCalls(target.service, 'upload');
      const head = multipartBody(
        BOUNDARY,
        [filePart(Buffer.concat([pdf, Buffer.alloc(256 * 1024, 7)]))],
        'cut',
      );
      const streaming = holdCall(ctx.app.get(StorageDriver), 'put');
      streaming.release();
      await postThenHangUp(
        port,
        target.path,
        headers(),
        head,
        head.length + 1024 * 1024,
        streaming.entered.then(() => sleep(150)),
      );
      await uploads.settled();
      await expectSurvivedAndStoredNothing(target);
    },
  );

  it('document files: an unknown kind answers 400, whether or not the ids exist', async () => {
    await serve();
    const target = await newTarget('document');
    const uploads = followCalls(target.service, 'upload');
    const evil = multipartBody(BOUNDARY, [{ name: 'kind', value: 'evil' }, filePart(pdf)]);
    const missing = `/api/v1/documents/${randomUUID()}/versions/${randomUUID()}/files`;
    for (const path of [target.path, missing]) {
      const reply = await postRaw(port, path, headers(), evil);
      expect(reply.status).toBe(400);
      expect(reply.body).toMatchObject({
        code: 'VALIDATION_FAILED',
        details: { errors: [{ field: 'kind', message: expect.stringMatching(/primary/) }] },
      });
    }
    const inQuery = await postRaw(
      port,
      `${target.path}?kind=evil`,
      headers(),
      multipartBody(BOUNDARY, [filePart(pdf)]),
    );
    expect(inQuery.status).toBe(400);
    await uploads.settled();
    await expectSurvivedAndStoredNothing(target);
  });
});

/** The roadmap CSV goes through multer, which must fail the same requests the same way. */
describe('agency CSV import: broken multipart', () => {
  const csv = readFileSync(join(__dirname, '../../seed/kontum-agencies-2020.csv'));
  let ctx: TestContext;
  let server: { port: number; close(): Promise<void> } | undefined;
  let uncaught: ReturnType<typeof captureUncaughtExceptions>;

  beforeAll(async () => (ctx = await createTestContext()));
  afterAll(() => ctx.close());
  beforeEach(() => (uncaught = captureUncaughtExceptions()));
  afterEach(async () => {
    uncaught.stop();
    await server?.close();
    server = undefined;
  });

  const agencies = async (): Promise<number> =>
    (await ctx.sql<{ n: number }>('SELECT count(*)::int AS n FROM agency'))[0].n;
  const headers = (contentType = MULTIPART): Record<string, string> => ({
    authorization: ctx.admin.auth,
    'content-type': contentType,
  });
  const csvPart: FormPart = { name: 'file', fileName: 'lo-trinh.csv', type: 'text/csv', bytes: csv };

  it.each([
    ['cut off in the middle of the file', multipartBody(BOUNDARY, [csvPart], 'cut'), MULTIPART],
    ['never closed', multipartBody(BOUNDARY, [csvPart], 'open'), MULTIPART],
    ['without a boundary', multipartBody(BOUNDARY, [csvPart]), 'multipart/form-data'],
    [
      'with a bad parentId',
      multipartBody(BOUNDARY, [{ name: 'parentId', value: 'evil' }, csvPart]),
      MULTIPART,
    ],
  ])('a form %s answers 400 and imports nothing', async (_case, body, contentType) => {
    server = await serveApp(ctx.app);
    const before = await agencies();
    const reply = await postRaw(server.port, '/api/v1/agencies/import', headers(contentType), body);
    expect(reply.status).toBe(400);
    expect(reply.body).toMatchObject({ code: expect.any(String), message: expect.any(String) });
    expect(uncaught.errors).toEqual([]);
    expect((await ctx.http().get('/health/live')).status).toBe(200);
    expect(await agencies()).toBe(before);
  });

  it('a client that hangs up in the middle of the file imports nothing', async () => {
    server = await serveApp(ctx.app);
    const before = await agencies();
    const head = multipartBody(BOUNDARY, [csvPart], 'cut');
    await postThenHangUp(
      server.port,
      '/api/v1/agencies/import',
      headers(),
      head,
      head.length + 4096,
      sleep(20),
    );
    await sleep(300);
    expect(uncaught.errors).toEqual([]);
    expect((await ctx.http().get('/health/live')).status).toBe(200);
    expect(await agencies()).toBe(before);
  });
});

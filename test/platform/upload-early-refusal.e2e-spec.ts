import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Role } from '@eiso/common';
import { DocumentFilesService } from '@eiso/documents';
import { RecordFilesService } from '@eiso/records';
import { LocalDiskStorageDriver, StorageDriver } from '@eiso/storage';
import { disguisedExe, samplePdf } from '../support/files';
import { apiAs } from '../support/api-as';
import { objectKeys } from '../support/s3-objects';
import {
  captureUncaughtExceptions,
  followCalls,
  multipartHead,
  multipartTail,
  serveApp,
  ServedApp,
} from '../support/raw-upload';
import { createTestContext, TestContext, TestUser } from '../support/test-app';

const BOUNDARY = 'eiso-early-refusal';
const MIB = 1024 * 1024;
/** The file the client means to send: far more than the server needs to know what it is. */
const FILE_BYTES = 20 * MIB;
const CHUNK = 64 * 1024;
/** The client's pace: 20 MiB take 3 s or more, long after the head has arrived. */
const CHUNK_INTERVAL_MS = 10;

const PNG_HEAD = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

interface SlowUpload {
  status: number;
  body: Record<string, unknown>;
  /** File bytes handed to the socket when the answer's headers came back. */
  sentWhenAnswered: number;
  finishedSending: boolean;
}

/**
 * Posts a multipart form whose file part is `FILE_BYTES` long, starting with `fileHead`, written a
 * chunk at a time (respecting backpressure) like a slow uplink. Stops sending once the answer has
 * come back, and reports how much of the file had been sent by then.
 */
function postSlowly(
  port: number,
  path: string,
  auth: string,
  fileHead: Buffer,
  fields: Record<string, string> = {},
): Promise<SlowUpload> {
  const head = multipartHead(BOUNDARY, fields, {
    name: 'file',
    fileName: 'quy-trinh.pdf',
    type: 'application/pdf',
  });
  const tail = multipartTail(BOUNDARY);
  return new Promise((resolve, reject) => {
    let sent = 0;
    let answered = false;
    let finishedSending = false;
    const req = request({
      host: '127.0.0.1',
      port,
      method: 'POST',
      path,
      headers: {
        authorization: auth,
        'content-type': `multipart/form-data; boundary=${BOUNDARY}`,
        'content-length': String(head.length + FILE_BYTES + tail.length),
      },
    });
    req.on('response', (res) => {
      answered = true;
      const sentWhenAnswered = sent;
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('error', reject);
      res.on('end', () => {
        req.destroy();
        resolve({
          status: res.statusCode ?? 0,
          body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>,
          sentWhenAnswered,
          finishedSending,
        });
      });
    });
    req.on('error', (error) => {
      if (!answered) reject(error);
    });
    req.write(head);
    const pump = (): void => {
      if (answered || req.destroyed) return;
      if (sent >= FILE_BYTES) {
        finishedSending = true;
        req.end(tail);
        return;
      }
      const size = Math.min(CHUNK, FILE_BYTES - sent);
      const chunk =
        sent === 0
          ? Buffer.concat([fileHead, Buffer.alloc(size - fileHead.length, 7)])
          : Buffer.alloc(size, 7);
      sent += size;
      if (req.write(chunk)) setTimeout(pump, CHUNK_INTERVAL_MS);
      else req.once('drain', () => setTimeout(pump, CHUNK_INTERVAL_MS));
    };
    pump();
  });
}

/**
 * Issue 10 §13: a file of a refused type is answered 415, naming the formats accepted, as soon as
 * its head shows what it is, while the client is still sending; storage is never asked to store
 * it, and neither an object nor a row is left. On both drivers, on both upload routes.
 */
describe.each([
  ['S3', false],
  ['local disk', true],
])('early refusal of a disallowed upload on %s storage', (_label, localDisk) => {
  let ctx: TestContext;
  let dataDir: string | undefined;
  let drafter: TestUser;
  let agencyId: string;
  let recordTypeId: string;
  let served: ServedApp | undefined;
  let uncaught: ReturnType<typeof captureUncaughtExceptions>;

  beforeAll(async () => {
    dataDir = localDisk ? await mkdtemp(join(tmpdir(), 'eiso-early-refusal-')) : undefined;
    ctx = await createTestContext(
      dataDir
        ? { S3_ENDPOINT: '', REDIS_URL: '', EISO_DATA_DIR: dataDir, MAX_UPLOAD_MB: '50' }
        : { MAX_UPLOAD_MB: '50' },
    );
    agencyId = (await ctx.newAgency()).id;
    drafter = await ctx.newUser({ roles: [Role.Drafter], agencyId });
    const secretary = await ctx.newUser({ roles: [Role.IsoSecretary], agencyId });
    const unit = await ctx.newOrgUnit(agencyId);
    const type = await apiAs(ctx, secretary).post('/record-types', {
      code: 'HS-SOM-01',
      name: 'Hồ sơ thử từ chối sớm',
      retentionMonths: 120,
      storagePlace: 'Tủ hồ sơ',
      responsibleOrgUnitId: unit.id,
    });
    recordTypeId = (type.body as { id: string }).id;
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

  interface Target {
    path: string;
    service: DocumentFilesService | RecordFilesService;
    rows(): Promise<number>;
    prefix: string;
  }

  const newTarget = async (route: 'document' | 'record'): Promise<Target> => {
    if (route === 'document') {
      const created = await apiAs(ctx, drafter).post('/documents', {
        code: `QT-${Math.random().toString(36).slice(2, 8).toUpperCase()}`,
        title: 'Quy trình thử từ chối sớm',
        type: 'procedure',
      });
      const doc = created.body as { id: string; currentVersion: { id: string } };
      const versionId = doc.currentVersion.id;
      return {
        path: `/api/v1/documents/${doc.id}/versions/${versionId}/files`,
        service: ctx.app.get(DocumentFilesService),
        rows: async () =>
          (
            await ctx.sql<{ n: number }>(
              `SELECT count(*)::int AS n FROM attachment WHERE subject_type = 'document_version' AND subject_id = $1`,
              [versionId],
            )
          )[0].n,
        prefix: `agency/${agencyId}/documents/${doc.id}/`,
      };
    }
    const created = await apiAs(ctx, drafter).post('/records', {
      recordTypeId,
      title: 'Hồ sơ thử từ chối sớm',
      recordDate: '2026-01-05',
    });
    const recordId = (created.body as { id: string }).id;
    return {
      path: `/api/v1/records/${recordId}/files`,
      service: ctx.app.get(RecordFilesService),
      rows: async () =>
        (
          await ctx.sql<{ n: number }>(
            `SELECT count(*)::int AS n FROM attachment WHERE subject_type = 'record' AND subject_id = $1`,
            [recordId],
          )
        )[0].n,
      prefix: `agency/${agencyId}/records/${recordId}/`,
    };
  };

  /** Objects under the prefix and, on local disk, any temp file an upload began. */
  const leftovers = async (prefix: string): Promise<string[]> => {
    const driver = ctx.app.get(StorageDriver);
    if (!(driver instanceof LocalDiskStorageDriver)) return objectKeys(ctx.config, prefix);
    const keys: string[] = [];
    for await (const object of driver.listObjects()) if (object.key.startsWith(prefix)) keys.push(object.key);
    const temp = await readdir(join(dataDir!, 'files', '.tmp')).catch(() => []);
    return [...keys, ...temp.map((name) => `.tmp/${name}`)];
  };

  it.each(['document', 'record'] as const)(
    '%s files: a 20 MiB executable is answered 415 while it is still being sent, and nothing is stored',
    async (route) => {
      served = await serveApp(ctx.app);
      const target = await newTarget(route);
      const put = jest.spyOn(ctx.app.get(StorageDriver), 'put');
      const uploads = followCalls(target.service, 'upload');

      const reply = await postSlowly(served.port, target.path, drafter.auth, disguisedExe());

      expect(reply.status).toBe(415);
      expect(reply.body).toMatchObject({
        code: 'UNSUPPORTED_MEDIA_TYPE',
        message:
          'Định dạng tệp không được hỗ trợ: chỉ nhận tệp PDF, DOCX, XLSX, DOC, XLS, ODT, PNG, JPEG. ' +
          'Tệp gửi lên là tệp chương trình (EXE).',
        details: {
          mediaType: 'application/x-msdownload',
          accepted: ['PDF', 'DOCX', 'XLSX', 'DOC', 'XLS', 'ODT', 'PNG', 'JPEG'],
        },
      });
      // Answered while the client was still sending, long before the end of the file.
      expect(reply.finishedSending).toBe(false);
      expect(reply.sentWhenAnswered).toBeLessThan(FILE_BYTES / 2);
      await uploads.settled();
      expect(put).not.toHaveBeenCalled();
      expect(await target.rows()).toBe(0);
      expect(await leftovers(target.prefix)).toEqual([]);
      expect(uncaught.errors).toEqual([]);
      // The same route still takes a proper file.
      const ok = await apiAs(ctx, drafter).upload(
        target.path.replace('/api/v1', ''),
        'dung.pdf',
        await samplePdf('ok'),
      );
      expect(ok.status).toBe(201);
    },
  );

  it('document files: an image sent as the primary file is answered 415 naming PDF and DOCX, early', async () => {
    served = await serveApp(ctx.app);
    const target = await newTarget('document');
    const put = jest.spyOn(ctx.app.get(StorageDriver), 'put');
    const uploads = followCalls(target.service, 'upload');

    const reply = await postSlowly(served.port, target.path, drafter.auth, PNG_HEAD, { kind: 'primary' });

    expect(reply.status).toBe(415);
    expect(reply.body).toMatchObject({
      code: 'UNSUPPORTED_MEDIA_TYPE',
      message: 'Định dạng tệp không được hỗ trợ: chỉ nhận tệp PDF, DOCX. Tệp gửi lên là PNG.',
      details: { kind: 'primary', accepted: ['PDF', 'DOCX'], mediaType: 'image/png' },
    });
    expect(reply.finishedSending).toBe(false);
    expect(reply.sentWhenAnswered).toBeLessThan(FILE_BYTES / 2);
    await uploads.settled();
    expect(put).not.toHaveBeenCalled();
    expect(await target.rows()).toBe(0);
    expect(await leftovers(target.prefix)).toEqual([]);
    expect(uncaught.errors).toEqual([]);
  });
});

import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, utimes } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { INestApplicationContext, Logger } from '@nestjs/common';
import { JobName, Role } from '@eiso/common';
import { JobHandlerRegistry, JobSummary } from '@eiso/queue';
import { ObjectReferenceRepository, StorageDriver } from '@eiso/storage';
import { TransactionRunner } from '@eiso/database';
import { samplePdf, sha256 } from '../support/files';
import { apiAs } from '../support/api-as';
import { waitForQueuesToDrain } from '../support/queue-helpers';
import { createTestContext, TestAgency, TestContext, TestUser, USER_PASSWORD } from '../support/test-app';

const HOUR = 3600 * 1000;
/** ORPHAN_MIN_AGE_HOURS by default. */
const SAFE_AGE = 24 * HOUR;

interface Driver {
  name: string;
  /** The test context on this driver, with where its objects live on disk. */
  start(): Promise<{ ctx: TestContext; fileOf: (key: string) => string; cleanup: () => Promise<void> }>;
}

const DRIVERS: Driver[] = [
  {
    name: 'local-disk storage (embedded profile: in-process queue)',
    async start() {
      const dataDir = await mkdtemp(join(tmpdir(), 'eiso-orphan-sweep-'));
      const ctx = await createTestContext({ S3_ENDPOINT: '', REDIS_URL: '', EISO_DATA_DIR: dataDir });
      return {
        ctx,
        fileOf: (key) => join(dataDir, 'files', ...key.split('/')),
        cleanup: () => rm(dataDir, { recursive: true, force: true }),
      };
    },
  },
  {
    name: 'S3 storage (services profile: BullMQ and the worker)',
    async start() {
      const ctx = await createTestContext({}, { worker: true });
      const directory = process.env.EISO_TEST_S3_DIRECTORY!;
      // s3rver keeps an object as `<bucket>/<key>._S3rver_object`; its mtime is the LastModified listed.
      return {
        ctx,
        fileOf: (key) => `${join(directory, ctx.config.S3_BUCKET!, ...key.split('/'))}._S3rver_object`,
        cleanup: () => Promise.resolve(),
      };
    },
  },
];

/**
 * The daily `storage.sweep-orphans` job on both drivers, with the run's real PostgreSQL: an object
 * no row names is deleted once it is older than the safe age (ORPHAN_MIN_AGE_HOURS) and counted in
 * the job's summary; younger objects and objects a row names stay.
 */
describe.each(DRIVERS)('orphan sweep on $name', (driver) => {
  let ctx: TestContext;
  let fileOf: (key: string) => string;
  let cleanup: () => Promise<void>;
  let agency: TestAgency;
  let drafter: TestUser;
  let secretary: TestUser;
  let approver: TestUser;
  let staff: TestUser;
  let typeId: string;
  let warnings: jest.SpyInstance;
  let runs = 0;

  const storage = () => ctx.app.get(StorageDriver);
  /** Where jobs run: the worker on the services profile, the API's in-process queue on the embedded one. */
  const jobs = (): INestApplicationContext => ctx.worker ?? ctx.app;
  const orphanKey = () =>
    `agency/${randomUUID()}/documents/${randomUUID()}/versions/${randomUUID()}/${randomUUID()}.pdf`;
  const age = async (key: string, ms: number) => {
    const at = new Date(Date.now() - ms);
    await utimes(fileOf(key), at, at);
  };
  const place = async (key: string, content: string, ageMs: number) => {
    await storage().put(key, Readable.from([Buffer.from(content)]));
    await age(key, ageMs);
  };
  const exists = async (key: string) => (await storage().stat(key)) !== null;
  const runSweep = (): Promise<JobSummary | undefined> =>
    jobs()
      .get(JobHandlerRegistry)
      .run(JobName.StorageSweepOrphans, {}, { jobId: `test-sweep-${++runs}`, attempt: 1 });
  const sweptLines = () =>
    warnings.mock.calls.map((call) => String(call[0])).filter((line) => line.includes('tệp mồ côi'));

  const newRecord = async (title: string, recordDate: string, bytes: Buffer) => {
    const created = await apiAs(ctx, staff).post('/records', { recordTypeId: typeId, title, recordDate });
    expect(created.status).toBe(201);
    const up = await apiAs(ctx, staff).upload(`/records/${created.body.id}/files`, 'chung-tu.pdf', bytes);
    expect(up.status).toBe(201);
    const [file] = await ctx.sql<{ id: string; storage_key: string }>(
      `SELECT id, storage_key FROM attachment WHERE subject_type = 'record' AND subject_id = $1`,
      [created.body.id],
    );
    return { id: created.body.id as string, fileId: file.id, key: file.storage_key };
  };

  beforeAll(async () => {
    warnings = jest.spyOn(Logger.prototype, 'warn');
    ({ ctx, fileOf, cleanup } = await driver.start());
  });

  afterAll(async () => {
    warnings.mockRestore();
    await ctx?.close();
    await cleanup?.();
  });

  it('deletes an object no row names once older than the safe age, counts it, and keeps a younger one', async () => {
    const old = orphanKey();
    const young = orphanKey();
    await place(old, 'tải lên dở dang', SAFE_AGE + HOUR);
    // Older than any upload could take at a usual speed, but not than the safe age: still kept.
    await place(young, 'đang tải lên rất chậm', SAFE_AGE - HOUR);

    const summary = await runSweep();

    expect(summary).toEqual({ checked: 1, removed: 1, bytes: Buffer.byteLength('tải lên dở dang') });
    expect(await exists(old)).toBe(false);
    expect(await exists(young)).toBe(true);
    expect(sweptLines()).toEqual([
      `Đã xóa 1 tệp mồ côi (${Buffer.byteLength('tải lên dở dang')} byte): cũ hơn 24 giờ và không còn dòng dữ liệu nào tham chiếu`,
    ]);
    // Nothing left to remove: a second run is a no-op.
    await expect(runSweep()).resolves.toEqual({ checked: 0, removed: 0, bytes: 0 });
  });

  it('knows every *key text column of the migrated schema', async () => {
    const repository = ctx.app.get(ObjectReferenceRepository);
    expect(await repository.unclassifiedKeyColumns(ctx.app.get(TransactionRunner).db)).toEqual([]);
  });

  it('keeps old objects that a document file, a controlled copy or a record file names', async () => {
    agency = await ctx.newAgency({ name: 'Sở Tư pháp' });
    const unit = await ctx.newOrgUnit(agency.id, 'Văn phòng Sở');
    drafter = await ctx.newUser({ roles: [Role.Drafter], agencyId: agency.id });
    secretary = await ctx.newUser({ roles: [Role.IsoSecretary], agencyId: agency.id });
    approver = await ctx.newUser({ roles: [Role.Approver], agencyId: agency.id });
    staff = await ctx.newUser({ roles: [Role.Staff], agencyId: agency.id });

    const document = await apiAs(ctx, drafter).post('/documents', {
      code: 'QT-VP-01',
      title: 'Quy trình quản lý văn bản đến',
      type: 'procedure',
      ownerOrgUnitId: unit.id,
    });
    expect(document.status).toBe(201);
    const [version] = (await apiAs(ctx, drafter).get(`/documents/${document.body.id}/versions`)).body;
    const documentPdf = await samplePdf('QT-VP-01');
    const uploaded = await ctx
      .http()
      .post(`/api/v1/documents/${document.body.id}/versions/${version.id}/files`)
      .set('Authorization', drafter.auth)
      .field('kind', 'primary')
      .attach('file', documentPdf, 'Quy trình.pdf');
    expect(uploaded.status).toBe(201);
    const [documentFile] = await ctx.sql<{ storage_key: string }>(
      'SELECT storage_key FROM attachment WHERE id = $1',
      [uploaded.body.id],
    );
    // A controlled copy is rendered only after issue; its column is what matters here.
    const copyKey = `agency/${agency.id}/documents/${document.body.id}/versions/${version.id}/controlled-copy-effective.pdf`;
    await place(copyKey, '%PDF-1.7 bản có kiểm soát', 0);
    await ctx.sql('UPDATE document_version SET controlled_copy_key = $1 WHERE id = $2', [
      copyKey,
      version.id,
    ]);

    typeId = (
      await apiAs(ctx, secretary).post('/record-types', {
        code: 'HS-VP-01',
        name: 'Sổ đăng ký văn bản đến',
        retentionMonths: 12,
        storagePlace: 'Kho lưu trữ Văn phòng Sở',
        responsibleOrgUnitId: unit.id,
      })
    ).body.id as string;
    const recordPdf = await samplePdf('so-van-ban-den');
    const record = await newRecord('Sổ đăng ký văn bản đến 2025', '2025-12-31', recordPdf);

    const orphan = orphanKey();
    await place(orphan, 'mồ côi', 2 * SAFE_AGE);
    for (const key of [documentFile.storage_key, copyKey, record.key]) await age(key, 2 * SAFE_AGE);

    const summary = await runSweep();

    expect(summary).toEqual({ checked: 4, removed: 1, bytes: Buffer.byteLength('mồ côi') });
    expect(await exists(orphan)).toBe(false);
    for (const key of [documentFile.storage_key, copyKey, record.key]) expect(await exists(key)).toBe(true);
    const down = await apiAs(ctx, staff).binary(`/records/${record.id}/files/${record.fileId}`);
    expect(down.status).toBe(200);
    expect(sha256(down.body as Buffer)).toBe(sha256(recordPdf));
    const docDown = await apiAs(ctx, drafter).binary(
      `/documents/${document.body.id}/versions/${version.id}/files/${uploaded.body.id}`,
    );
    expect(sha256(docDown.body as Buffer)).toBe(sha256(documentPdf));
  });

  it('sweeps past a disposed record, whose tombstone rows name objects already deleted', async () => {
    const record = await newRecord('Sổ đăng ký văn bản đến 2020', '2020-12-31', await samplePdf('2020'));
    await jobs()
      .get(JobHandlerRegistry)
      .dispatch(JobName.RecordsRetention, {}, { jobId: 'test-retention', attempt: 1 });
    const proposed = await apiAs(ctx, secretary).post('/disposals', { recordIds: [record.id] });
    expect(proposed.status).toBe(201);
    const approved = await apiAs(ctx, approver).post(`/disposals/${proposed.body.id}/approve`, {
      password: USER_PASSWORD,
    });
    expect(approved.status).toBe(200);
    await waitForQueuesToDrain(jobs(), 30_000);
    const [row] = await ctx.sql<{ state: string; deleted_at: Date | null }>(
      `SELECT r.state, f.deleted_at FROM record r JOIN attachment f ON f.subject_type = 'record' AND f.subject_id = r.id WHERE r.id = $1`,
      [record.id],
    );
    expect(row.state).toBe('disposed');
    expect(row.deleted_at).not.toBeNull();
    expect(await exists(record.key)).toBe(false);

    const orphan = orphanKey();
    await place(orphan, 'còn sót', SAFE_AGE + HOUR);
    await expect(runSweep()).resolves.toMatchObject({ removed: 1 });
    expect(await exists(orphan)).toBe(false);
  });

  it('refuses to sweep while a *key column is unclassified, naming it', async () => {
    const orphan = orphanKey();
    await place(orphan, 'chưa rõ', SAFE_AGE + HOUR);
    await ctx.sql('ALTER TABLE attachment ADD COLUMN thumbnail_key text');
    try {
      await expect(runSweep()).rejects.toThrow('attachment.thumbnail_key');
      expect(await exists(orphan)).toBe(true);
    } finally {
      await ctx.sql('ALTER TABLE attachment DROP COLUMN thumbnail_key');
    }
    await expect(runSweep()).resolves.toMatchObject({ removed: 1 });
  });
});

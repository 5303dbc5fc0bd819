import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Logger } from '@nestjs/common';
import { JobName, Role } from '@eiso/common';
import { JobHandlerRegistry } from '@eiso/queue';
import { ObjectReferenceRepository, OrphanSweepService } from '@eiso/storage';
import { TransactionRunner } from '@eiso/database';
import { samplePdf, sha256 } from '../documents/document-fixtures';
import { apiAs } from '../records/record-fixtures';
import { waitForQueuesToDrain } from '../support/queue-helpers';
import { createTestContext, TestAgency, TestContext, TestUser, USER_PASSWORD } from '../support/test-app';

const MINUTE = 60 * 1000;

/**
 * The start-up sweep of orphaned objects on local-disk storage (the embedded profile's files
 * under EISO_DATA_DIR, with the run's real PostgreSQL): an object no row names is deleted once it
 * is older than an hour; referenced, fresh and temp files stay.
 */
describe('orphan sweep on local-disk storage', () => {
  let dataDir: string;
  let root: string;
  let ctx: TestContext;
  let agency: TestAgency;
  let drafter: TestUser;
  let secretary: TestUser;
  let approver: TestUser;
  let staff: TestUser;
  let typeId: string;
  let warnings: jest.SpyInstance;

  const pathOf = (key: string) => join(root, ...key.split('/'));
  const orphanKey = () =>
    `agency/${randomUUID()}/documents/${randomUUID()}/versions/${randomUUID()}/${randomUUID()}`;
  const age = async (key: string, ms: number) => {
    const at = new Date(Date.now() - ms);
    await utimes(pathOf(key), at, at);
  };
  const place = async (key: string, content: string, ageMs: number) => {
    await mkdir(dirname(pathOf(key)), { recursive: true });
    await writeFile(pathOf(key), content);
    await age(key, ageMs);
  };
  const sweep = () => ctx.app.get(OrphanSweepService).sweep();
  const sweptLines = () =>
    warnings.mock.calls.map((call) => String(call[0])).filter((line) => line.includes('tệp mồ côi'));

  const newRecord = async (title: string, recordDate: string, bytes: Buffer) => {
    const created = await apiAs(ctx, staff).post('/records', { recordTypeId: typeId, title, recordDate });
    expect(created.status).toBe(201);
    const up = await apiAs(ctx, staff).upload(`/records/${created.body.id}/files`, 'chung-tu.pdf', bytes);
    expect(up.status).toBe(201);
    const [file] = await ctx.sql<{ id: string; storage_key: string }>(
      'SELECT id, storage_key FROM record_file WHERE record_id = $1',
      [created.body.id],
    );
    return { id: created.body.id as string, fileId: file.id, key: file.storage_key };
  };

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'eiso-orphan-sweep-'));
    root = join(dataDir, 'files');
    warnings = jest.spyOn(Logger.prototype, 'warn');
  });

  afterAll(async () => {
    warnings.mockRestore();
    await ctx?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('at start, deletes an object no row names once it is older than an hour, and says so', async () => {
    const old = orphanKey();
    const fresh = orphanKey();
    await place(old, 'tải lên dở dang', 2 * 60 * MINUTE);
    await place(fresh, 'đang tải lên', 10 * MINUTE);
    // The driver's own temp directory is not the orphan sweep's: under a day, it stays.
    await mkdir(join(root, '.tmp'), { recursive: true });
    await writeFile(join(root, '.tmp', 'uploading.part'), 'nửa chừng');
    const twoHoursAgo = new Date(Date.now() - 2 * 60 * MINUTE);
    await utimes(join(root, '.tmp', 'uploading.part'), twoHoursAgo, twoHoursAgo);

    // No S3 and no Redis: the embedded profile's local disk and in-process queue.
    ctx = await createTestContext({ S3_ENDPOINT: '', REDIS_URL: '', EISO_DATA_DIR: dataDir });

    expect(existsSync(pathOf(old))).toBe(false);
    expect(existsSync(pathOf(fresh))).toBe(true);
    expect(existsSync(join(root, '.tmp', 'uploading.part'))).toBe(true);
    expect(sweptLines()).toEqual([
      `Đã xóa 1 tệp mồ côi (${Buffer.byteLength('tải lên dở dang')} byte): cũ hơn 1 giờ và không còn dòng dữ liệu nào tham chiếu`,
    ]);
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
      'SELECT storage_key FROM document_file WHERE id = $1',
      [uploaded.body.id],
    );
    // A controlled copy is rendered only after issue; its column is what matters here.
    const copyKey = `agency/${agency.id}/documents/${document.body.id}/versions/${version.id}/controlled-copy-effective-${randomUUID()}.pdf`;
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
    await place(orphan, 'mồ côi', 3 * 60 * MINUTE);
    for (const key of [documentFile.storage_key, copyKey, record.key]) await age(key, 3 * 60 * MINUTE);

    const result = await sweep();

    expect(result).toMatchObject({ removed: 1, bytes: Buffer.byteLength('mồ côi') });
    expect(result!.checked).toBeGreaterThanOrEqual(4);
    expect(existsSync(pathOf(orphan))).toBe(false);
    for (const key of [documentFile.storage_key, copyKey, record.key])
      expect(existsSync(pathOf(key))).toBe(true);
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
    await ctx.app
      .get(JobHandlerRegistry)
      .dispatch(JobName.RecordsRetention, {}, { jobId: 'test-retention', attempt: 1 });
    const proposed = await apiAs(ctx, secretary).post('/disposals', { recordIds: [record.id] });
    expect(proposed.status).toBe(201);
    const approved = await apiAs(ctx, approver).post(`/disposals/${proposed.body.id}/approve`, {
      password: USER_PASSWORD,
    });
    expect(approved.status).toBe(200);
    await waitForQueuesToDrain(ctx.app, 30_000);
    const [row] = await ctx.sql<{ state: string; deleted_at: Date | null }>(
      'SELECT r.state, f.deleted_at FROM record r JOIN record_file f ON f.record_id = r.id WHERE r.id = $1',
      [record.id],
    );
    expect(row.state).toBe('disposed');
    expect(row.deleted_at).not.toBeNull();
    expect(existsSync(pathOf(record.key))).toBe(false);

    const orphan = orphanKey();
    await place(orphan, 'còn sót', 2 * 60 * MINUTE);
    await expect(sweep()).resolves.toMatchObject({ removed: 1 });
    expect(existsSync(pathOf(orphan))).toBe(false);
  });

  it('refuses to sweep while a *key column is unclassified, naming it', async () => {
    const orphan = orphanKey();
    await place(orphan, 'chưa rõ', 2 * 60 * MINUTE);
    await ctx.sql('ALTER TABLE record_file ADD COLUMN thumbnail_key text');
    try {
      await expect(sweep()).rejects.toThrow('record_file.thumbnail_key');
      expect(existsSync(pathOf(orphan))).toBe(true);
    } finally {
      await ctx.sql('ALTER TABLE record_file DROP COLUMN thumbnail_key');
    }
    await expect(sweep()).resolves.toMatchObject({ removed: 1 });
  });
});

describe('orphan sweep on S3 storage', () => {
  it('does nothing', async () => {
    const ctx = await createTestContext();
    try {
      await expect(ctx.app.get(OrphanSweepService).sweep()).resolves.toBeNull();
    } finally {
      await ctx.close();
    }
  });
});

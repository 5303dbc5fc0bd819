import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JobName, Role } from '@eiso/common';
import { TransactionRunner } from '@eiso/database';
import { extractPdfText } from '@eiso/pdf/testing';
import { JobHandlerRegistry } from '@eiso/queue';
import { apiAs } from '../support/api-as';
import { buildDocx } from '../support/docx';
import {
  approvedVersion,
  DocumentRef,
  DraftingCircle,
  issueVersion,
  newDocument,
  newDraftingCircle,
  versionPath,
} from '../support/document-flow';
import { createTestContext, TestContext, TestUser } from '../support/test-app';

jest.setTimeout(120_000);

interface FileView {
  id: string;
  kind: string;
  content: {
    rendition: { state: string; stateLabel: string; error: string | null } | null;
    text: { state: string };
  } | null;
}

/**
 * A conversion that times out (a LibreOffice that hangs: a stand-in `soffice` that sleeps) leaves
 * a clear state on the file, the search still reads the Word file's text, the controlled copy says
 * why it is only a cover, and the drafting circle starts it again.
 */
describe('Content: a conversion that times out, and its retry (e2e)', () => {
  let ctx: TestContext;
  let circle: DraftingCircle;
  let staff: TestUser;
  let foreignSecretary: TestUser;
  let doc: DocumentRef;
  let bin: string;

  const primaryOf = async (): Promise<FileView> =>
    ((await apiAs(ctx, circle.secretary).get(versionPath(doc))).body.files as FileView[]).find(
      (f) => f.kind === 'primary',
    )!;
  const storageKey = async (fileId: string): Promise<string> => {
    const rows: { storage_key: string }[] = await ctx.app
      .get(TransactionRunner)
      .db.query('SELECT storage_key FROM attachment WHERE id = $1', [fileId]);
    return rows[0].storage_key;
  };
  const run = (
    job: JobName.ContentRender | JobName.ContentExtract,
    key: string,
    generation: number,
    attempt: number,
  ) =>
    ctx
      .worker!.get(JobHandlerRegistry)
      .dispatch(job, { key, generation }, { jobId: `test-${job}-${attempt}`, attempt });

  beforeAll(async () => {
    bin = mkdtempSync(join(tmpdir(), 'eiso-hanging-soffice-'));
    const soffice = join(bin, 'soffice');
    writeFileSync(soffice, '#!/bin/sh\nexec sleep 30\n');
    chmodSync(soffice, 0o755);
    // The worker runs the queued jobs too; the test's own runs, with the attempt it names, decide.
    ctx = await createTestContext({ SOFFICE_PATH: soffice, CONVERSION_TIMEOUT_MS: '1000' }, { worker: true });
    const agency = await ctx.newAgency({ name: 'Sở Nội vụ', abbreviation: 'SNV' });
    circle = await newDraftingCircle(ctx, agency.id);
    staff = await ctx.newUser({ roles: [Role.Staff], agencyId: agency.id });
    const other = await ctx.newAgency({ name: 'Sở Xây dựng' });
    foreignSecretary = await ctx.newUser({ roles: [Role.IsoSecretary], agencyId: other.id });
    doc = await newDocument(ctx, circle, 'QT-TD-01', { title: 'Quy trình tuyển dụng công chức' });
    const up = await apiAs(ctx, circle.drafter).upload(
      `${versionPath(doc)}/files`,
      'QT-TD-01.docx',
      await buildDocx(['Hồ sơ dự tuyển nộp trực tiếp tại Sở Nội vụ trong thời hạn 30 ngày.']),
      { kind: 'primary' },
    );
    expect(up.status).toBe(201);
    expect(up.body.content).toMatchObject({ rendition: { state: 'pending' }, text: { state: 'pending' } });
    await approvedVersion(ctx, circle, doc);
    expect((await issueVersion(ctx, circle, doc)).status).toBe(200);
  });

  afterAll(async () => {
    await ctx?.close();
    rmSync(bin, { recursive: true, force: true });
  });

  it('keeps the file pending with the reason while the queue tries again, then says it failed', async () => {
    const key = await storageKey((await primaryOf()).id);
    await expect(run(JobName.ContentRender, key, 1, 1)).rejects.toThrow();
    expect((await primaryOf()).content!.rendition).toMatchObject({
      state: 'pending',
      error: 'Chuyển sang PDF quá 1 giây, đã dừng.',
    });
    await run(JobName.ContentRender, key, 1, 5);
    expect((await primaryOf()).content!.rendition).toEqual({
      state: 'failed',
      stateLabel: 'Chuyển sang PDF không thành công',
      sha256: null,
      size: null,
      renderedBy: null,
      error: 'Chuyển sang PDF quá 1 giây, đã dừng.',
    });
    // The original is intact, and its text is still read (from the Word file itself).
    await run(JobName.ContentExtract, key, 1, 1);
    expect((await primaryOf()).content!.text.state).toBe('ready');
    const hits = await apiAs(ctx, staff).get(`/search?q=${encodeURIComponent('thoi han 30 ngay')}`);
    expect(hits.body.items).toHaveLength(1);
  });

  it('makes a cover-only controlled copy that says why', async () => {
    const copy = await apiAs(ctx, staff).binary(`${versionPath(doc)}/controlled-copy`);
    expect(copy.status).toBe(200);
    const text = (await extractPdfText(copy.body as Buffer)).replace(/\s+/g, ' ');
    expect(text).toContain('Nội dung tài liệu nằm trong tệp gốc đính kèm: QT-TD-01.docx');
    expect(text).toContain('Chưa có bản PDF của tệp gốc: chuyển sang PDF không thành công');
  });

  it('lets the drafting circle start it again, nobody else', async () => {
    const file = await primaryOf();
    const path = `${versionPath(doc)}/files/${file.id}/content/retry`;
    expect((await apiAs(ctx, staff).post(path)).status).toBe(403);
    expect((await apiAs(ctx, foreignSecretary).post(path)).status).toBe(404);
    const retried = await apiAs(ctx, circle.secretary).post(path);
    expect(retried.status).toBe(200);
    expect(retried.body.content.rendition).toMatchObject({ state: 'pending', error: null });
    expect(retried.body.content.text.state).toBe('pending');
    const rows: { generation: number }[] = await ctx.app
      .get(TransactionRunner)
      .db.query('SELECT generation FROM file_content WHERE source_key = $1', [await storageKey(file.id)]);
    expect(rows).toEqual([{ generation: 2 }]);
    const trail: { action: string }[] = await ctx.app
      .get(TransactionRunner)
      .db.query(`SELECT action FROM audit_event WHERE entity_id = $1 AND action LIKE 'document_file.%'`, [
        doc.versionId,
      ]);
    expect(trail.map((e) => e.action)).toEqual(['document_file.uploaded', 'document_file.content_retried']);
    // The jobs of the first generation find nothing left to do.
    expect(await run(JobName.ContentRender, await storageKey(file.id), 1, 5)).toBeUndefined();
  });
});

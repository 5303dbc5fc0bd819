import { randomUUID } from 'node:crypto';
import { DataSource, QueryRunner } from 'typeorm';
import { dataSourceOptions } from '@eiso/database';
import { Attachments1764451000000 } from '../../migrations/1764451000000-attachments';
import { FileContent1764490000000 } from '../../migrations/1764490000000-file-content';
import { newDocument, newDraftingCircle, withPrimaryFile } from '../support/document-flow';
import { newRecord, newRecordType } from '../support/record-flow';
import { createTestContext, TestContext } from '../support/test-app';

/**
 * 1764451000000-attachments carries every `document_file` and `record_file` row into `attachment`
 * (same ids, kinds, hashes and storage keys; tombstones stay tombstones) and back.
 */
describe('migration 1764451000000-attachments', () => {
  let ctx: TestContext;
  let dataSource: DataSource;
  let q: QueryRunner;
  const migration = new Attachments1764451000000();
  const later = new FileContent1764490000000();

  beforeAll(async () => {
    ctx = await createTestContext();
    dataSource = new DataSource({ ...dataSourceOptions(ctx.db.url, 1), entities: [] });
    await dataSource.initialize();
    q = dataSource.createQueryRunner();
  });
  afterAll(async () => {
    await q?.release();
    await dataSource?.destroy();
    await ctx?.close();
  });

  const sql = <T = Record<string, unknown>>(query: string, params: unknown[] = []): Promise<T[]> =>
    q.query(query, params) as Promise<T[]>;

  it('moves every old row into attachment and back, objects untouched', async () => {
    // Real subjects, each with a file uploaded through the API (the attachment table as it is now).
    const agency = await ctx.newAgency();
    const unit = await ctx.newOrgUnit(agency.id);
    const circle = await newDraftingCircle(ctx, agency.id, unit.id);
    const doc = await newDocument(ctx, circle, `QT-MIG-${randomUUID().slice(0, 6)}`);
    await withPrimaryFile(ctx, circle.drafter, doc, 'mig');
    const type = await newRecordType(ctx, circle.secretary, unit.id, `HS-MIG-${randomUUID().slice(0, 6)}`);
    const record = await newRecord(ctx, circle.secretary, type.id);
    const other = await newRecord(ctx, circle.secretary, type.id);
    const before = await sql<{ id: string }>(`SELECT id FROM attachment ORDER BY id`);
    expect(before.length).toBeGreaterThan(0);

    // Down: the rows go back to the old tables (after the later migration whose views read them).
    await later.down(q);
    await migration.down(q);
    const back = await sql<{ id: string }>(
      `SELECT id FROM document_file UNION ALL SELECT id FROM record_file ORDER BY id`,
    );
    expect(back).toEqual(before);

    // Old-shape rows of every sort: a second version sharing the primary's object, an attachment,
    // a record's stored file and a disposed record's tombstone.
    const [primary] = await sql<{ storage_key: string; sha256: string }>(
      `SELECT storage_key, sha256 FROM document_file WHERE version_id = $1`,
      [doc.versionId],
    );
    const user = circle.drafter.id;
    const [v2] = await sql<{ id: string }>(
      `INSERT INTO document_version
       SELECT (jsonb_populate_record(NULL::document_version, to_jsonb(v) || jsonb_build_object(
                'id', gen_random_uuid(), 'revision', 2, 'state', 'superseded'))).*
         FROM document_version v WHERE v.id = $1
       RETURNING id`,
      [doc.versionId],
    );
    const doc2 = randomUUID();
    await sql(
      `INSERT INTO document_file (id, version_id, document_id, agency_id, kind, name, size, sha256, media_type,
                                  storage_key, uploaded_by, created_at)
       VALUES ($1, $2, $3, $4::uuid, 'primary', 'quy-trinh.pdf', 1234, $5, 'application/pdf', $6, $7, '2026-01-02T03:04:05Z'),
              (gen_random_uuid(), $2, $3, $4::uuid, 'attachment', 'phu-luc.docx', 99, repeat('b', 64),
               'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
               'agency/' || $4::text || '/documents/x/phu-luc', $7, '2026-01-02T03:04:06Z')`,
      [doc2, v2.id, doc.id, agency.id, primary.sha256, primary.storage_key, user],
    );
    await sql(
      `INSERT INTO record_file (id, record_id, agency_id, name, size, sha256, media_type, storage_key,
                                uploaded_by, created_at, deleted_at)
       VALUES (gen_random_uuid(), $1::uuid, $3::uuid, 'to-trinh.pdf', 10, repeat('c', 64), 'application/pdf',
               'agency/' || $3::text || '/records/' || $1::text || '/a', $4, '2025-05-05T00:00:00Z', NULL),
              (gen_random_uuid(), $2::uuid, $3::uuid, 'da-huy.pdf', 20, repeat('d', 64), 'application/pdf',
               'agency/' || $3::text || '/records/' || $2::text || '/b', $4, '2025-05-05T00:00:00Z', '2026-06-01T00:00:00Z')`,
      [record.id, other.id, agency.id, user],
    );
    const documentFiles = await sql(`SELECT * FROM document_file ORDER BY id`);
    const recordFiles = await sql(`SELECT * FROM record_file ORDER BY id`);

    await migration.up(q);
    expect(await sql(`SELECT to_regclass('document_file') AS d, to_regclass('record_file') AS r`)).toEqual([
      { d: null, r: null },
    ]);
    const arrived = await sql(
      `SELECT id, subject_id AS version_id, agency_id, kind, name, size, sha256, media_type, storage_key,
              uploaded_by, created_at
         FROM attachment WHERE subject_type = 'document_version' ORDER BY id`,
    );
    expect(arrived).toEqual(documentFiles.map(({ document_id: _documentId, ...row }) => row));
    const records = await sql(
      `SELECT id, subject_id AS record_id, agency_id, name, size, sha256, media_type, storage_key,
              uploaded_by, created_at, deleted_at
         FROM attachment WHERE subject_type = 'record' ORDER BY id`,
    );
    expect(records).toEqual(recordFiles);
    expect(
      await sql(`SELECT kind FROM attachment WHERE subject_type = 'record' AND kind IS NOT NULL`),
    ).toEqual([]);
    // The copy and its base name one object: the orphan sweep's column sees it once for both.
    expect(
      await sql(`SELECT count(*)::int AS n FROM attachment WHERE storage_key = $1`, [primary.storage_key]),
    ).toEqual([{ n: 2 }]);

    // A subject type the old tables cannot hold stops the way back, rather than losing its rows.
    const evidence = randomUUID();
    await sql(
      `INSERT INTO attachment (id, subject_type, subject_id, agency_id, name, size, sha256, media_type,
                               storage_key, uploaded_by)
       VALUES ($1, 'audit_evidence', gen_random_uuid(), $2, 'minh-chung.pdf', 1, repeat('e', 64),
               'application/pdf', 'agency/x/audit/1', $3)`,
      [evidence, agency.id, user],
    );
    await expect(migration.down(q)).rejects.toThrow('audit_evidence');
    await sql(`DELETE FROM attachment WHERE id = $1`, [evidence]);

    // Down again restores exactly what was there; up again leaves the schema as the app expects.
    await migration.down(q);
    expect(await sql(`SELECT * FROM document_file ORDER BY id`)).toEqual(documentFiles);
    expect(await sql(`SELECT * FROM record_file ORDER BY id`)).toEqual(recordFiles);
    await migration.up(q);
    expect(await sql(`SELECT count(*)::int AS n FROM attachment`)).toEqual([
      { n: documentFiles.length + recordFiles.length },
    ]);
    await later.up(q);
  });
});

import { randomUUID } from 'node:crypto';
import { NestFactory } from '@nestjs/core';
import { Role, systemActor } from '@eiso/common';
import { loadConfig } from '@eiso/config';
import {
  AgencyTransferRegistry,
  AgencyTransferReport,
  AgencyTransferSetupError,
  TransactionRunner,
} from '@eiso/database';
import { createApiApp } from '../../apps/api/src/create-api-app';
import { WorkerModule } from '../../apps/worker/src/worker.module';
import { apiAs } from '../support/api-as';
import { createTestDatabase } from '../support/database';
import { DocumentRef, effectiveDocument, newDocument, newDraftingCircle } from '../support/document-flow';
import { samplePdf } from '../support/files';
import { newRecord, newRecordType } from '../support/record-flow';
import { createTestContext, TestAgency, TestContext, testEnv, TestUser } from '../support/test-app';

/** The tables of the schema with an agency_id column. */
async function tablesWithAgency(ctx: TestContext): Promise<string[]> {
  const rows = await ctx.sql<{ table_name: string }>(
    // Tables only: a view (the search's read models) holds no rows of its own to move.
    `SELECT c.table_name FROM information_schema.columns c
       JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
      WHERE c.table_schema = current_schema() AND c.column_name = 'agency_id' AND t.table_type = 'BASE TABLE'
      ORDER BY c.table_name`,
  );
  return rows.map((r) => r.table_name);
}

/**
 * The 2025 reform merges agencies: every domain declares how its rows with `agency_id` move to the
 * receiving agency (DESIGN §13, "Agency transfer"), start-up refuses a table nobody declared, and
 * the restructuring runs every step in one transaction, refusing the whole move while codes clash.
 */
describe('agency transfer: every domain moves its rows when agencies merge', () => {
  let ctx: TestContext;
  let registry: AgencyTransferRegistry;

  const merge = (fromAgencyId: string, toAgencyId: string): Promise<AgencyTransferReport> =>
    ctx.app.get(TransactionRunner).run((db) =>
      registry.transferAll(db, {
        fromAgencyId,
        toAgencyId,
        actor: { ...systemActor('test-merge'), userId: ctx.admin.id, username: 'admin', roles: [Role.Admin] },
        at: new Date('2027-07-01T01:00:00Z'),
      }),
    );
  const agencyOf = async (table: string, id: string): Promise<string> =>
    (await ctx.sql<{ agency_id: string }>(`SELECT agency_id FROM ${table} WHERE id = $1`, [id]))[0].agency_id;

  beforeAll(async () => {
    // The worker boots too: its start-up check passes on the real schema.
    ctx = await createTestContext({}, { worker: true });
    registry = ctx.app.get(AgencyTransferRegistry);
  });
  afterAll(() => ctx.close());

  it('has one registered step for every table of the schema with agency_id, in the API and the worker', async () => {
    const claimed = registry.steps().flatMap((s) => s.tables.map((table) => `${table} → ${s.domain}`));
    const tables = await tablesWithAgency(ctx);
    expect(registry.coverage(tables)).toEqual({ missing: [], shared: [] });
    expect(ctx.worker!.get(AgencyTransferRegistry).coverage(tables)).toEqual({ missing: [], shared: [] });
    expect(claimed.sort()).toEqual(
      expect.arrayContaining([
        'app_user → identity',
        'attachment → attachments',
        'audit_event → audit-trail',
        'disposal → records',
        'document → documents',
        'document_version → documents',
        'notification → notifications',
        'org_unit → organizations',
        'record → records',
        'record_search → records',
        'record_type → records',
      ]),
    );
  });

  describe('a merger of two agencies', () => {
    let merged: TestAgency;
    let receiving: TestAgency;
    let mergedStaff: TestUser;
    let receivingStaff: TestUser;
    let receivingSecretary: TestUser;
    let mergedDrafter: TestUser;
    let inForce: DocumentRef;
    let draft: DocumentRef;
    let recordTypeId: string;
    let recordId: string;
    let closedBatchId: string;
    let evidenceId: string;
    let report: AgencyTransferReport;
    let versionBefore: number;

    beforeAll(async () => {
      merged = await ctx.newAgency({ name: 'Sở Thông tin và Truyền thông tỉnh Kon Tum' });
      receiving = await ctx.newAgency({ name: 'Sở Khoa học và Công nghệ tỉnh Kon Tum' });
      const mergedUnit = await ctx.newOrgUnit(merged.id, 'Phòng Bưu chính, Viễn thông');
      const receivingUnit = await ctx.newOrgUnit(receiving.id, 'Văn phòng Sở');
      const circle = await newDraftingCircle(ctx, merged.id, mergedUnit.id);
      mergedDrafter = circle.drafter;
      mergedStaff = await ctx.newUser({ roles: [Role.Staff], agencyId: merged.id, orgUnitId: mergedUnit.id });
      receivingSecretary = await ctx.newUser({ roles: [Role.IsoSecretary], agencyId: receiving.id });
      receivingStaff = await ctx.newUser({ roles: [Role.Staff], agencyId: receiving.id });

      inForce = await effectiveDocument(ctx, circle, 'QT-BCVT-01');
      draft = await newDocument(ctx, circle, 'QT-BCVT-02');
      await newRecordType(ctx, receivingSecretary, receivingUnit.id, 'HS-VP');
      recordTypeId = (await newRecordType(ctx, circle.secretary, mergedUnit.id, 'HS-BCVT')).id;
      recordId = (await newRecord(ctx, mergedStaff, recordTypeId, { title: 'Hồ sơ cấp phép bưu chính' })).id;
      const upload = await apiAs(ctx, mergedStaff).upload(
        `/records/${recordId}/files`,
        'giay-phep.pdf',
        await samplePdf('giay-phep'),
      );
      expect(upload.status).toBe(201);
      // A batch rejected long ago: signed history of the merged agency.
      closedBatchId = randomUUID();
      await ctx.sql(
        `INSERT INTO disposal (id, agency_id, number, state, record_count, proposed_by, proposed_at,
                               rejected_by, rejected_at, rejection_reason)
         VALUES ($1, $2, 1, 'rejected', 0, $3, now(), $4, now(), 'Chưa đủ hồ sơ')`,
        [closedBatchId, merged.id, circle.secretary.id, circle.approver.id],
      );
      // Evidence of a finding of a (closed) audit: the audit stays, so its evidence stays.
      evidenceId = randomUUID();
      await ctx.sql(
        `INSERT INTO attachment (id, subject_type, subject_id, agency_id, name, size, sha256, media_type,
                                 storage_key, uploaded_by)
         VALUES ($1, 'audit_finding', $2, $3, 'bien-ban.pdf', 1, repeat('a', 64), 'application/pdf', $4, $5)`,
        [evidenceId, randomUUID(), merged.id, `agency/${merged.id}/audits/x/${evidenceId}`, mergedStaff.id],
      );
      versionBefore = (
        await ctx.sql<{ version: number }>('SELECT version FROM document WHERE id = $1', [inForce.id])
      )[0].version;

      report = await merge(merged.id, receiving.id);
      // Eight accounts (a password hash each), an issue and two uploads.
    }, 240_000);

    it('moves documents, versions, files, records, the Danh mục, accounts, org units and notifications', () => {
      expect(report.documents.moved).toEqual({ document: 2, document_version: 2 });
      expect(report.records.moved).toEqual({ record_type: 1, record: 1, record_search: 1 });
      // The in-force version's primary PDF and the record's file.
      expect(report.attachments.moved).toEqual({ attachment: 2 });
      // Drafter, reviewer, approver, secretary and staff.
      expect(report.identity.moved).toEqual({ app_user: 5 });
      expect(report.organizations.moved).toEqual({ org_unit: 1 });
      expect(report.notifications.moved.notification).toBeGreaterThan(0);
    });

    it('keeps history where it was: the audit trail and the signed disposal batches', async () => {
      expect(report['audit-trail']).toMatchObject({ moved: {}, keptBecause: expect.any(String) });
      expect(report['audit-trail'].kept!.audit_event).toBeGreaterThan(0);
      expect(report.records.kept).toEqual({ disposal: 1 });
      expect(report.attachments.kept).toEqual({ attachment: 1 });
      expect(await agencyOf('attachment', evidenceId)).toBe(merged.id);
      expect(await agencyOf('disposal', closedBatchId)).toBe(merged.id);
      const events = await ctx.sql<{ n: number }>(
        `SELECT count(*)::int AS n FROM audit_event WHERE entity_id = $1 AND agency_id = $2`,
        [inForce.versionId, merged.id],
      );
      expect(events[0].n).toBeGreaterThan(0);
      // The chain still verifies: no event was rewritten.
      const verify = await apiAs(ctx, ctx.admin).get('/audit-events/verify');
      expect(verify.status).toBe(200);
      expect(verify.body).toMatchObject({ ok: true, firstBroken: null });
    });

    it('shows the merged agency’s document in force to the receiving agency’s staff', async () => {
      const read = await apiAs(ctx, receivingStaff).get(`/documents/${inForce.id}`);
      expect(read.status).toBe(200);
      expect(read.body).toMatchObject({ code: 'QT-BCVT-01', currentVersion: { state: 'effective' } });
      const list = await apiAs(ctx, receivingStaff).get('/documents?pageSize=100');
      expect((list.body.items as { code: string }[]).map((d) => d.code)).toEqual(['QT-BCVT-01']);
      // A moved row's ETag changes: an edit prepared before the merger is refused.
      expect(read.headers.etag).toBe(`"${versionBefore + 1}"`);
    });

    it('lets the moved drafter go on with the draft, now of the receiving agency', async () => {
      const me = await apiAs(ctx, mergedDrafter).get('/me');
      expect(me.body.agencyId).toBe(receiving.id);
      const read = await apiAs(ctx, mergedDrafter).get(`/documents/${draft.id}/versions/${draft.versionId}`);
      expect(read.status).toBe(200);
      expect(read.body.state).toBe('draft');
      expect(await agencyOf('document_version', draft.versionId)).toBe(receiving.id);
    });

    it('files the record, its type and its file under the receiving agency', async () => {
      const record = await apiAs(ctx, receivingSecretary).get(`/records/${recordId}`);
      expect(record.status).toBe(200);
      expect(record.body.files).toHaveLength(1);
      const file = await apiAs(ctx, receivingSecretary).binary(
        `/records/${recordId}/files/${record.body.files[0].id}`,
      );
      expect(file.status).toBe(200);
      const types = await apiAs(ctx, receivingSecretary).get('/record-types?pageSize=100');
      expect((types.body.items as { code: string }[]).map((t) => t.code).sort()).toEqual([
        'HS-BCVT',
        'HS-VP',
      ]);
      const units = await ctx.sql<{ name: string }>(
        'SELECT name FROM org_unit WHERE agency_id = $1 ORDER BY name',
        [receiving.id],
      );
      expect(units.map((u) => u.name)).toEqual(['Phòng Bưu chính, Viễn thông', 'Văn phòng Sở']);
    });

    it('leaves no moved row under the merged agency', async () => {
      for (const table of [
        'document',
        'document_version',
        'attachment',
        'record',
        'record_type',
        'app_user',
      ]) {
        // The audit's evidence stays with the audit (checked above).
        const rows = await ctx.sql<{ n: number }>(
          `SELECT count(*)::int AS n FROM ${table} WHERE agency_id = $1${table === 'attachment' ? ` AND subject_type <> 'audit_finding'` : ''}`,
          [merged.id],
        );
        expect({ table, n: rows[0].n }).toEqual({ table, n: 0 });
      }
    });
  });

  describe('a merger whose codes clash', () => {
    it('refuses the whole move, listing every clash and open batch, and moves nothing', async () => {
      const merged = await ctx.newAgency({ name: 'Sở Giao thông vận tải tỉnh Kon Tum' });
      const receiving = await ctx.newAgency({ name: 'Sở Xây dựng tỉnh Kon Tum' });
      const mergedUnit = await ctx.newOrgUnit(merged.id, 'Văn phòng sở');
      const receivingUnit = await ctx.newOrgUnit(receiving.id, 'Văn phòng Sở');
      const person = (role: Role, agencyId: string) => ctx.newUser({ roles: [role], agencyId });
      const circle = {
        drafter: await person(Role.Drafter, merged.id),
        secretary: await person(Role.IsoSecretary, merged.id),
      };
      const receivingCircle = {
        drafter: await person(Role.Drafter, receiving.id),
        secretary: await person(Role.IsoSecretary, receiving.id),
      };
      const mergedDoc = await newDocument(ctx, circle, 'qt-vp-01');
      const receivingDoc = await newDocument(ctx, receivingCircle, 'QT-VP-01');
      await newDocument(ctx, circle, 'QT-GT-02');
      const mergedType = await newRecordType(ctx, circle.secretary, mergedUnit.id, 'HS-VP');
      const receivingType = await newRecordType(ctx, receivingCircle.secretary, receivingUnit.id, 'hs-vp');
      const openBatch = randomUUID();
      await ctx.sql(
        `INSERT INTO disposal (id, agency_id, number, state, record_count, proposed_by, proposed_at)
         VALUES ($1, $2, 3, 'proposed', 0, $3, now())`,
        [openBatch, merged.id, circle.secretary.id],
      );

      const refusal = await merge(merged.id, receiving.id).catch((e: unknown) => e);
      expect(refusal).toMatchObject({ code: 'AGENCY_TRANSFER_CONFLICTS' });
      const { conflicts } = (refusal as { details: { conflicts: object[] } }).details;
      expect(conflicts).toEqual(
        expect.arrayContaining([
          {
            domain: 'documents',
            table: 'document',
            reason: 'code_taken',
            key: 'qt-vp-01',
            fromId: mergedDoc.id,
            toId: receivingDoc.id,
          },
          {
            domain: 'organizations',
            table: 'org_unit',
            reason: 'code_taken',
            key: 'Văn phòng sở',
            fromId: mergedUnit.id,
            toId: receivingUnit.id,
          },
          {
            domain: 'records',
            table: 'record_type',
            reason: 'code_taken',
            key: 'HS-VP',
            fromId: mergedType.id,
            toId: receivingType.id,
          },
          { domain: 'records', table: 'disposal', reason: 'open', key: '3', fromId: openBatch, toId: null },
        ]),
      );
      expect(conflicts).toHaveLength(4);
      expect(await agencyOf('document', mergedDoc.id)).toBe(merged.id);
      expect(await agencyOf('app_user', circle.drafter.id)).toBe(merged.id);
      expect(await agencyOf('org_unit', mergedUnit.id)).toBe(merged.id);
    }, 120_000);

    it('refuses to move an agency onto itself', async () => {
      const agency = await ctx.newAgency();
      await expect(merge(agency.id, agency.id)).rejects.toMatchObject({
        code: 'AGENCY_TRANSFER_SAME_AGENCY',
      });
    });
  });
});

describe('agency transfer: start-up refuses a table with agency_id and no step', () => {
  it('fails the API and the worker, naming the table, in Vietnamese with its code', async () => {
    const db = await createTestDatabase();
    try {
      const config = loadConfig(testEnv(db.url));
      const { Client } = await import('pg');
      const client = new Client({ connectionString: db.url });
      await client.connect();
      await client.query(
        `CREATE TABLE thu_nghiem_chua_khai_bao (id uuid PRIMARY KEY, agency_id uuid NOT NULL)`,
      );
      await client.end();
      const runtime = { config, databaseUrl: db.url, signingSecret: config.JWT_SECRET! };

      const app = await createApiApp(runtime);
      const failure = await app.init().catch((e: unknown) => e);
      await app.close().catch(() => undefined);
      expect(failure).toBeInstanceOf(AgencyTransferSetupError);
      expect((failure as AgencyTransferSetupError).coverage).toEqual({
        missing: ['thu_nghiem_chua_khai_bao'],
        shared: [],
      });
      expect((failure as Error).message).toContain('AGENCY_TRANSFER_STEP_MISSING');
      expect((failure as Error).message).toContain('bảng "thu_nghiem_chua_khai_bao" chưa có bước chuyển nào');

      const workerFailure = await NestFactory.createApplicationContext(WorkerModule.forRoot(runtime), {
        logger: false,
      }).catch((e: unknown) => e);
      expect(workerFailure).toBeInstanceOf(AgencyTransferSetupError);
    } finally {
      await db.drop();
    }
  });
});

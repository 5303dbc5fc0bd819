import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { AuditAction, AuditTrailService, AuditVisibilityRegistry } from '@eiso/audit-trail';
import { Role, systemActor } from '@eiso/common';
import { TransactionRunner } from '@eiso/database';
import { samplePdf } from '../support/files';
import { createTestContext, TestContext, TestUser, USER_PASSWORD } from '../support/test-app';

interface EventView {
  id: string;
  action: string;
  entityType: string;
  entityId: string;
  actorUsername: string;
  occurredAt: string;
  hash: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  redacted: boolean;
}

const ROOT = join(__dirname, '..', '..');

/** Every `entityType: '…'` literal in the server's code: what it can write to the trail. */
function entityTypesInSource(): string[] {
  const found = new Set<string>();
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.ts') && !name.endsWith('.spec.ts')) {
        for (const m of readFileSync(path, 'utf8').matchAll(/entityType: '([a-z_]+)'/g)) found.add(m[1]);
      }
    }
  };
  walk(join(ROOT, 'libs'));
  walk(join(ROOT, 'apps'));
  return [...found].sort();
}

/**
 * Reading the trail applies the visibility of each event's subject: drafts stay in the drafting
 * circle, records inside their agency; the event itself stays (who, what, when, which id, hash).
 */
describe('audit trail: events show only what their reader may see', () => {
  let ctx: TestContext;
  let agencyId: string;
  let drafter: TestUser;
  let secretary: TestUser;
  let auditor: TestUser;
  let approver: TestUser;
  let staff: TestUser;
  let draft: { documentId: string; versionId: string };
  let issued: { documentId: string; versionId: string };
  let recordId: string;
  let recordTypeId: string;

  const DRAFT_TITLE = 'Quy trình tiếp nhận đơn thư tố cáo (dự thảo mật)';
  const RECORD_TITLE = 'Hồ sơ giải quyết tố cáo ông Nguyễn Văn B';

  const post = (user: TestUser, path: string, body: object = {}) =>
    ctx.http().post(`/api/v1${path}`).set('Authorization', user.auth).send(body);
  const trail = async (reader: TestUser, query = '') => {
    const res = await ctx
      .http()
      .get(`/api/v1/audit-events?agencyId=${agencyId}&pageSize=100${query}`)
      .set('Authorization', reader.auth);
    expect(res.status).toBe(200);
    return { items: res.body.items as EventView[], text: JSON.stringify(res.body) };
  };
  const about = (items: EventView[], entityId: string) => items.filter((e) => e.entityId === entityId);

  beforeAll(async () => {
    ctx = await createTestContext();
    agencyId = (await ctx.newAgency({ name: 'Thanh tra tỉnh' })).id;
    const unit = await ctx.newOrgUnit(agencyId, 'Phòng Tiếp công dân');
    drafter = await ctx.newUser({ roles: [Role.Drafter], agencyId });
    const reviewer = await ctx.newUser({ roles: [Role.Reviewer], agencyId });
    approver = await ctx.newUser({ roles: [Role.Approver], agencyId });
    secretary = await ctx.newUser({ roles: [Role.IsoSecretary], agencyId });
    auditor = await ctx.newUser({ roles: [Role.Auditor], agencyId });
    staff = await ctx.newUser({ roles: [Role.Staff], agencyId });

    const create = async (code: string, title: string) => {
      const res = await post(drafter, '/documents', { code, title, type: 'procedure' });
      expect(res.status).toBe(201);
      return { documentId: res.body.id as string, versionId: res.body.currentVersion.id as string };
    };
    draft = await create('QT-TCD-01', DRAFT_TITLE);
    issued = await create('QT-TCD-02', 'Quy trình tiếp công dân');
    const path = `/documents/${issued.documentId}/versions/${issued.versionId}`;
    await ctx
      .http()
      .post(`/api/v1${path}/files`)
      .set('Authorization', drafter.auth)
      .field('kind', 'primary')
      .attach('file', await samplePdf('QT-TCD-02'), 'quy-trinh.pdf');
    expect((await post(drafter, `${path}/submit`)).status).toBe(200);
    expect((await post(reviewer, `${path}/review`, { decision: 'approve' })).status).toBe(200);
    expect((await post(approver, `${path}/approve`, { password: USER_PASSWORD })).status).toBe(200);
    expect((await post(secretary, `${path}/issue`, { password: USER_PASSWORD })).status).toBe(200);

    recordTypeId = (
      await post(secretary, '/record-types', {
        code: 'HS-TC-01',
        name: 'Hồ sơ giải quyết tố cáo',
        retentionMonths: 120,
        storagePlace: 'Kho lưu trữ Thanh tra',
        responsibleOrgUnitId: unit.id,
      })
    ).body.id as string;
    const record = await post(staff, '/records', {
      recordTypeId,
      title: RECORD_TITLE,
      reference: 'TC-2026-001',
      recordDate: '2026-01-05',
    });
    expect(record.status).toBe(201);
    recordId = record.body.id as string;
  });
  afterAll(() => ctx.close());

  it('shows the admin no draft title and no record title, but keeps those events for the chain', async () => {
    const { items, text } = await trail(ctx.admin);
    expect(text).not.toContain(DRAFT_TITLE);
    expect(text).not.toContain(RECORD_TITLE);
    expect(text).not.toContain('TC-2026-001');
    for (const id of [draft.documentId, draft.versionId, recordId, recordTypeId]) {
      const events = about(items, id);
      expect(events.length).toBeGreaterThan(0);
      for (const e of events) {
        expect(e).toMatchObject({ redacted: true, before: null, after: null });
        expect(e.action).toMatch(/\./);
        expect(e.actorUsername).toBeTruthy();
        expect(e.hash).toMatch(/^[0-9a-f]{64}$/);
      }
    }
    // What the admin may read (issued documents, accounts) still comes in full.
    const issuedDoc = about(items, issued.documentId);
    expect(issuedDoc[0]).toMatchObject({ redacted: false, after: { code: 'QT-TCD-02' } });
    expect(about(items, issued.versionId).every((e) => !e.redacted)).toBe(true);
    expect(about(items, drafter.id).find((e) => e.action === 'user.created')).toMatchObject({
      redacted: false,
      after: expect.objectContaining({ username: drafter.username }),
    });
    const verify = await ctx.http().get('/api/v1/audit-events/verify').set('Authorization', ctx.admin.auth);
    expect(verify.body).toMatchObject({ ok: true });
  });

  it('shows an internal auditor issued documents and records, but no draft', async () => {
    const { items, text } = await trail(auditor);
    expect(text).not.toContain(DRAFT_TITLE);
    for (const e of [...about(items, draft.documentId), ...about(items, draft.versionId)]) {
      expect(e).toMatchObject({ redacted: true, after: null });
    }
    expect(about(items, issued.versionId).every((e) => !e.redacted)).toBe(true);
    expect(about(items, recordId)[0]).toMatchObject({ redacted: false, after: { title: RECORD_TITLE } });
    // Accounts are read with user.read, which an auditor does not hold.
    expect(about(items, drafter.id).every((e) => e.redacted)).toBe(true);
  });

  it('shows the drafting circle everything of its agency, and filters still work', async () => {
    const { items, text } = await trail(approver);
    expect(text).toContain(DRAFT_TITLE);
    expect(text).toContain(RECORD_TITLE);
    expect(items.every((e) => !e.redacted)).toBe(true);
    const versionOnly = await trail(secretary, `&entityType=document_version&entityId=${draft.versionId}`);
    expect(versionOnly.items.map((e) => e.action)).toEqual(['document_version.created']);
    expect(versionOnly.items[0].redacted).toBe(false);
  });

  it('shows a draft that became effective once it is issued', async () => {
    const before = await trail(auditor, `&entityId=${issued.versionId}`);
    expect(before.items.length).toBeGreaterThan(0);
    expect(before.items.every((e) => !e.redacted)).toBe(true);
  });

  it('redacts an entity type no domain gave a rule for, even for the admin', async () => {
    const tx = ctx.app.get(TransactionRunner);
    await tx.run((db) =>
      ctx.app.get(AuditTrailService).record(db, systemActor('test'), {
        agencyId,
        entityType: 'chua_co_quy_tac',
        entityId: 'x-1',
        // Written as an older or foreign release would: an action this one has no label for.
        action: 'chua_co_quy_tac.created' as AuditAction,
        after: { secret: 'không ai được đọc' },
      }),
    );
    for (const reader of [ctx.admin, secretary]) {
      const { items, text } = await trail(reader, '&entityType=chua_co_quy_tac');
      expect(items).toHaveLength(1);
      expect(items[0]).toMatchObject({ redacted: true, after: null, action: 'chua_co_quy_tac.created' });
      expect(text).not.toContain('không ai được đọc');
    }
  });

  it('has a visibility rule for every entity type the code writes to the trail', async () => {
    const registered = ctx.app.get(AuditVisibilityRegistry).entityTypes();
    const written = await ctx.sql<{ t: string }>(
      `SELECT DISTINCT entity_type AS t FROM audit_event WHERE entity_type <> 'chua_co_quy_tac'`,
    );
    expect(registered).toEqual(expect.arrayContaining(written.map((r) => r.t)));
    expect(registered).toEqual(expect.arrayContaining(entityTypesInSource()));
  });
});

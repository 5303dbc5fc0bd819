import { isAuditAction } from '@eiso/audit-trail';
import { Role } from '@eiso/common';
import { samplePdf } from '../support/files';
import { createTestContext, TestContext, TestUser, USER_PASSWORD } from '../support/test-app';

interface EventView {
  id: string;
  seq: string;
  agencyId: string | null;
  action: string;
  actionLabel: string;
  actorId: string | null;
  actorUsername: string;
  actorName: string | null;
  entityType: string;
  entityId: string;
  subjectName: string | null;
  occurredAt: string;
  redacted: boolean;
  hash: string;
}

const ISSUED_TITLE = 'Quy trình tuyển dụng công chức';
const DRAFT_TITLE = 'Quy trình xử lý kỷ luật cán bộ (dự thảo mật)';
const RECORD_TITLE = 'Hồ sơ tuyển dụng đợt 1 năm 2026';

/**
 * Reading the trail as people do: each event says in Vietnamese what was done, by whom (full
 * name) and to what (a document's code and title, an account's holder…), under the visibility of
 * its subject; the approver and internal auditors read their agency's trail, filter it, and
 * auditors check the chain without learning anything of other agencies.
 */
describe('audit trail: labels, names, filters, and what approvers and auditors read', () => {
  let ctx: TestContext;
  let agencyA: string;
  let agencyB: string;
  let drafter: TestUser;
  let approver: TestUser;
  let secretary: TestUser;
  let auditor: TestUser;
  let issued: { documentId: string; versionId: string };
  let draft: { documentId: string; versionId: string };
  let recordId: string;
  let recordTypeId: string;
  let issuedAt: { before: string; after: string };

  const post = (user: TestUser, path: string, body: object = {}) =>
    ctx.http().post(`/api/v1${path}`).set('Authorization', user.auth).send(body);
  const read = (reader: TestUser, query = '') =>
    ctx.http().get(`/api/v1/audit-events?pageSize=100${query}`).set('Authorization', reader.auth);
  const trail = async (reader: TestUser, query = '') => {
    const res = await read(reader, query);
    expect(res.status).toBe(200);
    return {
      items: res.body.items as EventView[],
      total: res.body.total as number,
      text: JSON.stringify(res.body),
    };
  };
  const verify = (reader: TestUser) =>
    ctx.http().get('/api/v1/audit-events/verify').set('Authorization', reader.auth);
  const find = (items: EventView[], action: string, entityId: string) => {
    const found = items.find((e) => e.action === action && e.entityId === entityId);
    expect({ action, entityId, found: !!found }).toEqual({ action, entityId, found: true });
    return found!;
  };

  beforeAll(async () => {
    ctx = await createTestContext();
    agencyA = (await ctx.newAgency({ name: 'Sở Nội vụ tỉnh Gia Lai' })).id;
    agencyB = (await ctx.newAgency({ name: 'Sở Y tế tỉnh Gia Lai' })).id;
    const unit = await ctx.newOrgUnit(agencyA, 'Phòng Công chức, viên chức');
    drafter = await ctx.newUser({ roles: [Role.Drafter], agencyId: agencyA, fullName: 'Nguyễn Thị Lan' });
    const reviewer = await ctx.newUser({
      roles: [Role.Reviewer],
      agencyId: agencyA,
      fullName: 'Đặng Văn Hùng',
    });
    approver = await ctx.newUser({ roles: [Role.Approver], agencyId: agencyA, fullName: 'Trần Quốc Bảo' });
    secretary = await ctx.newUser({
      roles: [Role.IsoSecretary],
      agencyId: agencyA,
      fullName: 'Phạm Thu Hà',
    });
    auditor = await ctx.newUser({ roles: [Role.Auditor], agencyId: agencyA, fullName: 'Lê Minh Châu' });
    const staff = await ctx.newUser({ roles: [Role.Staff], agencyId: agencyA, fullName: 'Võ Thị Mai' });
    await ctx.newUser({ roles: [Role.Staff], agencyId: agencyB, fullName: 'Hồ Văn Nam' });
    const drafterB = await ctx.newUser({ roles: [Role.Drafter], agencyId: agencyB });
    expect(
      (
        await post(drafterB, '/documents', {
          code: 'QT-YT-01',
          title: 'Quy trình của Sở Y tế',
          type: 'procedure',
        })
      ).status,
    ).toBe(201);

    const create = async (code: string, title: string) => {
      const res = await post(drafter, '/documents', { code, title, type: 'procedure' });
      expect(res.status).toBe(201);
      return { documentId: res.body.id as string, versionId: res.body.currentVersion.id as string };
    };
    issued = await create('QT-NV-01', ISSUED_TITLE);
    draft = await create('QT-NV-02', DRAFT_TITLE);
    const path = `/documents/${issued.documentId}/versions/${issued.versionId}`;
    await ctx
      .http()
      .post(`/api/v1${path}/files`)
      .set('Authorization', drafter.auth)
      .field('kind', 'primary')
      .attach('file', await samplePdf('QT-NV-01'), 'quy-trinh.pdf');
    expect((await post(drafter, `${path}/submit`)).status).toBe(200);
    expect((await post(reviewer, `${path}/review`, { decision: 'approve' })).status).toBe(200);
    expect((await post(approver, `${path}/approve`, { password: USER_PASSWORD })).status).toBe(200);
    const before = new Date().toISOString();
    expect((await post(secretary, `${path}/issue`, { password: USER_PASSWORD })).status).toBe(200);
    issuedAt = { before, after: new Date(Date.now() + 1).toISOString() };

    recordTypeId = (
      await post(secretary, '/record-types', {
        code: 'HS-TD-01',
        name: 'Hồ sơ tuyển dụng',
        retentionMonths: 120,
        storagePlace: 'Kho lưu trữ Sở',
        responsibleOrgUnitId: unit.id,
      })
    ).body.id as string;
    const record = await post(staff, '/records', {
      recordTypeId,
      title: RECORD_TITLE,
      reference: 'TD-2026-01',
      recordDate: '2026-01-05',
    });
    expect(record.status).toBe(201);
    recordId = record.body.id as string;
  });
  afterAll(() => ctx.close());

  describe('labels and names', () => {
    it('says in Vietnamese what each event did, who did it and to what', async () => {
      const { items } = await trail(approver);
      expect(items.length).toBeGreaterThan(10);
      for (const e of items) {
        expect(e.actionLabel).toBeTruthy();
        expect(e.actionLabel).not.toBe(e.action);
        expect(e.actionLabel).not.toMatch(/^Thao tác khác/);
      }

      expect(find(items, 'document_version.issued', issued.versionId)).toMatchObject({
        actionLabel: 'Ban hành tài liệu',
        actorId: secretary.id,
        actorUsername: secretary.username,
        actorName: 'Phạm Thu Hà',
        subjectName: `QT-NV-01 — ${ISSUED_TITLE} (phiên bản 1)`,
        redacted: false,
      });
      expect(find(items, 'document.created', issued.documentId)).toMatchObject({
        actionLabel: 'Tạo tài liệu',
        actorName: 'Nguyễn Thị Lan',
        subjectName: `QT-NV-01 — ${ISSUED_TITLE}`,
      });
      expect(find(items, 'document_version.approved', issued.versionId)).toMatchObject({
        actionLabel: 'Phê duyệt tài liệu',
        actorName: 'Trần Quốc Bảo',
      });
      expect(find(items, 'user.created', auditor.id)).toMatchObject({
        actionLabel: 'Tạo tài khoản',
        actorUsername: 'admin',
        subjectName: `Lê Minh Châu (${auditor.username})`,
      });
      expect(find(items, 'record.created', recordId)).toMatchObject({
        actionLabel: 'Tạo hồ sơ',
        actorName: 'Võ Thị Mai',
        subjectName: `TD-2026-01 — ${RECORD_TITLE}`,
      });
      expect(find(items, 'record_type.created', recordTypeId)).toMatchObject({
        actionLabel: 'Tạo loại hồ sơ',
        subjectName: 'HS-TD-01 — Hồ sơ tuyển dụng',
      });
      // The approver is in the drafting circle: the draft is named too.
      expect(find(items, 'document.created', draft.documentId).subjectName).toBe(`QT-NV-02 — ${DRAFT_TITLE}`);
    });

    it('names no subject where the event is redacted, and still says what was done and by whom', async () => {
      const { items, text } = await trail(auditor);
      expect(text).not.toContain(DRAFT_TITLE);
      expect(text).not.toContain('QT-NV-02');
      for (const id of [draft.documentId, draft.versionId]) {
        for (const e of items.filter((i) => i.entityId === id)) {
          expect(e).toMatchObject({ redacted: true, subjectName: null, after: null });
          expect(e.actionLabel).toMatch(/^(Tạo tài liệu|Tạo dự thảo)$/);
          expect(e.actorName).toBe('Nguyễn Thị Lan');
        }
      }
      // Accounts are read with user.read, which an internal auditor does not hold.
      expect(find(items, 'user.created', approver.id)).toMatchObject({ redacted: true, subjectName: null });
      // What the auditor may read is named.
      expect(find(items, 'document_version.issued', issued.versionId).subjectName).toBe(
        `QT-NV-01 — ${ISSUED_TITLE} (phiên bản 1)`,
      );
      expect(find(items, 'record.created', recordId).subjectName).toBe(`TD-2026-01 — ${RECORD_TITLE}`);

      // Records are agency-internal: a system admin sees that one was filed, not what it is.
      const admin = await trail(ctx.admin, `&agencyId=${agencyA}`);
      expect(admin.text).not.toContain(RECORD_TITLE);
      expect(find(admin.items, 'record.created', recordId)).toMatchObject({
        redacted: true,
        subjectName: null,
        actionLabel: 'Tạo hồ sơ',
        actorName: 'Võ Thị Mai',
      });
    });
  });

  describe('filters', () => {
    it('filters by action', async () => {
      const { items } = await trail(approver, '&action=document_version.issued');
      expect(items.map((e) => [e.action, e.entityId])).toEqual([
        ['document_version.issued', issued.versionId],
      ]);
    });

    it('filters by actor', async () => {
      const { items } = await trail(approver, `&actorId=${drafter.id}`);
      expect(items.length).toBeGreaterThan(0);
      expect(new Set(items.map((e) => e.actorName))).toEqual(new Set(['Nguyễn Thị Lan']));
      expect(items.map((e) => e.action)).toEqual(expect.arrayContaining(['document.created', 'auth.login']));
    });

    it('filters by subject', async () => {
      const { items } = await trail(
        approver,
        `&entityType=document_version&entityId=${issued.versionId}&order=asc`,
      );
      expect(items.map((e) => e.action)).toEqual([
        'document_version.created',
        'document_file.uploaded',
        'document_version.submitted',
        'document_version.reviewed',
        'document_version.approved',
        'document_version.issued',
      ]);
    });

    it('filters by agency: a system admin any, everyone else only their own', async () => {
      const admin = await trail(ctx.admin, `&agencyId=${agencyB}`);
      expect(admin.items.length).toBeGreaterThan(0);
      expect(admin.items.every((e) => e.agencyId === agencyB)).toBe(true);
      expect(admin.text).toContain('Hồ Văn Nam');
      for (const reader of [approver, auditor]) {
        const other = await trail(reader, `&agencyId=${agencyB}`);
        expect(other.total).toBe(0);
      }
    });

    it('filters by time, from included and to excluded', async () => {
      const within = await trail(
        approver,
        `&from=${encodeURIComponent(issuedAt.before)}&to=${encodeURIComponent(issuedAt.after)}` +
          '&entityType=document_version',
      );
      expect(within.items.map((e) => e.action)).toEqual(['document_version.issued']);
      const earlier = await trail(
        approver,
        `&to=${encodeURIComponent(issuedAt.before)}&action=document_version.issued`,
      );
      expect(earlier.total).toBe(0);
    });

    it.each([
      ['action=document.deleted', 'action'],
      ['action=', 'action'],
      [
        `from=${encodeURIComponent('2026-02-01T00:00:00+07:00')}&to=${encodeURIComponent('2026-01-01T00:00:00+07:00')}`,
        'to',
      ],
      [
        `from=${encodeURIComponent('2026-01-01T00:00:00Z')}&to=${encodeURIComponent('2026-01-01T07:00:00+07:00')}`,
        'to',
      ],
      ['from=01/01/2026', 'from'],
      ['actorId=nguyen-thi-lan', 'actorId'],
    ])('refuses %s with a 400 naming %s', async (query, field) => {
      const res = await read(approver, `&${query}`);
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(res.body.details.errors.map((e: { field: string }) => e.field)).toEqual([field]);
    });
  });

  describe('approver and internal auditors', () => {
    it('read their own agency’s trail only', async () => {
      for (const reader of [approver, auditor]) {
        const { items, text } = await trail(reader);
        expect(items.length).toBeGreaterThan(0);
        expect(items.every((e) => e.agencyId === agencyA)).toBe(true);
        expect(text).not.toContain('QT-YT-01');
        expect(text).not.toContain('Hồ Văn Nam');
      }
    });

    it('lets an internal auditor verify the chain, counting only their agency’s links', async () => {
      const res = await verify(auditor);
      expect(res.status).toBe(200);
      const own = await ctx.sql<{ n: number; last: string }>(
        `SELECT count(*)::int AS n,
                (SELECT hash FROM audit_event WHERE agency_id = $1 ORDER BY seq DESC LIMIT 1) AS last
           FROM audit_event WHERE agency_id = $1`,
        [agencyA],
      );
      expect(res.body).toEqual({
        ok: true,
        scope: 'agency',
        checked: own[0].n,
        lastHash: own[0].last,
        firstBroken: null,
      });
      const [{ n: all }] = await ctx.sql<{ n: number }>(`SELECT count(*)::int AS n FROM audit_event`);
      expect(all).toBeGreaterThan(own[0].n);
      const admin = await verify(ctx.admin);
      expect(admin.body).toMatchObject({ ok: true, scope: 'all', checked: all, firstBroken: null });
      expect((await verify(secretary)).status).toBe(403);
      expect((await verify(approver)).status).toBe(403);
    });

    it('tells an auditor where the chain broke only when the broken link is their agency’s', async () => {
      const tamper = async (seq: string, after: string) => {
        // What a database superuser could do: switch the guard off, rewrite history, switch it back on.
        await ctx.sql(`ALTER TABLE audit_event DISABLE TRIGGER tr_audit_event_append_only`);
        await ctx.sql(`UPDATE audit_event SET after = $2::jsonb WHERE seq = $1`, [seq, after]);
        await ctx.sql(`ALTER TABLE audit_event ENABLE TRIGGER tr_audit_event_append_only`);
      };
      const first = async (agencyId: string) =>
        (
          await ctx.sql<{ seq: string; id: string; after: string }>(
            `SELECT seq, id, after::text AS after FROM audit_event WHERE agency_id = $1 ORDER BY seq LIMIT 1`,
            [agencyId],
          )
        )[0];

      // The auditor's own agency: told where.
      const ownVictim = await first(agencyA);
      await tamper(ownVictim.seq, '{"sua":"trai phep"}');
      expect((await verify(auditor)).body).toMatchObject({
        ok: false,
        scope: 'agency',
        firstBroken: { seq: ownVictim.seq, id: ownVictim.id, reason: 'hash_mismatch', inScope: true },
      });
      await tamper(ownVictim.seq, ownVictim.after);
      expect((await verify(ctx.admin)).body.ok).toBe(true);

      // Another agency: told that the chain is broken, nothing of where or whose.
      const otherVictim = await first(agencyB);
      await tamper(otherVictim.seq, '{"sua":"trai phep"}');
      const res = await verify(auditor);
      expect(res.body).toMatchObject({
        ok: false,
        scope: 'agency',
        firstBroken: { seq: null, id: null, reason: 'hash_mismatch', inScope: false },
      });
      const text = JSON.stringify(res.body);
      expect(text).not.toContain(otherVictim.id);
      const otherHashes = await ctx.sql<{ hash: string }>(
        `SELECT hash FROM audit_event WHERE agency_id <> $1 OR agency_id IS NULL`,
        [agencyA],
      );
      for (const { hash } of otherHashes) expect(text).not.toContain(hash);

      expect((await verify(ctx.admin)).body).toMatchObject({
        ok: false,
        scope: 'all',
        firstBroken: { seq: otherVictim.seq, id: otherVictim.id, reason: 'hash_mismatch', inScope: true },
      });
    });
  });

  it('has a Vietnamese label for every action the trail holds', async () => {
    const actions = await ctx.sql<{ action: string }>(
      `SELECT DISTINCT action FROM audit_event ORDER BY action`,
    );
    expect(actions.length).toBeGreaterThan(10);
    expect(actions.filter((a) => !isAuditAction(a.action))).toEqual([]);
  });
});

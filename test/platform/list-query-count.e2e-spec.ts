import { DataSource } from 'typeorm';
import { Role } from '@eiso/common';
import { JobOutboxRelay } from '@eiso/queue';
import { apiAs } from '../support/api-as';
import { auditInProgress } from '../support/audit-flow';
import { createTestContext, TestAgency, TestContext, TestUser } from '../support/test-app';

/** What a request asked the database, in order; the same SQL for a longer list means no query per row. */
interface Traced {
  status: number;
  items: number;
  sql: string[];
}

/**
 * Issue 10 §12: a list reads a page (or a register) in a number of queries that does not grow
 * with the number of rows shown. Each case sends the same request for a few rows and for many,
 * and compares the SQL the two issued, statement by statement.
 */
describe('lists and registers query the database a constant number of times', () => {
  let ctx: TestContext;
  let small: TestAgency;
  let large: TestAgency;
  const users: Record<'small' | 'large', Record<'drafter' | 'secretary' | 'staff', TestUser>> = {} as never;
  let versionsFew = '';
  let versionsMany = '';

  /** Documents made through the API, then issued by SQL (the workflow has suites of its own). */
  const makeDocuments = async (agency: TestAgency, count: number): Promise<string[]> => {
    const ids: string[] = [];
    for (let i = 0; i < count; i++) {
      const created = await apiAs(ctx, users[agency === small ? 'small' : 'large'].drafter).post(
        '/documents',
        {
          code: `QT-${String(i).padStart(3, '0')}`,
          title: `Quy trình số ${i}`,
          type: 'procedure',
        },
      );
      expect(created.status).toBe(201);
      ids.push((created.body as { id: string }).id);
    }
    await ctx.sql(
      `UPDATE document_version v SET state = 'effective', issue_number = 1, effective_from = '2026-01-01',
              issued_at = now()
         FROM document d WHERE v.document_id = d.id AND d.agency_id = $1`,
      [agency.id],
    );
    await ctx.sql(
      `UPDATE document d SET current_version_id = v.id, issue_count = 1, next_review_date = '2027-01-01',
              type = CASE WHEN d.code ~ '[13579]$' THEN 'external' ELSE d.type END
         FROM document_version v WHERE v.document_id = d.id AND d.agency_id = $1`,
      [agency.id],
    );
    return ids;
  };

  /** Gives a document `count` more (superseded) versions, each with a file and a comment. */
  const addVersions = async (documentId: string, count: number, author: TestUser): Promise<void> => {
    for (let n = 2; n <= count + 1; n++) {
      const [{ id }] = await ctx.sql<{ id: string }>(
        `INSERT INTO document_version
         SELECT (jsonb_populate_record(NULL::document_version, to_jsonb(v) || jsonb_build_object(
                  'id', gen_random_uuid(), 'revision', $2::int, 'issue_number', $2::int, 'state', 'superseded'))).*
           FROM document_version v WHERE v.document_id = $1 AND v.revision = 1
         RETURNING id`,
        [documentId, n],
      );
      await ctx.sql(
        `INSERT INTO attachment (id, subject_type, subject_id, agency_id, kind, name, size, sha256, media_type,
                                 storage_key, uploaded_by)
         SELECT gen_random_uuid(), 'document_version', $1::uuid, d.agency_id, 'attachment', 'phu-luc.pdf', 10, repeat('a', 64),
                'application/pdf', 'agency/x/documents/' || d.id || '/' || $1::text, $3
           FROM document d WHERE d.id = $2`,
        [id, documentId, author.id],
      );
      await ctx.sql(
        `INSERT INTO document_comment (id, version_id, author_id, kind, body)
         VALUES (gen_random_uuid(), $1, $2, 'approve', 'Đồng ý')`,
        [id, author.id],
      );
    }
  };

  beforeAll(async () => {
    ctx = await createTestContext();
    small = await ctx.newAgency({ name: 'Sở ít tài liệu' });
    large = await ctx.newAgency({ name: 'Sở nhiều tài liệu' });
    for (const [key, agency] of [
      ['small', small],
      ['large', large],
    ] as const) {
      users[key] = {
        drafter: await ctx.newUser({ roles: [Role.Drafter], agencyId: agency.id }),
        secretary: await ctx.newUser({ roles: [Role.IsoSecretary], agencyId: agency.id }),
        staff: await ctx.newUser({ roles: [Role.Staff], agencyId: agency.id }),
      };
    }
    await makeDocuments(small, 6);
    const [few, many] = await makeDocuments(large, 60);
    versionsFew = few;
    versionsMany = many;
    await addVersions(versionsFew, 1, users.large.secretary);
    await addVersions(versionsMany, 12, users.large.secretary);

    for (const [key, agency, types] of [
      ['small', small, 3],
      ['large', large, 55],
    ] as const) {
      const unit = await ctx.newOrgUnit(agency.id);
      for (let i = 0; i < types; i++) {
        const type = await apiAs(ctx, users[key].secretary).post('/record-types', {
          code: `HS-${String(i).padStart(3, '0')}`,
          name: `Loại hồ sơ số ${i}`,
          retentionMonths: 60,
          storagePlace: 'Kho lưu trữ cơ quan',
          responsibleOrgUnitId: unit.id,
        });
        expect(type.status).toBe(201);
        // Records of several types, so that a page of records spans many types.
        const record = await apiAs(ctx, users[key].drafter).post('/records', {
          recordTypeId: (type.body as { id: string }).id,
          title: `Hồ sơ số ${i}`,
          recordDate: '2026-01-05',
        });
        expect(record.status).toBe(201);
      }
    }
    for (let i = 0; i < 55; i++) await ctx.newOrgUnit(large.id, `Phòng số ${i}`);
    for (let i = 0; i < 55; i++) await ctx.newAgency({ name: `Cơ quan thêm số ${i}` });
  });
  afterAll(() => ctx.close());

  /** Sends a GET and records every statement TypeORM sent to PostgreSQL meanwhile. */
  const traced = async (user: TestUser, path: string): Promise<Traced> => {
    const logger = ctx.app.get(DataSource).logger;
    // The job outbox relay polls on its own timer: its transaction is not the request's. It
    // pauses while the request is traced (a pass under way finishes first) and starts again after.
    const relay = ctx.app.get(JobOutboxRelay);
    await relay.stop();
    const statements: string[] = [];
    const spy = jest.spyOn(logger, 'logQuery').mockImplementation((query: string) => {
      // A list of parameters (`IN ($1, $2, …)`), or a page size TypeORM writes inline, is one
      // statement however long the page.
      statements.push(
        query
          .replace(/\s+/g, ' ')
          .replace(/\$\d+(?:\s*,\s*\$\d+)*/g, '$…')
          .replace(/\b(LIMIT|OFFSET) \d+/g, '$1 n')
          .trim(),
      );
    });
    try {
      const res = await apiAs(ctx, user).get(path);
      const body = res.body as unknown[] | { items?: unknown[] };
      const items = Array.isArray(body) ? body : (body.items ?? []);
      return { status: res.status, items: items.length, sql: statements };
    } finally {
      spy.mockRestore();
      relay.onApplicationBootstrap();
    }
  };

  const expectConstant = async (
    few: { user: TestUser; path: string },
    many: { user: TestUser; path: string },
  ): Promise<void> => {
    await traced(many.user, many.path);
    const a = await traced(few.user, few.path);
    const b = await traced(many.user, many.path);
    expect([a.status, b.status]).toEqual([200, 200]);
    // The longer list really is longer: otherwise the comparison proves nothing.
    expect(b.items).toBeGreaterThanOrEqual(a.items * 4);
    expect(b.sql).toEqual(a.sql);
  };

  const large5 = (path: string, role: 'drafter' | 'secretary' | 'staff' = 'drafter') => ({
    user: users.large[role],
    path: `${path}${path.includes('?') ? '&' : '?'}pageSize=5`,
  });
  const large50 = (path: string, role: 'drafter' | 'secretary' | 'staff' = 'drafter') => ({
    user: users.large[role],
    path: `${path}${path.includes('?') ? '&' : '?'}pageSize=50`,
  });

  it('documents, as the drafting circle sees them (newest revision)', async () => {
    await expectConstant(large5('/documents'), large50('/documents'));
  });

  it('documents, as an issued-only reader sees them (version in force)', async () => {
    await expectConstant(large5('/documents', 'staff'), large50('/documents', 'staff'));
  });

  it('the versions of one document, with their files, signatures and comments', async () => {
    await expectConstant(
      { user: users.large.drafter, path: `/documents/${versionsFew}/versions` },
      { user: users.large.drafter, path: `/documents/${versionsMany}/versions` },
    );
  });

  it('records, spanning many record types', async () => {
    await expectConstant(large5('/records'), large50('/records'));
  });

  it('record types', async () => {
    await expectConstant(large5('/record-types', 'secretary'), large50('/record-types', 'secretary'));
  });

  it.each(['/registers/internal-documents', '/registers/external-documents', '/registers/records'])(
    'the register %s',
    async (path) => {
      await expectConstant({ user: users.small.secretary, path }, { user: users.large.secretary, path });
    },
  );

  // audit findings (H6)
  it('the findings of an audit, with their clauses, units, authors and nonconformities', async () => {
    const units = [
      await ctx.newOrgUnit(large.id, 'Phòng được đánh giá A'),
      await ctx.newOrgUnit(large.id, 'Phòng B'),
    ];
    const lead = await ctx.newUser({ roles: [Role.Auditor], agencyId: large.id });
    const { auditId } = await auditInProgress(ctx, users.large.secretary, {
      year: 2031,
      orgUnitIds: units.map((u) => u.id),
      clauses: ['7.5', '8.5'],
      lead,
    });
    await ctx.sql(
      `INSERT INTO audit_finding (id, audit_id, agency_id, serial, type, clause, org_unit_id, statement, created_by)
       SELECT gen_random_uuid(), $1, $2, n, (ARRAY['major_nc', 'minor_nc', 'observation', 'ofi'])[1 + n % 4],
              (ARRAY['7.5', '7.5.1', '8.5', '8.5.1'])[1 + n % 4], ($3::uuid[])[1 + n % 2], 'Phát hiện số ' || n,
              (ARRAY[$4, $5]::uuid[])[1 + n % 2]
         FROM generate_series(1, 55) AS n`,
      [auditId, large.id, units.map((u) => u.id), lead.id, users.large.secretary.id],
    );
    const path = `/audits/${auditId}/findings`;
    await expectConstant(
      { user: users.large.secretary, path: `${path}?pageSize=5` },
      { user: users.large.secretary, path: `${path}?pageSize=50` },
    );
  });

  // nonconformities (H2)
  it('nonconformities, their register and the audit trail naming them', async () => {
    for (const [key, agency, count] of [
      ['small', small, 3],
      ['large', large, 55],
    ] as const) {
      const by = users[key].secretary;
      const [unit] = await ctx.sql<{ id: string }>('SELECT id FROM org_unit WHERE agency_id = $1 LIMIT 1', [
        agency.id,
      ]);
      for (let i = 1; i <= count; i++) {
        const clause = ['8.7', '8.2.1', '9.3'][i % 3];
        const raised = await apiAs(ctx, by).post('/nonconformities', {
          source: 'self',
          severity: i % 2 ? 'major' : 'minor',
          title: `Sự không phù hợp số ${i}`,
          description: 'Phát hiện khi rà soát.',
          clause,
          orgUnitId: unit.id,
          detectedOn: '2026-01-05',
        });
        expect(raised.status).toBe(201);
        const [{ id: caId }] = await ctx.sql<{ id: string }>(
          `INSERT INTO corrective_action (id, agency_id, nonconformity_id, state, created_by, root_cause, verifier_id)
           VALUES (gen_random_uuid(), $1, $2, 'verifying', $3, 'Nguyên nhân', $3) RETURNING id`,
          [agency.id, (raised.body as { id: string }).id, by.id],
        );
        await ctx.sql(
          `INSERT INTO corrective_action_task
             (id, corrective_action_id, agency_id, round, position, description, owner_id, due_date, created_by)
           VALUES (gen_random_uuid(), $1, $2, 1, 1, 'Hành động', $3, '2026-01-01', $3),
                  (gen_random_uuid(), $1, $2, 1, 2, 'Hành động khác', $4, '2026-02-01', $3)`,
          [caId, agency.id, by.id, users[key].staff.id],
        );
        await ctx.sql(
          `INSERT INTO corrective_action_verification
             (id, corrective_action_id, agency_id, round, verifier_id, effective, reason, verified_at)
           VALUES (gen_random_uuid(), $1, $2, 1, $3, false, 'Chưa hiệu lực', now())`,
          [caId, agency.id, by.id],
        );
      }
    }
    await expectConstant(large5('/nonconformities', 'staff'), large50('/nonconformities', 'staff'));
    const register = '/nonconformities/register?year=2026';
    await expectConstant(
      { user: users.small.staff, path: register },
      { user: users.large.staff, path: register },
    );
    await expectConstant(
      { user: users.large.secretary, path: '/audit-events?entityType=nonconformity&pageSize=5' },
      { user: users.large.secretary, path: '/audit-events?entityType=nonconformity&pageSize=50' },
    );
  });

  // --- objectives ---
  it('quality objectives, with their status from every measurement and the owner unit named', async () => {
    for (const [key, agency] of [
      ['small', small],
      ['large', large],
    ] as const) {
      const by = users[key].secretary;
      const [unit] = await ctx.sql<{ id: string }>('SELECT id FROM org_unit WHERE agency_id = $1 LIMIT 1', [
        agency.id,
      ]);
      await ctx.sql(
        `INSERT INTO objective (id, agency_id, year, statement, kpi_name, unit, direction, target, frequency,
                                owner_org_unit_id, created_by, updated_by)
         SELECT gen_random_uuid(), $1, 2026, 'Mục tiêu số ' || i, 'Tỷ lệ đúng hạn', '%', 'at_least', 98, 'monthly',
                $2, $3, $3
           FROM generate_series(1, 55) i`,
        [agency.id, unit.id, by.id],
      );
      await ctx.sql(
        `INSERT INTO objective_measurement (id, objective_id, agency_id, period, period_start, value, entered_by, updated_by)
         SELECT gen_random_uuid(), o.id, o.agency_id, '2026-0' || m, ('2026-0' || m || '-01')::date, 95 + m, $2, $2
           FROM objective o, generate_series(1, 3) m
          WHERE o.agency_id = $1`,
        [agency.id, by.id],
      );
    }
    await expectConstant(large5('/objectives?year=2026', 'staff'), large50('/objectives?year=2026', 'staff'));
  });

  // risks (issue 15)
  it('risks and opportunities and their register', async () => {
    for (const [key, agency, count] of [
      ['small', small, 3],
      ['large', large, 55],
    ] as const) {
      const by = users[key].secretary;
      const [unit] = await ctx.sql<{ id: string }>('SELECT id FROM org_unit WHERE agency_id = $1 LIMIT 1', [
        agency.id,
      ]);
      await ctx.sql(
        `INSERT INTO risk (id, agency_id, kind, serial, context, description, owner_org_unit_id, owner_user_id,
                           likelihood, impact, score, level, treatment, review_date, created_by)
         SELECT gen_random_uuid(), $1, CASE WHEN i % 2 = 0 THEN 'risk' ELSE 'opportunity' END, i, 'internal_issue',
                'Rủi ro số ' || i, $2, $3, l, m, l * m,
                CASE WHEN l * m <= 4 THEN 'low' WHEN l * m <= 9 THEN 'medium' ELSE 'high' END,
                'Biện pháp xử lý', '2026-12-31', $3
           FROM generate_series(1, $4::int) i, LATERAL (SELECT 1 + i % 5 AS l, 1 + (i / 5) % 5 AS m) s`,
        [agency.id, unit.id, by.id, count],
      );
      await ctx.sql(
        `INSERT INTO risk_assessment (id, risk_id, agency_id, position, likelihood, impact, score, level, treatment,
                                      review_date, assessed_by, assessed_at)
         SELECT gen_random_uuid(), id, agency_id, 1, likelihood, impact, score, level, treatment, review_date,
                created_by, created_at
           FROM risk WHERE agency_id = $1`,
        [agency.id],
      );
    }
    await expectConstant(large5('/risks', 'secretary'), large50('/risks', 'secretary'));
    await expectConstant(
      { user: users.small.secretary, path: '/risks/register' },
      { user: users.large.secretary, path: '/risks/register' },
    );
  });

  // audit programmes and audits (H5)
  it('audits, with their units, clauses, team and procedures named, and the programme register', async () => {
    const [{ code: edition }] = await ctx.sql<{ code: string }>(
      'SELECT code FROM iso_standard_edition WHERE is_current',
    );
    const programmes: Record<string, string> = {};
    for (const [key, agency, count] of [
      ['small', small, 3],
      ['large', large, 55],
    ] as const) {
      const by = users[key].secretary;
      const units = await ctx.sql<{ id: string }>(
        'SELECT id FROM org_unit WHERE agency_id = $1 ORDER BY id LIMIT 3',
        [agency.id],
      );
      const [{ id: programmeId }] = await ctx.sql<{ id: string }>(
        `INSERT INTO audit_programme (id, agency_id, year, title, objectives, criteria, clause_edition, created_by)
         VALUES (gen_random_uuid(), $1, 2026, 'Chương trình đánh giá nội bộ năm 2026', 'Mục tiêu', 'Chuẩn mực', $2, $3)
         RETURNING id`,
        [agency.id, edition, by.id],
      );
      programmes[key] = programmeId;
      await ctx.sql(
        `INSERT INTO audit_programme_entry
           (id, programme_id, agency_id, position, org_unit_id, risk_level, audits_per_year, planned_months)
         SELECT gen_random_uuid(), $1, $2, n, $3::uuid, 'high', 2, '{3,9}' FROM generate_series(1, $4::int) n`,
        [programmeId, agency.id, units[0].id, count],
      );
      await ctx.sql(
        `INSERT INTO audit (id, agency_id, programme_id, year, serial, title, objectives, criteria, clause_edition,
                            org_unit_ids, clauses, start_date, end_date, lead_auditor_id, team_ids, created_by)
         SELECT gen_random_uuid(), $1, $2, 2026, n, 'Đánh giá số ' || n, 'Mục tiêu', 'Chuẩn mực', $3,
                $4::uuid[], '{7.5,9.2}', '2026-03-01'::date + n, '2026-03-02'::date + n, $5, $6::uuid[], $5
           FROM generate_series(1, $7::int) n`,
        [
          agency.id,
          programmeId,
          edition,
          units.map((u) => u.id),
          by.id,
          [users[key].drafter.id, users[key].staff.id],
          count,
        ],
      );
    }
    await expectConstant(large5('/audits', 'secretary'), large50('/audits', 'secretary'));
    await expectConstant(
      { user: users.small.secretary, path: `/audit-programmes/${programmes.small}/register` },
      { user: users.large.secretary, path: `/audit-programmes/${programmes.large}/register` },
    );
  });

  it('agencies, org units and audit events', async () => {
    await expectConstant(
      { user: ctx.admin, path: '/agencies?pageSize=5' },
      { user: ctx.admin, path: '/agencies?pageSize=50' },
    );
    await expectConstant(
      { user: ctx.admin, path: `/agencies/${large.id}/org-units?pageSize=5` },
      { user: ctx.admin, path: `/agencies/${large.id}/org-units?pageSize=50` },
    );
    await expectConstant(
      { user: ctx.admin, path: '/audit-events?entityType=record&pageSize=5' },
      { user: ctx.admin, path: '/audit-events?entityType=record&pageSize=50' },
    );
  });
});

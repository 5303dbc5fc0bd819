import { apiAs } from '../support/api-as';
import { DraftingCircle, effectiveDocument, newDraftingCircle } from '../support/document-flow';
import { createTestContext, TestContext } from '../support/test-app';

/**
 * The 2025 reform through the API: three communes of a district merge into a new commune. The
 * preview shows what would move and the clash of two "QT-01", changing nothing; the restructuring
 * is refused (409, the list) until a code prefix is given; then every document, account and unit
 * moves in one transaction, the communes are marked merged with their successor and end the day
 * before, each has its audit event, and history (the old agencies, their trail) stays.
 */
describe('agency restructuring', () => {
  let ctx: TestContext;
  let district: string;
  const communes: { id: string; name: string; circle: DraftingCircle }[] = [];
  let merged: string;

  const agency = async (id: string) =>
    (await apiAs(ctx, ctx.admin).get(`/agencies/${id}`)).body as {
      id: string;
      name: string;
      status: string;
      successorId: string | null;
      validTo: string | null;
      parentId: string | null;
    };
  const documentCodes = async (agencyId: string) =>
    (
      await ctx.sql<{ code: string }>(`SELECT code FROM document WHERE agency_id = $1 ORDER BY code`, [
        agencyId,
      ])
    ).map((r) => r.code);

  beforeAll(async () => {
    ctx = await createTestContext();
    const province = await ctx.newAgency({ name: 'Ủy ban nhân dân tỉnh Quảng Ngãi', level: 'province' });
    district = (
      await ctx.newAgency({ name: 'Ủy ban nhân dân huyện Đăk Hà', level: 'district', parentId: province.id })
    ).id;
    await ctx.sql(`UPDATE agency SET valid_from = '2020-01-01' WHERE id IN ($1, $2)`, [
      province.id,
      district,
    ]);
    for (const [name, code] of [
      ['Ủy ban nhân dân xã Hà Mòn', 'QT-01'],
      ['Ủy ban nhân dân xã Ngọc Réo', 'QT-01'],
      ['Ủy ban nhân dân thị trấn Đăk Hà', 'QT-02'],
    ] as const) {
      const id = (await ctx.newAgency({ name, level: 'commune', parentId: district, roadmapYear: 2030 })).id;
      await ctx.sql(`UPDATE agency SET valid_from = '2020-01-01' WHERE id = $1`, [id]);
      const circle = await newDraftingCircle(ctx, id);
      await effectiveDocument(ctx, circle, code, { title: `Quy trình tiếp nhận hồ sơ của ${name}` });
      communes.push({ id, name, circle });
    }
    const created = await apiAs(ctx, ctx.admin).post('/agencies', {
      name: 'Ủy ban nhân dân xã Đăk Hà',
      level: 'commune',
      parentId: district,
      roadmapYear: 2030,
      validFrom: '2025-07-01',
    });
    expect(created.status).toBe(201);
    merged = created.body.id;
  });
  afterAll(() => ctx?.close());

  const body = (extra: object = {}) => ({
    kind: 'merge',
    from: communes.map((c) => c.id),
    to: merged,
    effectiveDate: '2025-07-01',
    ...extra,
  });

  it('previews what would move and the clashing codes, changing nothing', async () => {
    const res = await apiAs(ctx, ctx.admin).post('/agencies/restructure/preview', body());
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      preview: true,
      kind: 'merge',
      to: { id: merged, name: 'Ủy ban nhân dân xã Đăk Hà' },
      conflicts: [
        {
          domain: 'documents',
          table: 'document',
          reason: 'code_taken',
          key: 'QT-01',
          fromAgencyId: communes[1].id,
        },
      ],
    });
    const first = res.body.transfers.find((t: { agencyId: string }) => t.agencyId === communes[0].id);
    expect(first.report.documents.moved).toEqual({ document: 1, document_version: 1 });
    expect(first.report.identity.moved).toEqual({ app_user: 4 });
    // Nothing changed.
    expect((await agency(communes[0].id)).status).toBe('active');
    expect(await documentCodes(communes[0].id)).toEqual(['QT-01']);
    expect(await documentCodes(merged)).toEqual([]);
  });

  it('refuses the merge while two codes clash, listing them, and changes nothing', async () => {
    const res = await apiAs(ctx, ctx.admin).post('/agencies/restructure', body());
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('AGENCY_TRANSFER_CONFLICTS');
    expect(res.body.message).toMatch(/mã trùng/);
    expect(res.body.details.conflicts).toEqual([
      expect.objectContaining({ key: 'QT-01', fromAgencyId: communes[1].id }),
    ]);
    for (const c of communes) expect((await agency(c.id)).status).toBe('active');
    expect(await documentCodes(merged)).toEqual([]);
  });

  it('refuses bad requests with a Vietnamese message, and anyone but the admin', async () => {
    const cases: [object, number, string][] = [
      [{ ...body(), to: communes[0].id }, 422, 'AGENCY_RESTRUCTURE_INVALID'],
      [{ ...body(), from: [communes[0].id, communes[0].id] }, 422, 'AGENCY_RESTRUCTURE_INVALID'],
      [{ ...body(), to: undefined }, 422, 'AGENCY_RESTRUCTURE_INVALID'],
      [{ ...body(), kind: 'rename', newName: 'Xã mới' }, 422, 'AGENCY_RESTRUCTURE_INVALID'],
      [{ ...body(), kind: 'gop' }, 400, 'VALIDATION_FAILED'],
      [{ ...body(), from: [] }, 400, 'VALIDATION_FAILED'],
      [{ ...body(), effectiveDate: '2025-02-30' }, 400, 'VALIDATION_FAILED'],
      [{ ...body(), codePrefix: "x'; DROP" }, 400, 'VALIDATION_FAILED'],
      [{ ...body(), to: '5b0c8e5e-0000-4000-8000-000000000000' }, 404, 'AGENCY_NOT_FOUND'],
      [{ ...body(), effectiveDate: '2019-12-31' }, 422, 'AGENCY_RESTRUCTURE_INVALID'],
    ];
    for (const [request, status, code] of cases) {
      const res = await apiAs(ctx, ctx.admin).post('/agencies/restructure', request);
      expect({ request, status: res.status, code: res.body.code }).toEqual({ request, status, code });
      expect(typeof res.body.message).toBe('string');
    }
    const secretary = communes[0].circle.secretary;
    expect((await apiAs(ctx, secretary).post('/agencies/restructure', body())).status).toBe(403);
    expect((await apiAs(ctx, secretary).post('/agencies/restructure/preview', body())).status).toBe(403);
  });

  it('merges the three communes with a code prefix: everything moves, history stays', async () => {
    const res = await apiAs(ctx, ctx.admin).post('/agencies/restructure', body({ codePrefix: 'NR-' }));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ preview: false, conflicts: [], childrenMoved: 0 });
    const second = res.body.transfers.find((t: { agencyId: string }) => t.agencyId === communes[1].id);
    expect(second.report.documents.renamed).toEqual({ document: 1 });

    expect(await documentCodes(merged)).toEqual(['NR-QT-01', 'QT-01', 'QT-02']);
    for (const c of communes) {
      expect(await agency(c.id)).toMatchObject({
        name: c.name,
        status: 'merged',
        successorId: merged,
        validTo: '2025-06-30',
      });
      expect(await documentCodes(c.id)).toEqual([]);
      // The commune's people now work in the merged commune, and see its documents.
      const me = await apiAs(ctx, c.circle.secretary).get('/me');
      expect(me.body.agencyId).toBe(merged);
      const events = await ctx.sql<{ action: string; after: { successorName: string } }>(
        `SELECT action, after FROM audit_event WHERE entity_type = 'agency' AND entity_id = $1 ORDER BY occurred_at`,
        [c.id],
      );
      expect(events.at(-1)).toMatchObject({
        action: 'agency.restructured',
        after: { successorName: 'Ủy ban nhân dân xã Đăk Hà' },
      });
    }
    const inForce = await apiAs(ctx, communes[2].circle.secretary).get('/documents?pageSize=100');
    expect(inForce.body.items.map((d: { code: string }) => d.code).sort()).toEqual([
      'NR-QT-01',
      'QT-01',
      'QT-02',
    ]);
    // The trail of what happened before the merger keeps the old agency on each event.
    const before = await ctx.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_event WHERE agency_id = $1 AND action LIKE 'document%'`,
      [communes[0].id],
    );
    expect(before[0].n).toBeGreaterThan(0);
    // A merged agency cannot merge again.
    const again = await apiAs(ctx, ctx.admin).post('/agencies/restructure', body({ codePrefix: 'NR-' }));
    expect({ status: again.status, code: again.body.code }).toEqual({
      status: 422,
      code: 'AGENCY_RESTRUCTURE_INVALID',
    });
  });

  it('dissolves a district, its communes hanging under the province, and renames an agency', async () => {
    const province = (await agency(district)).parentId!;
    const dissolved = await apiAs(ctx, ctx.admin).post('/agencies/restructure', {
      kind: 'dissolve',
      from: [district],
      to: province,
      effectiveDate: '2025-07-01',
    });
    expect([dissolved.status, dissolved.body.message]).toEqual([200, undefined]);
    expect(dissolved.body.childrenMoved).toBe(4);
    expect(await agency(district)).toMatchObject({ status: 'dissolved', successorId: province });
    expect((await agency(merged)).parentId).toBe(province);

    const renamed = await apiAs(ctx, ctx.admin).post('/agencies/restructure', {
      kind: 'rename',
      from: [merged],
      newName: 'Ủy ban nhân dân xã Đăk Hà (mới)',
      effectiveDate: '2025-08-01',
    });
    expect(renamed.status).toBe(200);
    const successor = renamed.body.to.id as string;
    expect(await agency(successor)).toMatchObject({
      name: 'Ủy ban nhân dân xã Đăk Hà (mới)',
      status: 'active',
    });
    expect(await agency(merged)).toMatchObject({
      status: 'merged',
      successorId: successor,
      validTo: '2025-07-31',
    });
    expect(await documentCodes(successor)).toEqual(['NR-QT-01', 'QT-01', 'QT-02']);
  });
});

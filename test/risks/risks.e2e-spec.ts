import { Workbook } from 'exceljs';
import { Role, todayInVietnam } from '@eiso/common';
import { placeDateLine } from '@eiso/pdf';
import { extractPdfText } from '@eiso/pdf/testing';
import { RiskDirectory } from '@eiso/risks';
import { FixedClock } from '../support/fixed-clock';
import { race } from '../support/races';
import { apiAs } from '../support/api-as';
import { createTestContext, TestContext, TestUser } from '../support/test-app';

interface Risk {
  id: string;
  code: string;
  version: number;
  [key: string]: unknown;
}

/**
 * The register of risks and opportunities through the API: recording, editing, re-assessing,
 * closing and reopening with their refusals (role, another agency, bad input, If-Match), the
 * history, the heat map, the list's filters, parallel codes, the register as JSON, XLSX and PDF,
 * and RiskDirectory.summaryIn over past windows rebuilt from the history rows.
 */
describe('risks', () => {
  // 09:00 on 15/06/2026 in Vietnam.
  const clock = new FixedClock(new Date('2026-06-15T02:00:00Z'));
  let ctx: TestContext;
  let agencyId: string;
  let agencyB: string;
  let oneStop: string;
  let adminUnit: string;
  let closedUnit: string;
  let unitB: string;
  let head: TestUser;
  let otherHead: TestUser;
  let secretary: TestUser;
  let auditor: TestUser;
  let staff: TestUser;
  let deputy: TestUser;
  let clerk: TestUser;
  let secretaryB: TestUser;
  let sysAdmin: TestUser;
  let overseer: TestUser;

  const expectError = (res: { status: number; body: { code?: string } }, status: number, code: string) =>
    expect({ status: res.status, code: res.body.code }).toEqual({ status, code });

  const riskBody = (extra: object = {}) => ({
    kind: 'risk',
    context: 'internal_issue',
    contextNote: 'Bộ phận Một cửa thiếu nhân sự',
    description: 'Hồ sơ thủ tục hành chính trả kết quả trễ hạn',
    likelihood: 3,
    impact: 4,
    treatment: 'Bố trí thêm cán bộ tiếp nhận vào ngày cao điểm',
    ownerOrgUnitId: oneStop,
    reviewDate: '2026-09-30',
    ...extra,
  });

  const create = async (user: TestUser, body: object): Promise<Risk> => {
    const res = await apiAs(ctx, user).post('/risks', body);
    expect({ status: res.status, body: res.body as unknown }).toMatchObject({ status: 201 });
    expect(res.headers.etag).toBe(`"${res.body.version}"`);
    return res.body as Risk;
  };
  const notices = async (user: TestUser, kind: string) =>
    (
      (await apiAs(ctx, user).get('/notifications?pageSize=100')).body.items as Record<string, unknown>[]
    ).filter((n) => n.kind === kind);
  const countRows = async () =>
    (
      await ctx.sql<{ n: number }>(
        `SELECT (SELECT count(*) FROM risk)::int + (SELECT count(*) FROM risk_assessment)::int
              + (SELECT count(*) FROM risk_state_change)::int AS n`,
      )
    )[0].n;

  beforeAll(async () => {
    ctx = await createTestContext({}, { clock });
    const province = await ctx.newAgency({
      name: 'Ủy ban nhân dân tỉnh Kon Tum',
      level: 'province',
      place: 'Kon Tum',
    });
    agencyId = (
      await ctx.newAgency({
        name: 'Sở Tư pháp',
        parentId: province.id,
        abbreviation: 'STP',
        place: 'Kon Tum',
      })
    ).id;
    agencyB = (await ctx.newAgency({ name: 'Sở Y tế' })).id;
    oneStop = (await ctx.newOrgUnit(agencyId, 'Bộ phận Một cửa')).id;
    adminUnit = (await ctx.newOrgUnit(agencyId, 'Phòng Hành chính')).id;
    closedUnit = (await ctx.newOrgUnit(agencyId, 'Phòng đã giải thể')).id;
    await ctx.sql('UPDATE org_unit SET active = false WHERE id = $1', [closedUnit]);
    unitB = (await ctx.newOrgUnit(agencyB, 'Văn phòng Sở')).id;
    head = await ctx.newUser({
      roles: [Role.Reviewer],
      agencyId,
      orgUnitId: oneStop,
      fullName: 'Trần Văn Trưởng',
    });
    otherHead = await ctx.newUser({
      roles: [Role.Reviewer],
      agencyId,
      orgUnitId: adminUnit,
      fullName: 'Đỗ Thị Hành',
    });
    secretary = await ctx.newUser({ roles: [Role.IsoSecretary], agencyId, fullName: 'Lê Thị Thư' });
    auditor = await ctx.newUser({ roles: [Role.Auditor], agencyId });
    deputy = await ctx.newUser({
      roles: [Role.Reviewer],
      agencyId,
      orgUnitId: oneStop,
      fullName: 'Nguyễn Thị Hoa',
    });
    staff = await ctx.newUser({ roles: [Role.Staff], agencyId, orgUnitId: oneStop });
    clerk = await ctx.newUser({
      roles: [Role.Staff],
      agencyId,
      orgUnitId: adminUnit,
      fullName: 'Phan Văn Cư',
    });
    secretaryB = await ctx.newUser({ roles: [Role.IsoSecretary], agencyId: agencyB });
    sysAdmin = await ctx.newUser({ roles: [Role.Admin] });
    overseer = await ctx.newUser({ roles: [Role.Overseer], agencyId });
  });
  afterAll(() => ctx.close());

  describe('recording, editing, re-assessing, closing, reopening', () => {
    let r1: Risk;

    it('a unit head records a risk L3 × I4 = 12 "Cao" with its first assessment; its owner hears of it', async () => {
      r1 = await create(head, riskBody({ ownerUserId: deputy.id }));
      expect(r1).toMatchObject({
        code: 'RR-001',
        kind: 'risk',
        kindLabel: 'Rủi ro',
        serial: 1,
        context: 'internal_issue',
        contextLabel: 'Vấn đề nội bộ',
        contextNote: 'Bộ phận Một cửa thiếu nhân sự',
        ownerOrgUnitId: oneStop,
        ownerOrgUnitName: 'Bộ phận Một cửa',
        ownerUserId: deputy.id,
        ownerUserName: 'Nguyễn Thị Hoa',
        likelihood: 3,
        impact: 4,
        score: 12,
        level: 'high',
        levelLabel: 'Cao',
        reviewDate: '2026-09-30',
        reviewOverdue: false,
        state: 'open',
        stateLabel: 'Đang theo dõi',
        createdBy: head.id,
        version: 1,
        stateChanges: [],
      });
      expect(r1.assessments).toEqual([
        expect.objectContaining({
          position: 1,
          initial: true,
          likelihood: 3,
          impact: 4,
          score: 12,
          level: 'high',
          note: null,
          assessedBy: head.id,
          assessedByName: 'Trần Văn Trưởng',
          assessedAt: '2026-06-15T02:00:00.000Z',
        }),
      ]);
      const got = await apiAs(ctx, auditor).get(`/risks/${r1.id}`);
      expect(got.status).toBe(200);
      expect(got.headers.etag).toBe('"1"');
      expect(got.body).toEqual(r1);

      const [notice] = await notices(deputy, 'risk.assigned');
      expect(notice).toMatchObject({
        entityId: r1.id,
        link: `/risks/${r1.id}`,
        title: 'Giao phụ trách rủi ro RR-001: Hồ sơ thủ tục hành chính trả kết quả trễ hạn',
        body:
          'Bạn (Bộ phận Một cửa) được giao phụ trách rủi ro RR-001: Hồ sơ thủ tục hành chính trả kết quả trễ hạn. ' +
          'Mức hiện tại: cao (điểm 12). Ngày xem xét lại: 30/09/2026.',
      });
      // The head who recorded it is not told of their own act.
      expect(await notices(head, 'risk.assigned')).toEqual([]);
    });

    it('an opportunity is CH-001; without an owner user the unit heads hear of it', async () => {
      const opp = await create(
        secretary,
        riskBody({
          kind: 'opportunity',
          context: 'interested_party',
          contextNote: 'Người dân',
          description: 'Người dân ưa chuộng nộp hồ sơ trực tuyến',
          likelihood: 4,
          impact: 2,
          treatment: 'Mở rộng dịch vụ công trực tuyến toàn trình',
          ownerOrgUnitId: adminUnit,
        }),
      );
      expect(opp).toMatchObject({
        code: 'CH-001',
        kindLabel: 'Cơ hội',
        score: 8,
        level: 'medium',
        levelLabel: 'Trung bình',
      });
      expect((await notices(otherHead, 'risk.assigned')).map((n) => n.entityId)).toEqual([opp.id]);
      expect(await notices(clerk, 'risk.assigned')).toEqual([]);
    });

    it('refuses by role: staff cannot record, an auditor reads but cannot write, admin and overseer get 403', async () => {
      expectError(await apiAs(ctx, staff).post('/risks', riskBody()), 403, 'FORBIDDEN');
      expectError(await apiAs(ctx, staff).get('/risks'), 403, 'FORBIDDEN');
      expect((await apiAs(ctx, auditor).get('/risks')).status).toBe(200);
      expectError(await apiAs(ctx, auditor).post('/risks', riskBody()), 403, 'FORBIDDEN');
      expectError(
        await apiAs(ctx, auditor).post(`/risks/${r1.id}/close`, { reason: 'Không còn' }),
        403,
        'FORBIDDEN',
      );
      for (const user of [sysAdmin, overseer]) {
        expectError(await apiAs(ctx, user).get('/risks'), 403, 'FORBIDDEN');
        expectError(await apiAs(ctx, user).get(`/risks/${r1.id}`), 403, 'FORBIDDEN');
        expectError(await apiAs(ctx, user).post('/risks', riskBody()), 403, 'FORBIDDEN');
      }
    });

    it('refuses bad input with 4xx and writes nothing', async () => {
      const before = await countRows();
      for (const bad of [
        { likelihood: 0 },
        { likelihood: 6 },
        { likelihood: 2.5 },
        { impact: 0 },
        { impact: 6 },
        { impact: '3' },
        { kind: 'threat' },
        { context: 'other' },
        { description: '  ' },
        { description: 'x'.repeat(2001) },
        { treatment: '' },
        { ownerOrgUnitId: 'not-a-uuid' },
        { reviewDate: '2026-02-30' },
        { reviewDate: '30/09/2026' },
        { score: 25 },
      ]) {
        const res = await apiAs(ctx, head).post('/risks', riskBody(bad));
        expect({ bad, status: res.status, code: res.body.code }).toEqual({
          bad,
          status: 400,
          code: 'VALIDATION_FAILED',
        });
      }
      expectError(
        await apiAs(ctx, head).post('/risks', riskBody({ reviewDate: '2026-06-14' })),
        422,
        'RISK_REVIEW_DATE_IN_PAST',
      );
      expectError(
        await apiAs(ctx, secretary).post('/risks', riskBody({ ownerOrgUnitId: unitB })),
        422,
        'RISK_ORG_UNIT_INVALID',
      );
      expectError(
        await apiAs(ctx, secretary).post('/risks', riskBody({ ownerOrgUnitId: closedUnit })),
        422,
        'RISK_ORG_UNIT_INVALID',
      );
      // A member of another unit cannot own it, nor a member of the unit who does not manage risks.
      expectError(
        await apiAs(ctx, head).post('/risks', riskBody({ ownerUserId: staff.id })),
        422,
        'RISK_OWNER_USER_INVALID',
      );
      expectError(
        await apiAs(ctx, head).post('/risks', riskBody({ ownerUserId: clerk.id })),
        422,
        'RISK_OWNER_USER_INVALID',
      );
      expectError(
        await apiAs(ctx, head).post('/risks', riskBody({ ownerUserId: secretaryB.id })),
        422,
        'RISK_OWNER_USER_INVALID',
      );
      expect(await countRows()).toBe(before);
      expectError(await apiAs(ctx, head).get('/risks/not-a-uuid'), 400, 'VALIDATION_FAILED');
      expectError(await apiAs(ctx, head).get('/risks?likelihood=6'), 400, 'VALIDATION_FAILED');
      expectError(await apiAs(ctx, head).get('/risks?reviewDue=yes'), 400, 'VALIDATION_FAILED');
      expectError(await apiAs(ctx, head).get('/risks/heat-map?kind=threat'), 400, 'VALIDATION_FAILED');
    });

    it("answers another agency's risk 404 on every route", async () => {
      const b = apiAs(ctx, secretaryB);
      expectError(await b.get(`/risks/${r1.id}`), 404, 'RISK_NOT_FOUND');
      expectError(
        await b.patch(`/risks/${r1.id}`, { description: 'Của Sở Y tế' }, '"1"'),
        404,
        'RISK_NOT_FOUND',
      );
      expectError(
        await b.post(`/risks/${r1.id}/assessments`, { likelihood: 1, impact: 1, note: 'Thử đánh giá' }),
        404,
        'RISK_NOT_FOUND',
      );
      expectError(await b.post(`/risks/${r1.id}/close`, { reason: 'Thử đóng' }), 404, 'RISK_NOT_FOUND');
      expectError(await b.post(`/risks/${r1.id}/reopen`, { reason: 'Thử mở' }), 404, 'RISK_NOT_FOUND');
      expect((await b.get('/risks')).body.total).toBe(0);
    });

    it('a unit head manages only the risks of their own unit; the head and the secretary any unit', async () => {
      const path = `/risks/${r1.id}`;
      const refused = (res: { status: number; body: { code?: string } }) =>
        expectError(res, 403, 'RISK_NOT_OWNER_UNIT');
      const before = await countRows();
      refused(await apiAs(ctx, otherHead).patch(path, { description: 'Của phòng khác' }, '"1"'));
      refused(
        await apiAs(ctx, otherHead).post(`${path}/assessments`, { likelihood: 1, impact: 1, note: 'Thử' }),
      );
      refused(await apiAs(ctx, otherHead).post(`${path}/close`, { reason: 'Không thuộc phòng tôi' }));
      refused(await apiAs(ctx, head).post('/risks', riskBody({ ownerOrgUnitId: adminUnit })));
      // Nor hand their own risk to another unit: only the agency's managers move it.
      refused(await apiAs(ctx, head).patch(path, { ownerOrgUnitId: adminUnit }, '"1"'));
      expect(await countRows()).toBe(before);
      expect((await apiAs(ctx, otherHead).get(path)).body).toMatchObject({
        ownerOrgUnitId: oneStop,
        version: 1,
      });
    });

    it('PATCH edits the text, owner and review date with If-Match (428 without, 412 stale), never the scores', async () => {
      const path = `/risks/${r1.id}`;
      expectError(await apiAs(ctx, head).patch(path, { description: 'Mới' }), 428, 'PRECONDITION_REQUIRED');
      expectError(
        await apiAs(ctx, head).patch(path, { description: 'Mô tả mới' }, '"7"'),
        412,
        'PRECONDITION_FAILED',
      );
      expectError(await apiAs(ctx, head).patch(path, { likelihood: 1 }, '"1"'), 400, 'VALIDATION_FAILED');
      expectError(
        await apiAs(ctx, head).patch(path, { ownerUserId: clerk.id }, '"1"'),
        422,
        'RISK_OWNER_USER_INVALID',
      );
      const edited = await apiAs(ctx, head).patch(
        path,
        {
          description: 'Hồ sơ TTHC trả kết quả trễ hạn vào cuối năm',
          context: 'external_issue',
          contextNote: null,
          ownerUserId: deputy.id,
          reviewDate: '2026-08-31',
        },
        '"1"',
      );
      expect(edited.status).toBe(200);
      expect(edited.headers.etag).toBe('"2"');
      expect(edited.body).toMatchObject({
        description: 'Hồ sơ TTHC trả kết quả trễ hạn vào cuối năm',
        context: 'external_issue',
        contextLabel: 'Vấn đề bên ngoài',
        contextNote: null,
        ownerOrgUnitId: oneStop,
        ownerUserId: deputy.id,
        ownerUserName: 'Nguyễn Thị Hoa',
        score: 12,
        reviewDate: '2026-08-31',
        version: 2,
      });
      expect((await notices(deputy, 'risk.assigned')).map((n) => n.entityId)).toContain(r1.id);
      expect(await notices(clerk, 'risk.assigned')).toEqual([]);
      // Nothing changed: same version.
      const same = await apiAs(ctx, head).patch(path, { reviewDate: '2026-08-31' }, '"2"');
      expect(same.body.version).toBe(2);
    });

    it('re-assessment to L2 × I2 = 4 "Thấp" becomes the current values and a history row (If-Match optional)', async () => {
      const path = `/risks/${r1.id}/assessments`;
      expectError(
        await apiAs(ctx, head).post(path, { likelihood: 6, impact: 2, note: 'Sai' }),
        400,
        'VALIDATION_FAILED',
      );
      expectError(await apiAs(ctx, head).post(path, { likelihood: 2, impact: 2 }), 400, 'VALIDATION_FAILED');
      expectError(
        await apiAs(ctx, head).post(path, {
          likelihood: 2,
          impact: 2,
          note: 'Quá khứ',
          reviewDate: '2026-01-01',
        }),
        422,
        'RISK_REVIEW_DATE_IN_PAST',
      );
      const stale = await ctx
        .http()
        .post(`/api/v1${path}`)
        .set('Authorization', head.auth)
        .set('If-Match', '"1"')
        .send({ likelihood: 2, impact: 2, note: 'Bản cũ' });
      expectError(stale, 412, 'PRECONDITION_FAILED');
      clock.set('2026-06-16T03:00:00Z');
      const res = await ctx
        .http()
        .post(`/api/v1${path}`)
        .set('Authorization', head.auth)
        .set('If-Match', '"2"')
        .send({
          likelihood: 2,
          impact: 2,
          note: 'Đã bố trí thêm cán bộ',
          treatment: 'Duy trì lịch trực cao điểm',
        });
      expect(res.status).toBe(201);
      expect(res.headers.etag).toBe('"3"');
      expect(res.body).toMatchObject({
        likelihood: 2,
        impact: 2,
        score: 4,
        level: 'low',
        levelLabel: 'Thấp',
        treatment: 'Duy trì lịch trực cao điểm',
        reviewDate: '2026-08-31',
        version: 3,
      });
      expect(
        (res.body.assessments as Record<string, unknown>[]).map((a) => [
          a.position,
          a.score,
          a.levelLabel,
          a.note,
        ]),
      ).toEqual([
        [1, 12, 'Cao', null],
        [2, 4, 'Thấp', 'Đã bố trí thêm cán bộ'],
      ]);
      // Without If-Match it goes through too.
      const again = await apiAs(ctx, head).post(path, { likelihood: 3, impact: 3, note: 'Mùa cao điểm' });
      expect(again.body).toMatchObject({ score: 9, level: 'medium', version: 4 });
      expect(again.body.assessments).toHaveLength(3);
      clock.set('2026-06-15T02:00:00Z');
    });

    it('closes with a reason and reopens; a closed risk refuses edits and re-assessments (409)', async () => {
      const path = `/risks/${r1.id}`;
      expectError(await apiAs(ctx, head).post(`${path}/close`, {}), 400, 'VALIDATION_FAILED');
      expectError(
        await apiAs(ctx, head).post(`${path}/reopen`, { reason: 'Chưa đóng' }),
        409,
        'RISK_NOT_CLOSED',
      );
      const closed = await apiAs(ctx, head).post(`${path}/close`, { reason: 'Biện pháp đã có hiệu quả' });
      expect(closed.status).toBe(200);
      expect(closed.body).toMatchObject({
        state: 'closed',
        stateLabel: 'Đã đóng',
        closeReason: 'Biện pháp đã có hiệu quả',
        closedBy: head.id,
        closedAt: '2026-06-15T02:00:00.000Z',
        version: 5,
      });
      expectError(await apiAs(ctx, head).post(`${path}/close`, { reason: 'Lần nữa' }), 409, 'RISK_CLOSED');
      expectError(
        await apiAs(ctx, head).post(`${path}/assessments`, {
          likelihood: 1,
          impact: 1,
          note: 'Sau khi đóng',
        }),
        409,
        'RISK_CLOSED',
      );
      expectError(
        await apiAs(ctx, head).patch(path, { description: 'Sửa sau khi đóng' }, '"5"'),
        409,
        'RISK_CLOSED',
      );
      const stale = await ctx
        .http()
        .post(`/api/v1${path}/reopen`)
        .set('Authorization', head.auth)
        .set('If-Match', '"4"')
        .send({ reason: 'Mở lại' });
      expectError(stale, 412, 'PRECONDITION_FAILED');
      const reopened = await apiAs(ctx, secretary).post(`${path}/reopen`, {
        reason: 'Rủi ro xuất hiện trở lại',
      });
      expect(reopened.status).toBe(200);
      expect(reopened.body).toMatchObject({ state: 'open', closeReason: null, closedAt: null, version: 6 });
      expect(
        (reopened.body.stateChanges as Record<string, unknown>[]).map((c) => [
          c.toState,
          c.toStateLabel,
          c.reason,
          c.changedByName,
        ]),
      ).toEqual([
        ['closed', 'Đã đóng', 'Biện pháp đã có hiệu quả', 'Trần Văn Trưởng'],
        ['open', 'Đang theo dõi', 'Rủi ro xuất hiện trở lại', 'Lê Thị Thư'],
      ]);

      const trail = await apiAs(ctx, secretary).get(
        `/audit-events?entityType=risk&entityId=${r1.id}&pageSize=100`,
      );
      expect(trail.status).toBe(200);
      const events = (trail.body.items as { action: string; actionLabel: string; subjectName: string }[]).map(
        (e) => [e.action, e.actionLabel],
      );
      expect(events.sort()).toEqual(
        [
          ['risk.assessed', 'Đánh giá lại rủi ro hoặc cơ hội'],
          ['risk.assessed', 'Đánh giá lại rủi ro hoặc cơ hội'],
          ['risk.closed', 'Đóng rủi ro hoặc cơ hội'],
          ['risk.created', 'Ghi nhận rủi ro hoặc cơ hội'],
          ['risk.reopened', 'Mở lại rủi ro hoặc cơ hội'],
          ['risk.updated', 'Sửa rủi ro hoặc cơ hội'],
        ].sort(),
      );
      expect((trail.body.items as { subjectName: string }[])[0].subjectName).toBe(
        'Rủi ro RR-001 — Hồ sơ TTHC trả kết quả trễ hạn vào cuối năm',
      );
    });
  });

  describe('heat map, filters, codes and the register', () => {
    const ids: Record<string, string> = {};
    let builder: TestUser;
    const hm = () => builder;

    beforeAll(async () => {
      // A separate agency keeps the counts exact.
      const agency = (await ctx.newAgency({ name: 'Sở Xây dựng', place: 'Kon Tum' })).id;
      const unit = (await ctx.newOrgUnit(agency, 'Phòng Quản lý nhà')).id;
      const unit2 = (await ctx.newOrgUnit(agency, 'Thanh tra Sở')).id;
      const sec = await ctx.newUser({ roles: [Role.IsoSecretary], agencyId: agency, fullName: 'Võ Thư Ký' });
      Object.assign(ids, { agency, unit, unit2 });
      builder = sec;
      const add = async (key: string, extra: object) =>
        (ids[key] = (await create(sec, riskBody({ ownerOrgUnitId: unit, ...extra }))).id);
      await add('a', { likelihood: 3, impact: 4, description: 'Chậm cấp giấy phép xây dựng' });
      await add('b', { likelihood: 3, impact: 4, description: 'Thiếu hồ sơ lưu trữ công trình' });
      await add('c', { likelihood: 1, impact: 1, description: 'Mất điện máy chủ', reviewDate: '2026-06-15' });
      await add('d', {
        kind: 'opportunity',
        context: 'external_issue',
        likelihood: 3,
        impact: 4,
        description: 'Ứng dụng bản đồ số quy hoạch',
        ownerOrgUnitId: unit2,
      });
      await add('e', { likelihood: 5, impact: 5, description: 'Sai sót trong thẩm định thiết kế' });
      expect((await apiAs(ctx, sec).post(`/risks/${ids.e}/close`, { reason: 'Đã xử lý xong' })).status).toBe(
        200,
      );
    });

    it('counts open items by likelihood × impact in 25 cells, by kind', async () => {
      const all = await apiAs(ctx, hm()).get('/risks/heat-map');
      expect(all.status).toBe(200);
      expect(all.body.kind).toBeNull();
      expect(all.body.total).toBe(4);
      const cells = all.body.cells as {
        likelihood: number;
        impact: number;
        count: number;
        level: string;
        levelLabel: string;
      }[];
      expect(cells).toHaveLength(25);
      expect(cells.slice(0, 5).map((c) => [c.likelihood, c.impact])).toEqual([
        [1, 5],
        [2, 5],
        [3, 5],
        [4, 5],
        [5, 5],
      ]);
      const at = (l: number, i: number) => cells.find((c) => c.likelihood === l && c.impact === i)!;
      expect(at(3, 4)).toMatchObject({ count: 3, score: 12, level: 'high', levelLabel: 'Cao' });
      expect(at(1, 1)).toMatchObject({ count: 1, level: 'low', levelLabel: 'Thấp' });
      // The closed one is not counted.
      expect(at(5, 5)).toMatchObject({ count: 0, level: 'high' });
      expect(cells.reduce((n, c) => n + c.count, 0)).toBe(4);
      const risks = await apiAs(ctx, hm()).get('/risks/heat-map?kind=risk');
      expect(risks.body).toMatchObject({ kind: 'risk', total: 3 });
      const opps = await apiAs(ctx, hm()).get('/risks/heat-map?kind=opportunity');
      expect(opps.body.total).toBe(1);
    });

    it('filters the list by kind, level, state, context, unit, cell, review due and accent-free text', async () => {
      const codes = async (query: string) => {
        const res = await apiAs(ctx, hm()).get(`/risks?pageSize=50&sort=code:asc&${query}`);
        expect(res.status).toBe(200);
        return (res.body.items as Risk[]).map((r) => r.code);
      };
      expect(await codes('')).toEqual(['CH-001', 'RR-001', 'RR-002', 'RR-003', 'RR-004']);
      expect(await codes('kind=opportunity')).toEqual(['CH-001']);
      expect(await codes('level=high')).toEqual(['CH-001', 'RR-001', 'RR-002', 'RR-004']);
      expect(await codes('level=high&state=open')).toEqual(['CH-001', 'RR-001', 'RR-002']);
      expect(await codes('state=closed')).toEqual(['RR-004']);
      expect(await codes('context=external_issue')).toEqual(['CH-001']);
      expect(await codes(`ownerOrgUnitId=${ids.unit2}`)).toEqual(['CH-001']);
      expect(await codes('likelihood=3&impact=4')).toEqual(['CH-001', 'RR-001', 'RR-002']);
      expect(await codes('reviewDue=true')).toEqual(['RR-003']);
      expect(await codes('reviewDue=false')).toEqual(['CH-001', 'RR-001', 'RR-002', 'RR-003', 'RR-004']);
      expect(await codes('q=giay phep')).toEqual(['RR-001']);
      expect(await codes('q=BẢN ĐỒ')).toEqual(['CH-001']);
      expect(await codes('q=rr-002')).toEqual(['RR-002']);
      expect(await codes('q=100%25')).toEqual([]);
      const page = await apiAs(ctx, hm()).get('/risks?pageSize=2&page=2&sort=score:desc');
      expect(page.body).toMatchObject({ total: 5, page: 2, pageSize: 2 });
      expect((page.body.items as Risk[]).map((r) => r.score)).toEqual([12, 12]);
      const overdue = (await apiAs(ctx, hm()).get(`/risks/${ids.c}`)).body;
      expect(overdue).toMatchObject({ reviewOverdue: true });
    });

    it('the register as JSON, XLSX and PDF: official heading, Vietnamese labels', async () => {
      const json = await apiAs(ctx, hm()).get('/risks/register');
      expect(json.status).toBe(200);
      const items = json.body.items as (Risk & { no: number })[];
      expect(items.map((e) => [e.no, e.code])).toEqual([
        [1, 'RR-001'],
        [2, 'RR-002'],
        [3, 'RR-003'],
        [4, 'RR-004'],
        [5, 'CH-001'],
      ]);
      expect(items[4]).toMatchObject({
        kindLabel: 'Cơ hội',
        ownerOrgUnitName: 'Thanh tra Sở',
        levelLabel: 'Cao',
      });
      const open = await apiAs(ctx, hm()).get('/risks/register?state=open&kind=risk');
      expect((open.body.items as Risk[]).map((e) => e.code)).toEqual(['RR-001', 'RR-002', 'RR-003']);

      const xlsx = await apiAs(ctx, hm()).binary('/risks/register?format=xlsx');
      expect(xlsx.status).toBe(200);
      expect(xlsx.headers['content-type']).toContain('spreadsheetml');
      expect(decodeURIComponent(xlsx.headers['content-disposition'])).toContain(
        "filename*=UTF-8''Sổ đăng ký rủi ro và cơ hội ngày 15-06-2026.xlsx",
      );
      const workbook = new Workbook();
      await workbook.xlsx.load(xlsx.body as Parameters<typeof workbook.xlsx.load>[0]);
      const cellsText: string[] = [];
      workbook.worksheets[0].eachRow((row) =>
        row.eachCell((cell) => {
          cellsText.push(cell.text);
        }),
      );
      for (const expected of [
        'SỔ ĐĂNG KÝ RỦI RO VÀ CƠ HỘI',
        'Khả năng xảy ra',
        'Mức độ ảnh hưởng',
        'Biện pháp xử lý',
        'Ngày xem xét lại',
        'RR-004',
        'CH-001',
        'Vấn đề bên ngoài',
        'Chậm cấp giấy phép xây dựng',
      ]) {
        expect(cellsText.some((t) => t.includes(expected))).toBe(true);
      }

      const pdf = await apiAs(ctx, hm()).binary('/risks/register?format=pdf');
      expect(pdf.status).toBe(200);
      expect(pdf.headers['content-type']).toBe('application/pdf');
      const lines = (await extractPdfText(pdf.body as Buffer, { layout: true }))
        .split('\n')
        .map((line) => line.replace(/\s+/g, ' ').trim())
        .filter(Boolean);
      expect(lines.slice(0, 4)).toEqual([
        'SỞ XÂY DỰNG CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
        'Độc lập - Tự do - Hạnh phúc',
        placeDateLine('Kon Tum', todayInVietnam(clock.now())),
        'SỔ ĐĂNG KÝ RỦI RO VÀ CƠ HỘI',
      ]);
      const text = (await extractPdfText(pdf.body as Buffer)).replace(/\s+/g, ' ');
      for (const expected of [
        'Tính đến ngày 15/06/2026 — rủi ro: 4, cơ hội: 1 (đang theo dõi: 4)',
        'RR-001',
        'CH-001',
        'Mô tả rủi ro, cơ hội',
        'Đơn vị, người phụ trách',
        'Trạng thái',
        'Đã đóng',
        'Đang theo dõi',
        'Cao',
        'Thấp',
      ]) {
        expect(text).toContain(expected);
      }
      expectError(await apiAs(ctx, hm()).get('/risks/register?format=doc'), 400, 'VALIDATION_FAILED');
      // Another agency's register has only its own.
      const b = await apiAs(ctx, secretaryB).get('/risks/register');
      expect(b.body.items).toEqual([]);
    });

    it('uq_risk_agency_kind_serial: parallel creations of one agency take distinct, consecutive codes', async () => {
      const responses = await race(8, (i) =>
        apiAs(ctx, hm()).post(
          '/risks',
          riskBody({
            ownerOrgUnitId: ids.unit,
            description: `Song song ${i}`,
            kind: i % 2 ? 'risk' : 'opportunity',
          }),
        ),
      );
      expect(responses.map((r) => r.status)).toEqual(Array(8).fill(201));
      const codes = responses.map((r) => r.body.code as string).sort();
      expect(codes).toEqual(['CH-002', 'CH-003', 'CH-004', 'CH-005', 'RR-005', 'RR-006', 'RR-007', 'RR-008']);
    });
  });

  describe('RiskDirectory.summaryIn', () => {
    let sec: TestUser;
    let agency: string;
    const r: Record<string, string> = {};

    const at = async (instant: string, fn: () => Promise<void>) => {
      clock.set(instant);
      await fn();
      clock.set('2026-06-15T02:00:00Z');
    };

    beforeAll(async () => {
      agency = (await ctx.newAgency({ name: 'Sở Công Thương' })).id;
      const unit = (await ctx.newOrgUnit(agency, 'Phòng Quản lý thương mại')).id;
      sec = await ctx.newUser({ roles: [Role.IsoSecretary], agencyId: agency });
      const api = apiAs(ctx, sec);
      const body = (extra: object) => riskBody({ ownerOrgUnitId: unit, reviewDate: '2026-12-31', ...extra });
      await at('2026-03-01T02:00:00Z', async () => {
        r.r1 = (
          await create(
            sec,
            body({ description: 'Rủi ro một', likelihood: 3, impact: 4, treatment: 'Xử lý một' }),
          )
        ).id;
        r.r2 = (
          await create(
            sec,
            body({ kind: 'opportunity', description: 'Cơ hội một', likelihood: 2, impact: 2 }),
          )
        ).id;
        r.r3 = (await create(sec, body({ description: 'Rủi ro hai', likelihood: 1, impact: 5 }))).id;
      });
      // 00:30 on 01/04 in Vietnam: April's, not March's.
      await at('2026-03-31T17:30:00Z', async () => {
        r.r5 = (await create(sec, body({ description: 'Rủi ro ba', likelihood: 1, impact: 1 }))).id;
      });
      await at('2026-04-10T02:00:00Z', async () => {
        expect(
          (await api.post(`/risks/${r.r1}/assessments`, { likelihood: 2, impact: 2, note: 'Giảm' })).status,
        ).toBe(201);
        expect((await api.post(`/risks/${r.r3}/close`, { reason: 'Hết' })).status).toBe(200);
      });
      await at('2026-05-05T02:00:00Z', async () => {
        expect((await api.post(`/risks/${r.r3}/reopen`, { reason: 'Lại có' })).status).toBe(200);
        r.r4 = (await create(sec, body({ description: 'Rủi ro bốn', likelihood: 5, impact: 5 }))).id;
      });
      await at('2026-05-20T02:00:00Z', async () => {
        expect((await api.post(`/risks/${r.r4}/close`, { reason: 'Xong' })).status).toBe(200);
      });
      expect(
        (await api.post(`/risks/${r.r2}/assessments`, { likelihood: 4, impact: 4, note: 'Tăng' })).status,
      ).toBe(201);
    });

    it('March: three open with their first assessments, one high', async () => {
      const s = await ctx.app.get(RiskDirectory).summaryIn(agency, '2026-03-01', '2026-03-31');
      expect(s).toEqual({
        open: { total: 3, risks: 2, opportunities: 1, byLevel: { low: 1, medium: 1, high: 1 } },
        high: [
          {
            id: r.r1,
            code: 'RR-001',
            kind: 'risk',
            description: 'Rủi ro một',
            score: 12,
            level: 'high',
            ownerOrgUnitName: 'Phòng Quản lý thương mại',
            treatment: 'Xử lý một',
          },
        ],
        raised: 3,
        closed: 0,
        reassessments: [],
      });
    });

    it('April: the re-assessment and the closing count; the item raised at 00:30 on 01/04 is April’s', async () => {
      const s = await ctx.app.get(RiskDirectory).summaryIn(agency, '2026-04-01', '2026-04-30');
      expect(s).toEqual({
        open: { total: 3, risks: 2, opportunities: 1, byLevel: { low: 3, medium: 0, high: 0 } },
        high: [],
        raised: 1,
        closed: 1,
        reassessments: [
          {
            riskId: r.r1,
            code: 'RR-001',
            description: 'Rủi ro một',
            assessedAt: '2026-04-10T02:00:00.000Z',
            fromScore: 12,
            toScore: 4,
            fromLevel: 'high',
            toLevel: 'low',
          },
        ],
      });
    });

    it('March to May: the reopened risk is open again, the closed one is not', async () => {
      const s = await ctx.app.get(RiskDirectory).summaryIn(agency, '2026-03-01', '2026-05-31');
      expect(s).toMatchObject({
        open: { total: 4, risks: 3, opportunities: 1, byLevel: { low: 3, medium: 1, high: 0 } },
        high: [],
        raised: 5,
        closed: 2,
      });
      expect(s.reassessments.map((x) => x.code)).toEqual(['RR-001']);
    });

    it('June: the opportunity re-assessed to 16 is high', async () => {
      const s = await ctx.app.get(RiskDirectory).summaryIn(agency, '2026-06-01', '2026-06-30');
      expect(s.open).toEqual({
        total: 4,
        risks: 3,
        opportunities: 1,
        byLevel: { low: 2, medium: 1, high: 1 },
      });
      expect(s.high.map((h) => [h.code, h.score, h.level])).toEqual([['CH-001', 16, 'high']]);
      expect(s.reassessments.map((x) => [x.code, x.fromScore, x.toScore, x.fromLevel, x.toLevel])).toEqual([
        ['CH-001', 4, 16, 'low', 'high'],
      ]);
      expect([s.raised, s.closed]).toEqual([0, 0]);
    });
  });
});

import { randomUUID } from 'node:crypto';
import { Workbook } from 'exceljs';
import { Actor, Role, todayInVietnam } from '@eiso/common';
import { NonconformityDirectory, NonconformityRaiser } from '@eiso/capa';
import { TransactionRunner } from '@eiso/database';
import { placeDateLine } from '@eiso/pdf';
import { extractPdfText } from '@eiso/pdf/testing';
import { FixedClock } from '../support/fixed-clock';
import { expectOneWinner, race } from '../support/races';
import { apiAs } from '../support/api-as';
import { createTestContext, TestContext, TestUser } from '../support/test-app';

interface Nc {
  id: string;
  number: string;
  [key: string]: unknown;
}

/**
 * Nonconformities from every source but audits through the API, from audit findings through the
 * raiser; refusals with their codes; another agency's answer 404; parallel numbering; the summary's
 * counts against data built for it; the register read back as JSON, XLSX and PDF.
 */
describe('nonconformities', () => {
  // 09:00 on 15/06/2026 in Vietnam.
  const clock = new FixedClock(new Date('2026-06-15T02:00:00Z'));
  let ctx: TestContext;
  let agencyId: string;
  let agencyB: string;
  let oneStop: string;
  let admin: string;
  let closedUnit: string;
  let unitB: string;
  let secretary: TestUser;
  let head: TestUser;
  let otherHead: TestUser;
  let auditor: TestUser;
  let staff: TestUser;
  let owner: TestUser;
  let secretaryB: TestUser;

  const raise = async (user: TestUser, body: object, path = '/nonconformities'): Promise<Nc> => {
    const res = await apiAs(ctx, user).post(path, body);
    expect({ status: res.status, body: res.body as unknown }).toMatchObject({ status: 201 });
    expect(res.headers.etag).toBe(`"${res.body.version}"`);
    return res.body as Nc;
  };
  const self = (title: string, extra: object = {}) => ({
    source: 'self',
    severity: 'minor',
    title,
    description: `${title}: phát hiện khi rà soát.`,
    ...extra,
  });

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
    admin = (await ctx.newOrgUnit(agencyId, 'Phòng Hành chính')).id;
    closedUnit = (await ctx.newOrgUnit(agencyId, 'Phòng đã giải thể')).id;
    await ctx.sql('UPDATE org_unit SET active = false WHERE id = $1', [closedUnit]);
    unitB = (await ctx.newOrgUnit(agencyB, 'Văn phòng Sở')).id;
    secretary = await ctx.newUser({ roles: [Role.IsoSecretary], agencyId, fullName: 'Lê Thị Thư' });
    head = await ctx.newUser({
      roles: [Role.Reviewer],
      agencyId,
      orgUnitId: oneStop,
      fullName: 'Trần Văn Trưởng',
    });
    otherHead = await ctx.newUser({ roles: [Role.Reviewer], agencyId, orgUnitId: admin });
    auditor = await ctx.newUser({ roles: [Role.Auditor], agencyId, fullName: 'Phạm Kiểm Tra' });
    staff = await ctx.newUser({ roles: [Role.Staff], agencyId });
    owner = await ctx.newUser({ roles: [Role.Staff], agencyId, fullName: 'Nguyễn Thị Hoa' });
    secretaryB = await ctx.newUser({ roles: [Role.IsoSecretary], agencyId: agencyB });
  });
  afterAll(() => ctx.close());

  describe('raising from each source', () => {
    it('a complaint, a management review, a self-detected one and a late dossier, numbered in the year', async () => {
      const complaint = await raise(auditor, {
        source: 'complaint',
        severity: 'major',
        title: 'Trả kết quả không đúng hẹn',
        description: 'Công dân phản ánh việc trả kết quả chậm 2 ngày so với giấy hẹn.',
        clause: '8.2.1',
        orgUnitId: oneStop,
        complaintRef: 'PA-12/2026',
        complainant: 'Nguyễn Văn An',
        // Not a complaint's: dropped.
        managementReviewRef: 'BB-01',
      });
      expect(complaint).toMatchObject({
        number: '01/2026',
        year: 2026,
        serial: 1,
        source: 'complaint',
        sourceLabel: 'Phản ánh, kiến nghị',
        severity: 'major',
        severityLabel: 'Nặng',
        clause: '8.2.1',
        clauseEdition: 'TCVN ISO 9001:2015',
        orgUnitId: oneStop,
        detectedOn: '2026-06-15',
        detectedBy: auditor.id,
        complaintRef: 'PA-12/2026',
        complainant: 'Nguyễn Văn An',
        managementReviewRef: null,
        state: 'open',
        stateLabel: 'Đang xử lý',
        correctiveActionId: null,
        correctiveActionState: null,
        overdue: false,
        version: 1,
      });
      const review = await raise(secretary, {
        source: 'management_review',
        severity: 'minor',
        title: 'Chưa đo lường sự hài lòng của người dân',
        description: 'Cuộc họp xem xét của lãnh đạo ghi nhận chưa đo lường sự hài lòng.',
        clause: '9.1.2',
        managementReviewRef: 'BB-XXLĐ-01/2026',
        detectedOn: '2026-06-10',
      });
      expect(review).toMatchObject({
        number: '02/2026',
        managementReviewRef: 'BB-XXLĐ-01/2026',
        orgUnitId: null,
      });
      const found = await raise(head, self('Sổ theo dõi công văn đến ghi thiếu', { orgUnitId: admin }));
      expect(found).toMatchObject({
        number: '03/2026',
        source: 'self',
        sourceLabel: 'Tự phát hiện',
        clause: null,
      });
      const late = await raise(secretary, {
        source: 'late_dossier',
        severity: 'minor',
        title: 'Hồ sơ cấp phiếu lý lịch tư pháp trễ hạn',
        description: 'Trễ 4 ngày.',
        tthcCode: '2.001417',
        dossierNumber: 'LLTP-2026-0007',
        daysLate: 4,
        orgUnitId: oneStop,
      });
      expect(late).toMatchObject({ number: '04/2026', tthcCode: '2.001417', daysLate: 4 });

      const got = await apiAs(ctx, staff).get(`/nonconformities/${complaint.id}`);
      expect(got.status).toBe(200);
      expect(got.headers.etag).toBe('"1"');
      expect(got.body).toEqual(complaint);

      // The unit's head and the ISO secretaries hear of it; the one who raised it does not.
      const notices = async (user: TestUser) =>
        ((await apiAs(ctx, user).get('/notifications?pageSize=100')).body.items as Record<string, unknown>[])
          .filter((n) => n.kind === 'nonconformity.raised')
          .map((n) => n.entityId);
      expect((await notices(head)).sort()).toEqual([complaint.id, late.id].sort());
      expect((await notices(secretary)).sort()).toEqual([complaint.id, found.id].sort());
      expect(await notices(otherHead)).toEqual([found.id]);
      const [notice] = (
        (await apiAs(ctx, head).get('/notifications?pageSize=100')).body.items as Record<string, unknown>[]
      ).filter((n) => n.entityId === complaint.id);
      expect(notice).toMatchObject({
        title: 'Sự không phù hợp mới số 01/2026: Trả kết quả không đúng hẹn',
        body:
          'Ngày 15/06/2026 ghi nhận sự không phù hợp số 01/2026 (nguồn: phản ánh, kiến nghị) tại Bộ phận Một cửa: ' +
          'Trả kết quả không đúng hẹn. Vui lòng lập phiếu yêu cầu hành động khắc phục.',
        link: `/nonconformities/${complaint.id}`,
      });

      const trail = await apiAs(ctx, secretary).get(
        `/audit-events?entityType=nonconformity&entityId=${complaint.id}`,
      );
      expect(trail.status).toBe(200);
      expect(trail.body.items).toEqual([
        expect.objectContaining({
          action: 'nonconformity.raised',
          actionLabel: 'Ghi nhận sự không phù hợp',
          subjectName: 'Sự không phù hợp số 01/2026 — Trả kết quả không đúng hẹn',
        }),
      ]);
    });

    it('a late TTHC dossier in one call: clause 8.7, minor, Vietnamese title; the same dossier twice is 409', async () => {
      const late = await raise(
        secretary,
        { tthcCode: '1.000948', dossierNumber: '000.00.12.H34-260105-0001', daysLate: 3, orgUnitId: oneStop },
        '/nonconformities/late-dossiers',
      );
      expect(late).toMatchObject({
        source: 'late_dossier',
        sourceLabel: 'Hồ sơ TTHC trễ hạn',
        severity: 'minor',
        title: 'Hồ sơ TTHC 000.00.12.H34-260105-0001 (1.000948) giải quyết trễ hạn 3 ngày',
        description:
          'Hồ sơ 000.00.12.H34-260105-0001 của thủ tục hành chính 1.000948 được giải quyết trễ 3 ngày so với ' +
          'thời hạn quy định: đầu ra không phù hợp (điều khoản 8.7 Kiểm soát đầu ra không phù hợp).',
        clause: '8.7',
        clauseEdition: 'TCVN ISO 9001:2015',
        tthcCode: '1.000948',
        dossierNumber: '000.00.12.H34-260105-0001',
        daysLate: 3,
        orgUnitId: oneStop,
        detectedOn: '2026-06-15',
      });
      const titled = await raise(
        secretary,
        { tthcCode: '1.000948', dossierNumber: 'HS-02', daysLate: 1, title: 'Hồ sơ HS-02 trễ một ngày' },
        '/nonconformities/late-dossiers',
      );
      expect(titled).toMatchObject({ title: 'Hồ sơ HS-02 trễ một ngày', clause: '8.7' });

      for (const again of [
        apiAs(ctx, secretary).post('/nonconformities/late-dossiers', {
          tthcCode: '1.000948',
          dossierNumber: '000.00.12.H34-260105-0001',
          daysLate: 5,
        }),
        apiAs(ctx, secretary).post('/nonconformities', {
          source: 'late_dossier',
          severity: 'major',
          title: 'Trùng hồ sơ',
          description: 'Trùng hồ sơ đã ghi nhận.',
          tthcCode: '1.000948',
          dossierNumber: '000.00.12.H34-260105-0001',
          daysLate: 5,
        }),
      ]) {
        const res = await again;
        expect(res.status).toBe(409);
        expect(res.body).toMatchObject({
          code: 'NONCONFORMITY_LATE_DOSSIER_EXISTS',
          message: `Hồ sơ TTHC 000.00.12.H34-260105-0001 đã được ghi nhận là sự không phù hợp số ${late.number}.`,
        });
      }
      // Another agency's dossier of the same number is its own.
      const inB = await apiAs(ctx, secretaryB).post('/nonconformities/late-dossiers', {
        tthcCode: '1.000948',
        dossierNumber: '000.00.12.H34-260105-0001',
        daysLate: 2,
        orgUnitId: unitB,
      });
      expect(inB.status).toBe(201);
      expect(inB.body.number).toBe('01/2026');
    });

    it('refuses what it cannot file, each with its code', async () => {
      const as = apiAs(ctx, secretary);
      const refused = async (path: string, body: object) => {
        const res = await as.post(path, body);
        return { status: res.status, code: res.body.code as string, message: res.body.message as string };
      };
      expect(
        await refused('/nonconformities', { source: 'self', severity: 'minor', title: 'Thiếu mô tả' }),
      ).toMatchObject({
        status: 400,
        code: 'VALIDATION_FAILED',
      });
      expect(await refused('/nonconformities', self('Mức độ sai', { severity: 'critical' }))).toMatchObject({
        status: 400,
      });
      // Blank texts are refused like empty ones, naming the field.
      const blankTitle = await refused('/nonconformities', { ...self('x'), title: '    ' });
      expect(blankTitle).toMatchObject({ status: 400, code: 'VALIDATION_FAILED' });
      expect(blankTitle.message).toContain('không được để trống hoặc chỉ gồm khoảng trắng');
      expect(
        await refused('/nonconformities', { ...self('Mô tả trống'), description: '     ' }),
      ).toMatchObject({ status: 400, code: 'VALIDATION_FAILED' });
      expect(
        await refused(
          '/nonconformities',
          self('Phản ánh trống', { source: 'complaint', complaintRef: '   ', complainant: 'Trần Văn B' }),
        ),
      ).toMatchObject({ status: 400, code: 'VALIDATION_FAILED' });
      expect(
        await refused('/nonconformities/late-dossiers', {
          tthcCode: '1.000948',
          dossierNumber: '  ',
          daysLate: 2,
        }),
      ).toMatchObject({ status: 400, code: 'VALIDATION_FAILED' });
      expect(
        await refused('/nonconformities/late-dossiers', {
          tthcCode: '1.000948',
          dossierNumber: 'HS-9',
          daysLate: 0,
        }),
      ).toMatchObject({ status: 400 });
      expect(await refused('/nonconformities', self('Từ đánh giá', { source: 'audit_finding' }))).toEqual({
        status: 422,
        code: 'NONCONFORMITY_SOURCE_NOT_ALLOWED',
        message:
          'Sự không phù hợp từ đánh giá nội bộ chỉ được ghi nhận khi lập báo cáo đánh giá, từ các phát hiện của cuộc đánh giá.',
      });
      expect(
        await refused(
          '/nonconformities',
          self('Phản ánh thiếu người', { source: 'complaint', complaintRef: 'PA-1' }),
        ),
      ).toEqual({
        status: 422,
        code: 'NONCONFORMITY_SOURCE_DETAILS_MISSING',
        message: 'Thiếu thông tin về nguồn phát hiện sự không phù hợp: người phản ánh, kiến nghị.',
      });
      expect(
        await refused('/nonconformities', self('Xem xét thiếu biên bản', { source: 'management_review' })),
      ).toEqual({
        status: 422,
        code: 'NONCONFORMITY_SOURCE_DETAILS_MISSING',
        message: 'Thiếu thông tin về nguồn phát hiện sự không phù hợp: số biên bản xem xét của lãnh đạo.',
      });
      expect(
        await refused(
          '/nonconformities',
          self('Hồ sơ trễ', { source: 'late_dossier', tthcCode: '1.000948' }),
        ),
      ).toEqual({
        status: 422,
        code: 'NONCONFORMITY_SOURCE_DETAILS_MISSING',
        message:
          'Thiếu thông tin về nguồn phát hiện sự không phù hợp: số hồ sơ, số ngày trễ hạn (từ 1 ngày).',
      });
      expect(await refused('/nonconformities', self('Điều khoản lạ', { clause: '11.1' }))).toEqual({
        status: 422,
        code: 'NONCONFORMITY_CLAUSE_UNKNOWN',
        message: 'Điều khoản 11.1 không có trong tiêu chuẩn TCVN ISO 9001:2015.',
      });
      for (const orgUnitId of [closedUnit, unitB, randomUUID()]) {
        expect(await refused('/nonconformities', self('Đơn vị sai', { orgUnitId }))).toMatchObject({
          status: 422,
          code: 'NONCONFORMITY_ORG_UNIT_INVALID',
        });
      }
      expect(await refused('/nonconformities', self('Ngày mai', { detectedOn: '2026-06-16' }))).toMatchObject(
        {
          status: 422,
          code: 'NONCONFORMITY_DETECTED_IN_FUTURE',
        },
      );
      const tooEarly = await refused('/nonconformities', self('Năm kia', { detectedOn: '2024-12-31' }));
      expect(tooEarly).toEqual({
        status: 422,
        code: 'NONCONFORMITY_DETECTED_TOO_EARLY',
        message:
          'Ngày phát hiện sự không phù hợp không được trước ngày 01/01/2025 (ngày 01 tháng 01 của năm trước); ' +
          'sự không phù hợp cũ hơn không còn được ghi nhận vào sổ theo dõi.',
      });
      expect((await apiAs(ctx, staff).post('/nonconformities', self('Không có quyền'))).status).toBe(403);
      expect(
        (
          await apiAs(ctx, staff).post('/nonconformities/late-dossiers', {
            tthcCode: '1.000948',
            dossierNumber: 'X',
            daysLate: 1,
          })
        ).status,
      ).toBe(403);
      // Nothing of the refusals was filed.
      const all = await as.get('/nonconformities?pageSize=100');
      expect(
        (all.body.items as Nc[]).filter((n) =>
          /Đơn vị sai|Ngày mai|Năm kia|Điều khoản lạ/.test(n.title as string),
        ),
      ).toEqual([]);
    });
  });

  describe('reading and correcting', () => {
    let mine: Nc;
    let late: Nc;

    beforeAll(async () => {
      mine = await raise(
        secretary,
        self('Biểu mẫu tiếp nhận cũ còn được dùng', { orgUnitId: oneStop, clause: '7.5.3' }),
      );
      late = await raise(
        secretary,
        { tthcCode: '1.001234', dossierNumber: 'QUA-HAN-01', daysLate: 7, orgUnitId: admin },
        '/nonconformities/late-dossiers',
      );
      // A corrective action with an overdue action for `late` (written as the corrective action routes would).
      const ca = randomUUID();
      await ctx.sql(
        `INSERT INTO corrective_action (id, agency_id, nonconformity_id, state, created_by)
         VALUES ($1, $2, $3, 'in_progress', $4)`,
        [ca, agencyId, late.id, secretary.id],
      );
      await ctx.sql(
        `INSERT INTO corrective_action_task
           (id, corrective_action_id, agency_id, round, position, description, owner_id, due_date, created_by)
         VALUES ($1, $2, $3, 1, 1, 'Rà soát quy trình', $4, '2026-06-14', $5)`,
        [randomUUID(), ca, agencyId, owner.id, secretary.id],
      );
    });

    it('another agency: 404 on read and edit, absent from lists and the summary', async () => {
      const asB = apiAs(ctx, secretaryB);
      const get = await asB.get(`/nonconformities/${mine.id}`);
      expect(get.status).toBe(404);
      expect(get.body.code).toBe('NONCONFORMITY_NOT_FOUND');
      const patch = await asB.patch(`/nonconformities/${mine.id}`, { title: 'Sửa trộm' }, '"1"');
      expect(patch.status).toBe(404);
      expect(patch.body.code).toBe('NONCONFORMITY_NOT_FOUND');
      const list = await asB.get('/nonconformities?pageSize=100');
      expect((list.body.items as Nc[]).map((n) => n.id)).not.toContain(mine.id);
      expect(list.body.total).toBe(1);
      expect((await asB.get('/nonconformities/summary')).body.total).toBe(1);
      expect((await apiAs(ctx, staff).get(`/nonconformities/${randomUUID()}`)).status).toBe(404);
      expect((await apiAs(ctx, staff).get('/nonconformities/not-a-uuid')).status).toBe(400);
      // Not for the system admin: agency work.
      expect((await apiAs(ctx, ctx.admin).get('/nonconformities')).status).toBe(403);
    });

    it('lists with filters, the corrective action and whether an action is overdue', async () => {
      const as = apiAs(ctx, staff);
      const ids = async (query: string) => {
        const res = await as.get(`/nonconformities?pageSize=100&${query}`);
        expect(res.status).toBe(200);
        return (res.body.items as Nc[]).map((n) => n.number);
      };
      const everything = await as.get('/nonconformities?pageSize=100');
      const numbers = (everything.body.items as Nc[]).map((n) => n.number);
      expect(numbers).toEqual([...numbers].sort((a, b) => Number(b.slice(0, 2)) - Number(a.slice(0, 2))));
      expect(everything.body.total).toBe(numbers.length);
      const row = (everything.body.items as Nc[]).find((n) => n.id === late.id)!;
      expect(row).toMatchObject({
        correctiveActionState: 'in_progress',
        correctiveActionStateLabel: 'Đang thực hiện',
        overdue: true,
      });
      expect(row.correctiveActionId).toEqual(expect.any(String));
      expect((await as.get(`/nonconformities/${late.id}`)).body).toMatchObject({ overdue: true });
      expect((everything.body.items as Nc[]).find((n) => n.id === mine.id)).toMatchObject({
        correctiveActionId: null,
        overdue: false,
      });

      expect(await ids('source=late_dossier&orgUnitId=' + admin)).toEqual([late.number]);
      expect(await ids('clause=7.5.3')).toEqual([mine.number]);
      expect(await ids('severity=major&source=complaint')).toEqual(['01/2026']);
      expect(await ids('q=bieu mau tiep nhan')).toEqual([mine.number]);
      expect(await ids(`q=${encodeURIComponent(mine.number)}`)).toEqual([mine.number]);
      expect(await ids('year=2025')).toEqual([]);
      expect(await ids('state=closed')).toEqual([]);
      expect(await ids(`auditId=${randomUUID()}`)).toEqual([]);
      const asc = await as.get('/nonconformities?sort=number:asc&pageSize=2&page=1');
      expect((asc.body.items as Nc[]).map((n) => n.number)).toEqual(['01/2026', '02/2026']);
      expect(asc.body).toMatchObject({ page: 1, pageSize: 2, total: everything.body.total });
      expect((await as.get('/nonconformities?sort=severity:asc')).status).toBe(400);
      expect((await as.get('/nonconformities?source=other')).status).toBe(400);
    });

    it('finds a serial of three digits by its whole number', async () => {
      const agencyC = (await ctx.newAgency({ name: 'Sở Xây dựng' })).id;
      const secretaryC = await ctx.newUser({ roles: [Role.IsoSecretary], agencyId: agencyC });
      for (const serial of [12, 123]) {
        await ctx.sql(
          `INSERT INTO nonconformity (id, agency_id, year, serial, source, severity, title, description, detected_on, detected_by)
           VALUES ($1, $2, 2026, $3, 'self', 'minor', $4, $4, '2026-06-01', $5)`,
          [randomUUID(), agencyC, serial, `Sự không phù hợp thứ ${serial}`, secretaryC.id],
        );
      }
      const numbers = async (q: string) =>
        (
          (await apiAs(ctx, secretaryC).get(`/nonconformities?q=${encodeURIComponent(q)}`)).body.items as Nc[]
        ).map((n) => n.number);
      expect(await numbers('123/2026')).toEqual(['123/2026']);
      expect(await numbers('12/2026')).toEqual(['12/2026']);
    });

    it('edits an open one against its ETag; closed ones and audit grades stay', async () => {
      const as = apiAs(ctx, head);
      const edited = await as.patch(
        `/nonconformities/${mine.id}`,
        {
          title: 'Biểu mẫu tiếp nhận hết hiệu lực còn được dùng',
          severity: 'major',
          clause: null,
          orgUnitId: admin,
        },
        '"1"',
      );
      expect(edited.status).toBe(200);
      expect(edited.headers.etag).toBe('"2"');
      expect(edited.body).toMatchObject({
        title: 'Biểu mẫu tiếp nhận hết hiệu lực còn được dùng',
        severity: 'major',
        clause: null,
        clauseEdition: null,
        orgUnitId: admin,
        version: 2,
      });
      // The same values again: no new version.
      const same = await as.patch(
        `/nonconformities/${mine.id}`,
        { severity: 'major', orgUnitId: admin },
        '"2"',
      );
      expect({ status: same.status, version: same.body.version }).toEqual({ status: 200, version: 2 });
      const stale = await as.patch(`/nonconformities/${mine.id}`, { title: 'Tiêu đề cũ' }, '"1"');
      expect(stale.status).toBe(412);
      const unknown = await as.patch(`/nonconformities/${mine.id}`, { clause: '12' }, '"2"');
      expect({ status: unknown.status, code: unknown.body.code }).toEqual({
        status: 422,
        code: 'NONCONFORMITY_CLAUSE_UNKNOWN',
      });
      const badUnit = await as.patch(`/nonconformities/${mine.id}`, { orgUnitId: closedUnit }, '"2"');
      expect(badUnit.body.code).toBe('NONCONFORMITY_ORG_UNIT_INVALID');
      expect(
        (await apiAs(ctx, staff).patch(`/nonconformities/${mine.id}`, { title: 'Nhân viên sửa' }, '"2"'))
          .status,
      ).toBe(403);

      const trail = await apiAs(ctx, secretary).get(
        `/audit-events?entityType=nonconformity&entityId=${mine.id}`,
      );
      expect((trail.body.items as { action: string }[]).map((e) => e.action).sort()).toEqual([
        'nonconformity.raised',
        'nonconformity.updated',
      ]);

      await ctx.sql(`UPDATE nonconformity SET state = 'closed', closed_at = now() WHERE id = $1`, [late.id]);
      const closed = await apiAs(ctx, secretary).patch(
        `/nonconformities/${late.id}`,
        { title: 'Sửa sau khi đóng' },
        '"1"',
      );
      expect(closed.status).toBe(409);
      expect(closed.body.code).toBe('NONCONFORMITY_CLOSED');
      await ctx.sql(`UPDATE nonconformity SET state = 'open', closed_at = NULL WHERE id = $1`, [late.id]);
    });
  });

  describe('from audit findings', () => {
    it('raises one per finding, idempotently; the directory says what keeps the audit open', async () => {
      const programme = randomUUID();
      const audit = randomUUID();
      await ctx.sql(
        `INSERT INTO audit_programme (id, agency_id, year, title, objectives, criteria, clause_edition, created_by)
         VALUES ($1, $2, 2026, 'Chương trình đánh giá 2026', 'Mục tiêu', 'TCVN ISO 9001:2015', 'TCVN ISO 9001:2015', $3)`,
        [programme, agencyId, secretary.id],
      );
      await ctx.sql(
        `INSERT INTO audit (id, agency_id, programme_id, year, serial, title, objectives, criteria, clause_edition,
                            start_date, end_date, lead_auditor_id, created_by, state)
         VALUES ($1, $2, $3, 2026, 1, 'Đánh giá Bộ phận Một cửa', 'Mục tiêu', 'Tiêu chí', 'TCVN ISO 9001:2015',
                 '2026-06-01', '2026-06-03', $4, $4, 'in_progress')`,
        [audit, agencyId, programme, auditor.id],
      );
      const findings = [randomUUID(), randomUUID()];
      for (const [i, id] of findings.entries()) {
        await ctx.sql(
          `INSERT INTO audit_finding (id, audit_id, agency_id, serial, type, clause, org_unit_id, statement, created_by)
           VALUES ($1, $2, $3, $4, $5, '8.5.1', $6, $7, $8)`,
          [
            id,
            audit,
            agencyId,
            i + 1,
            i ? 'minor_nc' : 'major_nc',
            oneStop,
            `Phát hiện ${i + 1}`,
            auditor.id,
          ],
        );
      }
      const actor: Actor = {
        userId: auditor.id,
        username: auditor.username,
        agencyId,
        orgUnitId: null,
        roles: [Role.Auditor],
        requestId: 'test-raiser',
      };
      const input = {
        agencyId,
        auditId: audit,
        detectedOn: todayInVietnam(clock.now()),
        findings: findings.map((findingId, i) => ({
          findingId,
          severity: i ? ('minor' as const) : ('major' as const),
          clause: '8.5.1',
          clauseEdition: 'TCVN ISO 9001:2015',
          orgUnitId: oneStop,
          statement: `Phát hiện ${i + 1}: hồ sơ không có phiếu kiểm soát.`,
          title: `Phát hiện ${i + 1}`,
        })),
      };
      const tx = ctx.app.get(TransactionRunner);
      const raiser = ctx.app.get(NonconformityRaiser);
      const first = await tx.run((db) => raiser.raiseFromFindings(db, actor, input));
      const again = await tx.run((db) => raiser.raiseFromFindings(db, actor, input));
      expect(again).toEqual(first);
      expect(first).toHaveLength(2);
      const listed = await apiAs(ctx, staff).get(`/nonconformities?auditId=${audit}&sort=number:asc`);
      expect(listed.body.items).toEqual([
        expect.objectContaining({
          id: first[0].id,
          number: first[0].number,
          source: 'audit_finding',
          severity: 'major',
          findingId: findings[0],
          auditId: audit,
          sourceLabel: 'Đánh giá nội bộ',
        }),
        expect.objectContaining({
          id: first[1].id,
          number: first[1].number,
          severity: 'minor',
          findingId: findings[1],
        }),
      ]);

      const directory = ctx.app.get(NonconformityDirectory);
      expect(await directory.blockingAuditClose(audit)).toEqual([
        { id: first[0].id, number: first[0].number, state: 'none' },
        { id: first[1].id, number: first[1].number, state: 'none' },
      ]);
      await ctx.sql(
        `INSERT INTO corrective_action (id, agency_id, nonconformity_id, state, created_by)
         VALUES ($1, $2, $3, 'verifying', $4), ($5, $2, $6, 'in_progress', $4)`,
        [randomUUID(), agencyId, first[0].id, secretary.id, randomUUID(), first[1].id],
      );
      expect(await directory.blockingAuditClose(audit)).toEqual([
        { id: first[1].id, number: first[1].number, state: 'in_progress' },
      ]);
      expect(await directory.ofFindings([findings[1], randomUUID()])).toEqual(
        new Map([[findings[1], { id: first[1].id, number: first[1].number }]]),
      );

      // An audit finding's nonconformity keeps the finding's grade, clause and unit.
      const as = apiAs(ctx, secretary);
      for (const change of [{ severity: 'minor' }, { clause: '8.7' }, { orgUnitId: admin }]) {
        const res = await as.patch(`/nonconformities/${first[0].id}`, change, '"1"');
        expect({ change, status: res.status, code: res.body.code }).toEqual({
          change,
          status: 422,
          code: 'NONCONFORMITY_FINDING_GRADE_FIXED',
        });
      }
      const reworded = await as.patch(
        `/nonconformities/${first[0].id}`,
        { title: 'Phát hiện 1 (viết lại)', severity: 'major' },
        '"1"',
      );
      expect(reworded.status).toBe(200);
      expect(reworded.body).toMatchObject({ title: 'Phát hiện 1 (viết lại)', severity: 'major' });
    });
  });

  it('uq_nonconformity_agency_year_serial: parallel raises of one agency and year all succeed with distinct, consecutive serials', async () => {
    const before = await ctx.sql<{ max: number }>(
      `SELECT coalesce(max(serial), 0)::int AS max FROM nonconformity WHERE agency_id = $1 AND year = 2026`,
      [agencyId],
    );
    const responses = await race(12, (i) =>
      i % 2
        ? apiAs(ctx, secretary).post('/nonconformities', self(`Song song ${i}`))
        : apiAs(ctx, auditor).post('/nonconformities/late-dossiers', {
            tthcCode: '1.000948',
            dossierNumber: `SONG-SONG-${i}`,
            daysLate: 1,
          }),
    );
    expect(responses.map((r) => r.status)).toEqual(Array(12).fill(201));
    const serials = responses.map((r) => r.body.serial as number).sort((a, b) => a - b);
    expect(serials).toEqual(Array.from({ length: 12 }, (_, i) => before[0].max + i + 1));
    // uq_nonconformity_late_dossier: 10 raises of one dossier at once, one wins, the others name it.
    const same = await race(10, () =>
      apiAs(ctx, secretary).post('/nonconformities/late-dossiers', {
        tthcCode: '1.000948',
        dossierNumber: 'MOT-HO-SO',
        daysLate: 2,
      }),
    );
    expectOneWinner(same, 'NONCONFORMITY_LATE_DOSSIER_EXISTS');
  });

  describe('the summary and the register of 2025', () => {
    const made: Record<string, Nc> = {};

    beforeAll(async () => {
      const as = apiAs(ctx, secretary);
      made.s1 = await raise(secretary, {
        source: 'complaint',
        severity: 'major',
        title: 'Trả kết quả chậm',
        description: 'Người dân phản ánh trả kết quả chậm.',
        clause: '8.2.1',
        orgUnitId: oneStop,
        complaintRef: 'PA-03/2025',
        complainant: 'Trần Thị Bình',
        detectedOn: '2025-02-10',
      });
      made.s2 = await raise(
        secretary,
        self('Sai thông tin trên phiếu hẹn', { clause: '8.2.1', orgUnitId: admin, detectedOn: '2025-03-05' }),
      );
      made.s3 = await raise(secretary, {
        source: 'management_review',
        severity: 'minor',
        title: 'Chưa cập nhật rủi ro',
        description: 'Xem xét của lãnh đạo: chưa cập nhật sổ rủi ro.',
        clause: '9.3',
        managementReviewRef: 'BB-XXLĐ-02/2025',
        detectedOn: '2025-04-01',
      });
      made.s4 = await raise(
        secretary,
        {
          tthcCode: '2.000001',
          dossierNumber: 'HS-2025-88',
          daysLate: 2,
          orgUnitId: oneStop,
          detectedOn: '2025-05-20',
        },
        '/nonconformities/late-dossiers',
      );
      made.s5 = await raise(
        secretary,
        self('Thiếu chữ ký trên sổ giao nhận', {
          severity: 'major',
          orgUnitId: oneStop,
          detectedOn: '2025-11-30',
        }),
      );
      // Outside the window, and another agency's in it.
      // Filed in 2025, when 2024 could still be filed.
      clock.set('2025-06-15T02:00:00Z');
      await raise(secretary, self('Ngày cuối năm 2024', { detectedOn: '2024-12-31' }));
      clock.set('2026-06-15T02:00:00Z');
      await raise(secretaryB, self('Của Sở Y tế', { detectedOn: '2025-06-01' }));
      expect(Object.values(made).map((n) => n.number)).toEqual([
        '01/2025',
        '02/2025',
        '03/2025',
        '04/2025',
        '05/2025',
      ]);
      expect((await as.get('/nonconformities?year=2025')).body.total).toBe(5);

      const ca: Record<string, string> = {
        s1: randomUUID(),
        s2: randomUUID(),
        s3: randomUUID(),
        s4: randomUUID(),
      };
      const state: Record<string, string> = { s1: 'closed', s2: 'closed', s3: 'in_progress', s4: 'open' };
      for (const key of Object.keys(ca)) {
        await ctx.sql(
          `INSERT INTO corrective_action (id, agency_id, nonconformity_id, state, created_by, root_cause, verifier_id, round)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
          [
            ca[key],
            agencyId,
            made[key].id,
            state[key],
            secretary.id,
            key === 's1' ? 'Chưa phân công người theo dõi hạn trả kết quả' : null,
            key === 's1' || key === 's2' ? auditor.id : null,
            key === 's2' ? 2 : 1,
          ],
        );
      }
      // 30 days to close (2025-02-10 → 2025-03-12) and 21 (2025-03-05 → 2025-03-26 in Vietnam).
      await ctx.sql(
        `UPDATE nonconformity SET state = 'closed', closed_at = '2025-03-12T03:00:00Z' WHERE id = $1`,
        [made.s1.id],
      );
      await ctx.sql(
        `UPDATE nonconformity SET state = 'closed', closed_at = '2025-03-25T20:00:00Z' WHERE id = $1`,
        [made.s2.id],
      );
      const task = (
        caKey: string,
        round: number,
        position: number,
        description: string,
        due: string,
        done: string | null,
      ) =>
        ctx.sql(
          `INSERT INTO corrective_action_task
             (id, corrective_action_id, agency_id, round, position, description, owner_id, due_date, done_on, created_by)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
          [
            randomUUID(),
            ca[caKey],
            agencyId,
            round,
            position,
            description,
            owner.id,
            due,
            done,
            secretary.id,
          ],
        );
      await task('s1', 1, 1, 'Phân công theo dõi hạn trả kết quả', '2025-03-01', '2025-02-27');
      await task('s2', 1, 1, 'Sửa mẫu phiếu hẹn', '2025-03-15', '2025-03-10');
      await task('s2', 2, 2, 'Đào tạo lại cán bộ một cửa', '2025-03-20', '2025-03-20');
      await task('s3', 1, 1, 'Cập nhật sổ rủi ro', '2026-06-01', null); // overdue
      await task('s3', 1, 2, 'Trình lãnh đạo duyệt', '2026-07-01', null); // not yet due
      await task('s3', 1, 3, 'Phổ biến sổ rủi ro', '2026-05-01', null); // overdue
      const check = (caKey: string, round: number, effective: boolean, reason: string, at: string) =>
        ctx.sql(
          `INSERT INTO corrective_action_verification
             (id, corrective_action_id, agency_id, round, verifier_id, effective, reason, verified_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
          [randomUUID(), ca[caKey], agencyId, round, auditor.id, effective, reason, at],
        );
      await check('s1', 1, true, 'Không còn hồ sơ trả chậm', '2025-03-12T03:00:00Z');
      await check('s2', 1, false, 'Vẫn còn phiếu hẹn sai', '2025-03-18T03:00:00Z');
      await check('s2', 2, true, 'Đã hết sai sót', '2025-03-25T20:00:00Z');
    });

    it('counts by clause, unit, source, severity and state; overdue actions; mean days to close', async () => {
      const res = await apiAs(ctx, head).get('/nonconformities/summary?from=2025-01-01&to=2025-12-31');
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        from: '2025-01-01',
        to: '2025-12-31',
        total: 5,
        byClause: [
          {
            clause: '8.2.1',
            clauseEdition: 'TCVN ISO 9001:2015',
            title: 'Trao đổi thông tin với khách hàng',
            count: 2,
          },
          {
            clause: '8.7',
            clauseEdition: 'TCVN ISO 9001:2015',
            title: 'Kiểm soát đầu ra không phù hợp',
            count: 1,
          },
          { clause: '9.3', clauseEdition: 'TCVN ISO 9001:2015', title: 'Xem xét của lãnh đạo', count: 1 },
          { clause: null, clauseEdition: null, title: null, count: 1 },
        ],
        byOrgUnit: [
          { orgUnitId: oneStop, name: 'Bộ phận Một cửa', count: 3 },
          { orgUnitId: admin, name: 'Phòng Hành chính', count: 1 },
          { orgUnitId: null, name: null, count: 1 },
        ],
        bySource: [
          { key: 'audit_finding', label: 'Đánh giá nội bộ', count: 0 },
          { key: 'complaint', label: 'Phản ánh, kiến nghị', count: 1 },
          { key: 'late_dossier', label: 'Hồ sơ TTHC trễ hạn', count: 1 },
          { key: 'management_review', label: 'Xem xét của lãnh đạo', count: 1 },
          { key: 'self', label: 'Tự phát hiện', count: 2 },
        ],
        bySeverity: [
          { key: 'major', label: 'Nặng', count: 2 },
          { key: 'minor', label: 'Nhẹ', count: 3 },
        ],
        byState: [
          { key: 'open', label: 'Đang xử lý', count: 3 },
          { key: 'closed', label: 'Đã kết thúc', count: 2 },
        ],
        byCorrectiveActionState: [
          { key: 'none', label: 'Chưa lập phiếu yêu cầu hành động khắc phục', count: 1 },
          { key: 'open', label: 'Mới mở', count: 1 },
          { key: 'planned', label: 'Đã lập kế hoạch', count: 0 },
          { key: 'in_progress', label: 'Đang thực hiện', count: 1 },
          { key: 'verifying', label: 'Đang kiểm tra hiệu lực', count: 0 },
          { key: 'closed', label: 'Đã kết thúc', count: 2 },
        ],
        overdueActions: 2,
        overdueNonconformities: 1,
        closed: 2,
        meanDaysToClose: 25.5,
      });
      // A narrower window: both days included.
      const spring = await apiAs(ctx, head).get('/nonconformities/summary?from=2025-03-05&to=2025-04-01');
      expect(spring.body).toMatchObject({ total: 2, closed: 1, meanDaysToClose: 21, overdueActions: 2 });
      // The default window is the current year.
      expect((await apiAs(ctx, head).get('/nonconformities/summary')).body).toMatchObject({
        from: '2026-01-01',
        to: '2026-12-31',
      });
      // One end given: the other is filled within its year, never a refusal.
      const fromOnly = await apiAs(ctx, head).get('/nonconformities/summary?from=2027-01-01');
      expect(fromOnly.status).toBe(200);
      expect(fromOnly.body).toMatchObject({ from: '2027-01-01', to: '2027-12-31', total: 0 });
      const toOnly = await apiAs(ctx, head).get('/nonconformities/summary?to=2025-04-01');
      expect(toOnly.status).toBe(200);
      expect(toOnly.body).toMatchObject({ from: '2025-01-01', to: '2025-04-01' });
      const empty = await apiAs(ctx, head).get('/nonconformities/summary?from=2030-01-01&to=2030-12-31');
      expect(empty.body).toMatchObject({
        total: 0,
        byClause: [],
        byOrgUnit: [],
        meanDaysToClose: null,
        overdueActions: 0,
      });
      const reversed = await apiAs(ctx, head).get('/nonconformities/summary?from=2025-12-31&to=2025-01-01');
      expect({ status: reversed.status, code: reversed.body.code }).toEqual({
        status: 422,
        code: 'NONCONFORMITY_SUMMARY_WINDOW_INVALID',
      });
      expect((await apiAs(ctx, head).get('/nonconformities/summary?from=2025-02-30')).status).toBe(400);
    });

    it('the register: one row per nonconformity with its actions, verifier and results', async () => {
      const json = await apiAs(ctx, staff).get('/nonconformities/register?year=2025');
      expect(json.status).toBe(200);
      const items = json.body.items as Record<string, unknown>[];
      expect(items.map((e) => e.number)).toEqual(['01/2025', '02/2025', '03/2025', '04/2025', '05/2025']);
      expect(items[0]).toMatchObject({
        no: 1,
        detectedOn: '2025-02-10',
        sourceLabel: 'Phản ánh, kiến nghị',
        orgUnit: 'Bộ phận Một cửa',
        clause: '8.2.1',
        severityLabel: 'Nặng',
        rootCause: 'Chưa phân công người theo dõi hạn trả kết quả',
        actions: [
          {
            round: 1,
            description: 'Phân công theo dõi hạn trả kết quả',
            ownerId: owner.id,
            owner: 'Nguyễn Thị Hoa',
            dueDate: '2025-03-01',
            doneOn: '2025-02-27',
          },
        ],
        verifier: 'Phạm Kiểm Tra',
        verifications: [
          expect.objectContaining({ round: 1, effective: true, reason: 'Không còn hồ sơ trả chậm' }),
        ],
        state: 'closed',
        correctiveActionState: 'closed',
        stateLabel: 'Đã kết thúc',
      });
      expect(items[1].verifications).toEqual([
        expect.objectContaining({ round: 1, effective: false }),
        expect.objectContaining({ round: 2, effective: true }),
      ]);
      expect(items[4]).toMatchObject({
        actions: [],
        verifier: null,
        verifications: [],
        stateLabel: 'Chưa lập phiếu yêu cầu hành động khắc phục',
      });

      const xlsx = await apiAs(ctx, staff).binary('/nonconformities/register?year=2025&format=xlsx');
      expect(xlsx.status).toBe(200);
      expect(xlsx.headers['content-type']).toContain('spreadsheetml');
      expect(decodeURIComponent(xlsx.headers['content-disposition'])).toContain(
        "filename*=UTF-8''Sổ theo dõi sự không phù hợp và hành động khắc phục năm 2025.xlsx",
      );
      const workbook = new Workbook();
      await workbook.xlsx.load(xlsx.body as Parameters<typeof workbook.xlsx.load>[0]);
      const cells = workbook.worksheets[0]
        .getSheetValues()
        .flat()
        .filter((v) => typeof v === 'string');
      expect(cells).toEqual(
        expect.arrayContaining([
          'SỔ THEO DÕI SỰ KHÔNG PHÙ HỢP VÀ HÀNH ĐỘNG KHẮC PHỤC',
          'Năm 2025 — số sự không phù hợp: 5 (đã kết thúc: 2)',
          'Số',
          'Ngày phát hiện',
          'Nguồn',
          'Đơn vị',
          'Điều khoản',
          'Mô tả sự không phù hợp',
          'Mức độ',
          'Nguyên nhân',
          'Hành động khắc phục',
          'Người kiểm tra hiệu lực',
          'Kết quả',
          'Trạng thái',
          '01/2025',
          'Trả kết quả chậm\nNgười dân phản ánh trả kết quả chậm.',
          '- Phân công theo dõi hạn trả kết quả — Nguyễn Thị Hoa — hạn 01/03/2025 — xong 27/02/2025',
          'Lần 1:\n- Sửa mẫu phiếu hẹn — Nguyễn Thị Hoa — hạn 15/03/2025 — xong 10/03/2025\n' +
            'Lần 2:\n- Đào tạo lại cán bộ một cửa — Nguyễn Thị Hoa — hạn 20/03/2025 — xong 20/03/2025',
          'Lần 1: Chưa có hiệu lực (18/03/2025)\nLần 2: Có hiệu lực (26/03/2025)',
          'Phạm Kiểm Tra',
          'Chưa lập phiếu yêu cầu hành động khắc phục',
        ]),
      );

      const pdfFile = await apiAs(ctx, staff).binary('/nonconformities/register?year=2025&format=pdf');
      expect(pdfFile.status).toBe(200);
      expect(pdfFile.headers['content-type']).toBe('application/pdf');
      const lines = (await extractPdfText(pdfFile.body as Buffer, { layout: true }))
        .split('\n')
        .map((line) => line.replace(/\s+/g, ' ').trim())
        .filter(Boolean);
      expect(lines.slice(0, 5)).toEqual([
        'UBND TỈNH KON TUM CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
        'SỞ TƯ PHÁP Độc lập - Tự do - Hạnh phúc',
        placeDateLine('Kon Tum', todayInVietnam(clock.now())),
        'SỔ THEO DÕI SỰ KHÔNG PHÙ HỢP VÀ HÀNH ĐỘNG KHẮC PHỤC',
        'Năm 2025 — số sự không phù hợp: 5 (đã kết thúc: 2)',
      ]);
      const text = (await extractPdfText(pdfFile.body as Buffer)).replace(/\s+/g, ' ');
      for (const expected of [
        '01/2025',
        '05/2025',
        'Nguyễn Thị Hoa',
        'Phạm Kiểm Tra',
        'Kết quả',
        'Trạng thái',
      ]) {
        expect(text).toContain(expected);
      }
      expect((await apiAs(ctx, staff).get('/nonconformities/register?format=doc')).status).toBe(400);
      expect((await apiAs(ctx, staff).get('/nonconformities/register?year=20x5')).status).toBe(400);
      // Another agency's register has only its own.
      const b = await apiAs(ctx, secretaryB).get('/nonconformities/register?year=2025');
      expect((b.body.items as { title: string }[]).map((e) => e.title)).toEqual(['Của Sở Y tế']);
    });
  });
});

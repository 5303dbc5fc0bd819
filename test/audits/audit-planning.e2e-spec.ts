import { Workbook } from 'exceljs';
import { Role, todayInVietnam } from '@eiso/common';
import { placeDateLine } from '@eiso/pdf';
import { extractPdfText } from '@eiso/pdf/testing';
import { apiAs } from '../support/api-as';
import { auditActions } from '../support/audit-actions';
import { DocumentRef, effectiveDocument, newDocument, newDraftingCircle } from '../support/document-flow';
import { samplePdf, sha256 } from '../support/files';
import { expectOneWinner, race, raceAtTableLock } from '../support/races';
import { FixedClock } from '../support/fixed-clock';
import { createTestContext, TestAgency, TestContext, TestUser } from '../support/test-app';

interface ChecklistItem {
  id: string;
  position: number;
  kind: string;
  clause: string | null;
  documentId: string | null;
  documentVersionId: string | null;
  question: string;
  sample: string | null;
  version: number;
}

/**
 * Planning internal audits (ISO 9001 9.2, ISO 19011): the year's programme and its register, an
 * audit whose team is independent of its scope (child units included), auditors only, clauses of
 * the programme's edition, procedures in force; the plan issued to the auditees with its dates;
 * the lead auditor's start making the checklist; answers with evidence; nothing across agencies.
 */
describe('audits: programme, plan, independence, checklist', () => {
  const clock = new FixedClock(new Date('2027-03-01T02:00:00Z'));
  let ctx: TestContext;
  let agency: TestAgency;
  let office: { id: string; name: string };
  let desk: { id: string; name: string };
  let inspection: { id: string; name: string };
  let secretary: TestUser;
  let head: TestUser;
  let officeHead: TestUser;
  let lead: TestUser;
  let member: TestUser;
  let deskAuditor: TestUser;
  let officeAuditor: TestUser;
  let clerk: TestUser;
  let foreign: TestUser;
  let foreignUnit: { id: string; name: string };
  let procedure: DocumentRef;
  let draftProcedure: DocumentRef;
  let deskProcedure: DocumentRef;
  let programmeId: string;
  let auditId: string;
  let items: ChecklistItem[];

  const inbox = async (user: TestUser) =>
    (await apiAs(ctx, user).get('/notifications?pageSize=100')).body.items as {
      title: string;
      body: string;
      link: string | null;
    }[];

  beforeAll(async () => {
    ctx = await createTestContext({}, { clock });
    agency = await ctx.newAgency({ name: 'Sở Tư pháp tỉnh Kon Tum', abbreviation: 'STP', place: 'Kon Tum' });
    office = await ctx.newOrgUnit(agency.id, 'Văn phòng Sở');
    desk = await ctx.newOrgUnit(agency.id, 'Bộ phận Một cửa');
    await ctx.sql('UPDATE org_unit SET parent_id = $1 WHERE id = $2', [office.id, desk.id]);
    inspection = await ctx.newOrgUnit(agency.id, 'Thanh tra Sở');
    const person = (roles: Role[], fullName: string, orgUnitId?: string, position = 'Chuyên viên') =>
      ctx.newUser({ roles, agencyId: agency.id, fullName, orgUnitId, position });
    secretary = await person([Role.IsoSecretary], 'Phạm Thị Thư Ký');
    head = await person([Role.Approver], 'Hoàng Văn Giám Đốc', undefined, 'Giám đốc Sở');
    officeHead = await person([Role.Reviewer], 'Vũ Thị Chánh Văn Phòng', office.id, 'Chánh Văn phòng');
    lead = await person([Role.Auditor], 'Nguyễn Văn Trưởng Đoàn', inspection.id);
    member = await person([Role.Auditor], 'Trần Thị Thành Viên', inspection.id);
    deskAuditor = await person([Role.Auditor], 'Lê Văn Một Cửa', desk.id);
    officeAuditor = await person([Role.Auditor], 'Đặng Thị Văn Phòng', office.id);
    clerk = await person([Role.Staff], 'Đỗ Văn Văn Thư', inspection.id);
    const other = await ctx.newAgency({ name: 'Sở Y tế tỉnh Kon Tum', abbreviation: 'SYT' });
    foreignUnit = await ctx.newOrgUnit(other.id, 'Văn phòng Sở Y tế');
    foreign = await ctx.newUser({ roles: [Role.Auditor, Role.IsoSecretary], agencyId: other.id });
    const circle = await newDraftingCircle(ctx, agency.id);
    procedure = await effectiveDocument(ctx, circle, 'QT-TTHC-01', {
      type: 'tthc_procedure',
      title: 'Quy trình cấp phiếu lý lịch tư pháp',
      tthcCodes: ['2.000488'],
    });
    draftProcedure = await newDocument(ctx, circle, 'QT-TTHC-02', {
      type: 'tthc_procedure',
      title: 'Quy trình chứng thực bản sao từ bản chính',
      tthcCodes: ['2.000815'],
    });
    deskProcedure = await effectiveDocument(
      ctx,
      await newDraftingCircle(ctx, agency.id, desk.id),
      'QT-TTHC-03',
      {
        type: 'tthc_procedure',
        title: 'Quy trình tiếp nhận hồ sơ tại Bộ phận Một cửa',
        tthcCodes: ['2.001234'],
      },
    );
  });
  afterAll(() => ctx?.close());

  it('keeps one programme per agency and year, of the agency’s active units', async () => {
    const body = {
      year: 2027,
      title: 'Chương trình đánh giá nội bộ năm 2027',
      objectives: 'Xác định mức độ phù hợp và hiệu lực của HTQLCL',
      criteria: 'TCVN ISO 9001:2015; các quy trình ISO của Sở',
      entries: [
        { orgUnitId: office.id, riskLevel: 'high', auditsPerYear: 2, plannedMonths: [9, 3] },
        {
          process: 'Tiếp nhận và trả kết quả hồ sơ TTHC',
          riskLevel: 'medium',
          auditsPerYear: 1,
          plannedMonths: [6],
        },
      ],
    };
    const created = await apiAs(ctx, secretary).post('/audit-programmes', body);
    expect(created.status).toBe(201);
    expect(created.headers.etag).toBe('"1"');
    expect(created.body).toMatchObject({
      year: 2027,
      clauseEdition: 'TCVN ISO 9001:2015',
      entries: [
        { position: 1, orgUnitName: 'Văn phòng Sở', riskLevelLabel: 'Cao', plannedMonths: [3, 9] },
        { position: 2, orgUnitId: null, process: 'Tiếp nhận và trả kết quả hồ sơ TTHC' },
      ],
    });
    programmeId = created.body.id;

    const again = await apiAs(ctx, lead).post('/audit-programmes', { ...body, title: 'Trùng năm' });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('AUDIT_PROGRAMME_YEAR_TAKEN');
    expect(again.body.message).toContain('năm 2027');

    const foreignLine = await apiAs(ctx, secretary).post('/audit-programmes', {
      ...body,
      year: 2028,
      entries: [{ orgUnitId: foreignUnit.id, riskLevel: 'low', auditsPerYear: 1, plannedMonths: [1] }],
    });
    expect(foreignLine.status).toBe(422);
    expect(foreignLine.body.code).toBe('AUDIT_ORG_UNIT_INVALID');

    const neither = await apiAs(ctx, secretary).post('/audit-programmes', {
      ...body,
      year: 2028,
      entries: [{ riskLevel: 'low', auditsPerYear: 1, plannedMonths: [1] }],
    });
    expect(neither.status).toBe(400);

    const path = `/audit-programmes/${programmeId}`;
    expect((await apiAs(ctx, secretary).patch(path, { entries: body.entries })).status).toBe(428);
    const edited = await apiAs(ctx, secretary).patch(
      path,
      { criteria: body.criteria, entries: [...body.entries].reverse() },
      '"1"',
    );
    expect(edited.status).toBe(200);
    expect(edited.body.version).toBe(2);
    expect(
      edited.body.entries.map((e: { position: number; riskLevel: string }) => [e.position, e.riskLevel]),
    ).toEqual([
      [1, 'medium'],
      [2, 'high'],
    ]);
    const restored = await apiAs(ctx, secretary).patch(path, { entries: body.entries }, '"2"');
    expect(restored.body.entries.map((e: { orgUnitId: string | null }) => e.orgUnitId)).toEqual([
      office.id,
      null,
    ]);
    expect(await auditActions(ctx, programmeId)).toEqual([
      'audit_programme.created',
      'audit_programme.updated',
      'audit_programme.updated',
    ]);

    const listed = await apiAs(ctx, officeHead).get('/audit-programmes?year=2027');
    expect(listed.status).toBe(200);
    expect(listed.body.total).toBe(1);
  });

  describe('an audit plan', () => {
    const plan = () => ({
      programmeId,
      title: 'Đánh giá nội bộ đợt 1 năm 2027',
      orgUnitIds: [office.id],
      clauses: ['9.2', '7.5'],
      procedureDocumentIds: [procedure.id],
      startDate: '2027-03-10',
      endDate: '2027-03-12',
      leadAuditorId: lead.id,
      teamIds: [member.id],
    });

    it('refuses an auditor of a unit under a unit in scope, naming both units', async () => {
      const res = await apiAs(ctx, secretary).post('/audits', {
        ...plan(),
        teamIds: [member.id, deskAuditor.id],
      });
      expect(res.status).toBe(422);
      expect(res.body.code).toBe('AUDIT_AUDITOR_NOT_INDEPENDENT');
      expect(res.body.message).toBe(
        'Lê Văn Một Cửa thuộc Bộ phận Một cửa, trực thuộc Văn phòng Sở là đơn vị trong phạm vi đánh giá. ' +
          'Đánh giá viên không được đánh giá đơn vị của chính mình, đơn vị cấp trên hoặc cấp dưới của mình.',
      );
      const own = await apiAs(ctx, secretary).post('/audits', {
        ...plan(),
        orgUnitIds: [desk.id],
        leadAuditorId: deskAuditor.id,
      });
      expect(own.status).toBe(422);
      expect(own.body.message).toContain(
        'Lê Văn Một Cửa thuộc Bộ phận Một cửa, là đơn vị trong phạm vi đánh giá',
      );
    });

    it('refuses an auditor of a unit above a unit in scope, and of the unit owning a procedure in scope', async () => {
      const above = await apiAs(ctx, secretary).post('/audits', {
        ...plan(),
        orgUnitIds: [desk.id],
        teamIds: [officeAuditor.id],
      });
      expect(above.status).toBe(422);
      expect(above.body.code).toBe('AUDIT_AUDITOR_NOT_INDEPENDENT');
      expect(above.body.message).toContain(
        'Đặng Thị Văn Phòng thuộc Văn phòng Sở, là đơn vị cấp trên của Bộ phận Một cửa trong phạm vi đánh giá',
      );
      // No unit named: the procedure's owner (Bộ phận Một cửa) is in scope all the same.
      for (const auditor of [deskAuditor, officeAuditor]) {
        const owner = await apiAs(ctx, secretary).post('/audits', {
          ...plan(),
          orgUnitIds: [],
          clauses: [],
          procedureDocumentIds: [deskProcedure.id],
          teamIds: [auditor.id],
        });
        expect(owner.status).toBe(422);
        expect(owner.body.code).toBe('AUDIT_AUDITOR_NOT_INDEPENDENT');
        expect(owner.body.message).toContain('Bộ phận Một cửa');
      }
    });

    it('refuses a team member without the auditor role, an unknown clause, a procedure not in force', async () => {
      const notAuditor = await apiAs(ctx, secretary).post('/audits', { ...plan(), teamIds: [clerk.id] });
      expect(notAuditor.status).toBe(422);
      expect(notAuditor.body.code).toBe('AUDIT_AUDITOR_NOT_ELIGIBLE');
      expect(notAuditor.body.message).toContain('Đỗ Văn Văn Thư');

      const foreignLead = await apiAs(ctx, secretary).post('/audits', {
        ...plan(),
        leadAuditorId: foreign.id,
      });
      expect(foreignLead.status).toBe(422);
      expect(foreignLead.body.code).toBe('AUDIT_AUDITOR_NOT_ELIGIBLE');

      const unknown = await apiAs(ctx, secretary).post('/audits', { ...plan(), clauses: ['7.5', '11.1'] });
      expect(unknown.status).toBe(422);
      expect(unknown.body.code).toBe('AUDIT_CLAUSE_UNKNOWN');
      expect(unknown.body.message).toBe('Điều khoản không có trong TCVN ISO 9001:2015: 11.1.');

      const draft = await apiAs(ctx, secretary).post('/audits', {
        ...plan(),
        procedureDocumentIds: [procedure.id, draftProcedure.id],
      });
      expect(draft.status).toBe(422);
      expect(draft.body.code).toBe('AUDIT_PROCEDURE_NOT_IN_FORCE');
      expect(draft.body.message).toContain('QT-TTHC-02');
      expect(draft.body.message).not.toContain('QT-TTHC-01');

      const backwards = await apiAs(ctx, secretary).post('/audits', { ...plan(), endDate: '2027-03-09' });
      expect(backwards.status).toBe(422);
      expect(backwards.body.code).toBe('AUDIT_DATES_INVALID');
      // Units alone make an empty checklist: a clause or a procedure is needed.
      const unitsOnly = await apiAs(ctx, secretary).post('/audits', {
        ...plan(),
        clauses: [],
        procedureDocumentIds: [],
      });
      expect(unitsOnly.status).toBe(422);
      expect(unitsOnly.body.code).toBe('AUDIT_SCOPE_EMPTY');
      expect(unitsOnly.body.message).toContain('ít nhất một điều khoản');

      for (const blank of [{ title: '   ' }, { objectives: ' \n ' }, { criteria: '\t' }]) {
        const res = await apiAs(ctx, secretary).post('/audits', { ...plan(), ...blank });
        expect([Object.keys(blank)[0], res.status]).toEqual([Object.keys(blank)[0], 400]);
      }
      const blankProgramme = await apiAs(ctx, secretary).patch(
        `/audit-programmes/${programmeId}`,
        { objectives: '   ' },
        '"3"',
      );
      expect(blankProgramme.status).toBe(400);
    });

    it('plans the audit with the next serial of the year and the programme’s objectives', async () => {
      const res = await apiAs(ctx, secretary).post('/audits', plan());
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        number: '01/2027',
        state: 'planned',
        stateLabel: 'Đã lập kế hoạch',
        objectives: 'Xác định mức độ phù hợp và hiệu lực của HTQLCL',
        orgUnits: [{ id: office.id, name: 'Văn phòng Sở' }],
        clauses: [
          { number: '7.5', titleVi: expect.any(String) },
          { number: '9.2', titleVi: expect.any(String) },
        ],
        procedures: [{ documentId: procedure.id, code: 'QT-TTHC-01' }],
        leadAuditor: { id: lead.id, name: 'Nguyễn Văn Trưởng Đoàn' },
        team: [{ id: member.id, name: 'Trần Thị Thành Viên' }],
        planIssuedAt: null,
      });
      auditId = res.body.id;
      const read = await apiAs(ctx, officeHead).get(`/audits/${auditId}`);
      expect(read.headers.etag).toBe('"1"');
      const outsideYear = await apiAs(ctx, secretary).patch(
        `/audits/${auditId}`,
        { endDate: '2028-01-02' },
        '"1"',
      );
      expect(outsideYear.status).toBe(422);
      expect(outsideYear.body.code).toBe('AUDIT_DATES_INVALID');
      expect(outsideYear.body.message).toBe(
        'Thời gian đánh giá phải nằm trong năm 2027 của chương trình đánh giá.',
      );
      const notIndependent = await apiAs(ctx, secretary).patch(
        `/audits/${auditId}`,
        { teamIds: [deskAuditor.id] },
        '"1"',
      );
      expect(notIndependent.body.code).toBe('AUDIT_AUDITOR_NOT_INDEPENDENT');
      const retitled = await apiAs(ctx, secretary).patch(
        `/audits/${auditId}`,
        { title: 'Đánh giá nội bộ đợt 1 năm 2027 (Văn phòng)', objectives: 'Mục tiêu riêng của đợt 1' },
        '"1"',
      );
      expect(retitled.status).toBe(200);
      expect(retitled.headers.etag).toBe('"2"');
      expect(retitled.body.objectives).toBe('Mục tiêu riêng của đợt 1');
      // null takes the programme's text again, as planning does when it is left out.
      const reset = await apiAs(ctx, secretary).patch(`/audits/${auditId}`, { objectives: null }, '"2"');
      expect(reset.status).toBe(200);
      expect(reset.body.objectives).toBe('Xác định mức độ phù hợp và hiệu lực của HTQLCL');
      expect(reset.headers.etag).toBe('"3"');

      const mine = await apiAs(ctx, lead).get(`/audits?auditorId=${member.id}&year=2027`);
      expect(mine.body.items.map((a: { id: string }) => a.id)).toEqual([auditId]);
      const none = await apiAs(ctx, lead).get(`/audits?state=in_progress`);
      expect(none.body.total).toBe(0);
      const byUnit = await apiAs(ctx, lead).get(`/audits?orgUnitId=${office.id}`);
      expect(byUnit.body.total).toBe(1);
    });

    it('issues the plan once: the head of each unit in scope and the team hear the dates', async () => {
      const early = await apiAs(ctx, lead).post(`/audits/${auditId}/start`);
      expect(early.status).toBe(409);
      expect(early.body.code).toBe('AUDIT_PLAN_NOT_ISSUED');

      const issued = await apiAs(ctx, secretary).post(`/audits/${auditId}/issue-plan`);
      expect(issued.status).toBe(200);
      expect(issued.body.planIssuedAt).toBe(clock.now().toISOString());
      const again = await apiAs(ctx, secretary).post(`/audits/${auditId}/issue-plan`);
      expect(again.status).toBe(409);
      expect(again.body.code).toBe('AUDIT_PLAN_ALREADY_ISSUED');

      for (const user of [officeHead, lead, member]) {
        const notice = (await inbox(user)).find((n) => n.link === `/audits/${auditId}`);
        expect(notice).toBeDefined();
        expect(notice!.title).toBe('Kế hoạch đánh giá nội bộ số 01/2027 từ 10/03/2027 đến 12/03/2027');
        expect(notice!.body).toContain('Thời gian đánh giá: từ ngày 10/03/2027 đến ngày 12/03/2027.');
        expect(notice!.body).toContain('Đơn vị được đánh giá: Văn phòng Sở.');
        expect(notice!.body).toContain('Điều khoản đánh giá: 7.5 (');
        expect(notice!.body).toContain(
          'Quy trình giải quyết TTHC: QT-TTHC-01 — Quy trình cấp phiếu lý lịch tư pháp.',
        );
        expect(notice!.body).toContain('Trưởng đoàn đánh giá: Nguyễn Văn Trưởng Đoàn.');
      }
      // A unit with a head: the agency's approvers are not bothered.
      expect((await inbox(head)).some((n) => n.link === `/audits/${auditId}`)).toBe(false);
    });

    it('an edit after the issue clears it: start waits for the plan issued again, told again', async () => {
      const edited = await apiAs(ctx, secretary).patch(
        `/audits/${auditId}`,
        { title: 'Đánh giá nội bộ đợt 1 năm 2027 (Văn phòng Sở)' },
        '"4"',
      );
      expect(edited.status).toBe(200);
      expect(edited.body).toMatchObject({ planIssuedAt: null, planIssuedBy: null, version: 5 });
      const early = await apiAs(ctx, lead).post(`/audits/${auditId}/start`);
      expect(early.status).toBe(409);
      expect(early.body.code).toBe('AUDIT_PLAN_NOT_ISSUED');
      const reissued = await apiAs(ctx, secretary).post(`/audits/${auditId}/issue-plan`);
      expect(reissued.status).toBe(200);
      expect(reissued.body.version).toBe(6);
      const notices = (await inbox(officeHead)).filter((n) => n.link === `/audits/${auditId}`);
      expect(notices).toHaveLength(2);
      expect(
        notices.filter((n) => n.body.includes('"Đánh giá nội bộ đợt 1 năm 2027 (Văn phòng Sở)"')),
      ).toHaveLength(1);
    });

    it('starts by the lead auditor only, making the checklist from the scope', async () => {
      const byMember = await apiAs(ctx, member).post(`/audits/${auditId}/start`);
      expect(byMember.status).toBe(403);
      expect(byMember.body.code).toBe('AUDIT_NOT_LEAD_AUDITOR');
      // The team is judged again at the start: a member moved into the unit audited since planning.
      await ctx.sql('UPDATE app_user SET org_unit_id = $1 WHERE id = $2', [office.id, member.id]);
      const moved = await apiAs(ctx, lead).post(`/audits/${auditId}/start`);
      expect(moved.status).toBe(422);
      expect(moved.body.code).toBe('AUDIT_AUDITOR_NOT_INDEPENDENT');
      expect(moved.body.message).toContain('Trần Thị Thành Viên thuộc Văn phòng Sở');
      await ctx.sql('UPDATE app_user SET org_unit_id = $1 WHERE id = $2', [inspection.id, member.id]);
      const started = await apiAs(ctx, lead).post(`/audits/${auditId}/start`);
      expect(started.status).toBe(200);
      expect(started.body).toMatchObject({ state: 'in_progress', startedAt: clock.now().toISOString() });

      const checklist = await apiAs(ctx, officeHead).get(`/audits/${auditId}/checklist`);
      expect(checklist.status).toBe(200);
      items = checklist.body.items;
      expect(
        items.map((i) => [i.position, i.kind, i.clause, i.documentId, i.documentVersionId, i.sample]),
      ).toEqual([
        [1, 'clause', '7.5', null, null, null],
        [2, 'clause', '9.2', null, null, null],
        [3, 'procedure', null, procedure.id, procedure.versionId, null],
      ]);
      expect(items[0].question).toMatch(
        /^Điều khoản 7\.5 — .+: đơn vị có đáp ứng các yêu cầu của điều khoản này không\?$/,
      );
      expect(items[2].question).toBe(
        'Quy trình QT-TTHC-01 — Quy trình cấp phiếu lý lịch tư pháp có được tuân thủ không?',
      );

      const edit = await apiAs(ctx, secretary).patch(`/audits/${auditId}`, { title: 'Muộn' }, '"7"');
      expect(edit.status).toBe(409);
      expect(edit.body.code).toBe('AUDIT_NOT_EDITABLE');
      const twice = await apiAs(ctx, lead).post(`/audits/${auditId}/start`);
      expect(twice.status).toBe(409);
      expect(twice.body.code).toBe('AUDIT_INVALID_TRANSITION');
    });

    it('the team answers items with a sample and evidence files; others may not', async () => {
      const item = items[2];
      const path = `/audits/${auditId}/checklist/${item.id}`;
      // Every write under the audit moves its version (the report's ETag).
      const auditTag = async () => (await apiAs(ctx, lead).get(`/audits/${auditId}`)).headers.etag;
      expect(await auditTag()).toBe('"7"');
      const answered = await apiAs(ctx, member).patch(
        path,
        { answer: 'nonconform', notes: 'Hồ sơ LLTP-002 trả trễ hạn', sample: 'LLTP-001, LLTP-002' },
        `"${item.version}"`,
      );
      expect(answered.status).toBe(200);
      expect(answered.body).toMatchObject({
        answer: 'nonconform',
        answerLabel: 'Không phù hợp',
        sample: 'LLTP-001, LLTP-002',
        answeredBy: member.id,
        version: 2,
      });
      expect(answered.headers.etag).toBe('"2"');
      const stale = await apiAs(ctx, lead).patch(path, { answer: 'conform' }, `"${item.version}"`);
      expect(stale.status).toBe(412);
      // The same answer again changes nothing: no new version, no trail entry.
      const unchanged = await apiAs(ctx, lead).patch(
        path,
        { answer: 'nonconform', sample: ' LLTP-001, LLTP-002 ' },
        '"2"',
      );
      expect(unchanged.status).toBe(200);
      expect(unchanged.body).toMatchObject({ version: 2, answeredBy: member.id });
      expect(unchanged.headers.etag).toBe('"2"');
      expect(await auditTag()).toBe('"8"');

      const outsider = await ctx.newUser({
        roles: [Role.Auditor],
        agencyId: agency.id,
        orgUnitId: inspection.id,
      });
      const notTeam = await apiAs(ctx, outsider).patch(path, { answer: 'conform' }, '"2"');
      expect(notTeam.status).toBe(403);
      expect(notTeam.body.code).toBe('AUDIT_NOT_TEAM_MEMBER');
      expect((await apiAs(ctx, secretary).patch(path, { answer: 'conform' }, '"2"')).status).toBe(403);

      const bytes = await samplePdf('bang-chung');
      const up = await apiAs(ctx, member).upload(`${path}/files`, 'Sổ theo dõi hồ sơ.pdf', bytes);
      expect(up.status).toBe(201);
      expect(up.body).toMatchObject({ name: 'Sổ theo dõi hồ sơ.pdf', sha256: sha256(bytes) });
      expect(await auditTag()).toBe('"9"');
      expect((await apiAs(ctx, outsider).upload(`${path}/files`, 'x.pdf', bytes)).status).toBe(403);
      const download = await apiAs(ctx, officeHead).binary(`${path}/files/${up.body.id}`);
      expect(download.status).toBe(200);
      expect(sha256(download.body as Buffer)).toBe(sha256(bytes));
      const wrong = await apiAs(ctx, member).upload(`${path}/files`, 'Nhầm tệp.pdf', await samplePdf('nham'));
      expect(wrong.status).toBe(201);
      expect((await apiAs(ctx, outsider).del(`${path}/files/${wrong.body.id}`)).status).toBe(403);
      expect((await apiAs(ctx, member).del(`${path}/files/${wrong.body.id}`)).status).toBe(204);
      expect((await apiAs(ctx, member).get(`${path}/files/${wrong.body.id}`)).status).toBe(404);
      const kept = await apiAs(ctx, officeHead).get(`${path}/files`);
      expect(kept.body.items.map((f: { id: string }) => f.id)).toEqual([up.body.id]);
      // An item of this audit under another audit's path, or an unknown item: 404.
      expect((await apiAs(ctx, member).get(`/audits/${auditId}/checklist/${programmeId}/files`)).status).toBe(
        404,
      );

      expect(await auditActions(ctx, auditId)).toEqual([
        'audit.planned',
        'audit.updated',
        'audit.updated',
        'audit.plan_issued',
        'audit.updated',
        'audit.plan_issued',
        'audit.started',
        'audit.checklist_answered',
      ]);
      expect(await auditActions(ctx, item.id)).toEqual([
        'audit_checklist_file.uploaded',
        'audit_checklist_file.uploaded',
        'audit_checklist_file.deleted',
      ]);
    });
  });

  it('prints the programme: official heading, number, entries with their audits, signers', async () => {
    const json = await apiAs(ctx, officeHead).get(`/audit-programmes/${programmeId}/register`);
    expect(json.status).toBe(200);
    expect(json.body.entries).toEqual([
      expect.objectContaining({
        no: 1,
        subject: 'Văn phòng Sở',
        riskLevelLabel: 'Cao',
        plannedMonths: [3, 9],
        audits: [
          expect.objectContaining({
            id: auditId,
            number: '01/2027',
            startDate: '2027-03-10',
            endDate: '2027-03-12',
            leadAuditor: 'Nguyễn Văn Trưởng Đoàn',
          }),
        ],
      }),
      expect.objectContaining({ no: 2, subject: 'Tiếp nhận và trả kết quả hồ sơ TTHC', audits: [] }),
    ]);

    const xlsx = await apiAs(ctx, officeHead).binary(`/audit-programmes/${programmeId}/register?format=xlsx`);
    expect(xlsx.status).toBe(200);
    expect(decodeURIComponent(xlsx.headers['content-disposition'])).toContain(
      "filename*=UTF-8''Chương trình đánh giá nội bộ năm 2027.xlsx",
    );
    const workbook = new Workbook();
    await workbook.xlsx.load(xlsx.body as Parameters<typeof workbook.xlsx.load>[0]);
    const cells = workbook.worksheets[0]
      .getSheetValues()
      .flat()
      .filter((v) => typeof v === 'string');
    expect(cells).toEqual(
      expect.arrayContaining([
        'CHƯƠNG TRÌNH ĐÁNH GIÁ NỘI BỘ NĂM 2027',
        'Đơn vị/quá trình',
        'Văn phòng Sở',
        'Cao',
        'T3, T9',
        'Số 01/2027: 10/03/2027–12/03/2027, trưởng đoàn Nguyễn Văn Trưởng Đoàn',
        'Tiếp nhận và trả kết quả hồ sơ TTHC',
      ]),
    );

    const pdf = await apiAs(ctx, officeHead).binary(`/audit-programmes/${programmeId}/register?format=pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const lines = (await extractPdfText(pdf.body as Buffer, { layout: true }))
      .split('\n')
      .map((line) => line.replace(/\s+/g, ' ').trim())
      .filter(Boolean);
    // Read back line by line: heading, number with the agency's ký hiệu, place and date, the
    // programme's texts, one row per line with the audits planned under it, the two signers.
    expect(lines).toEqual([
      'SỞ TƯ PHÁP TỈNH KON TUM CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      `Số: 01/CT-STP ${placeDateLine('Kon Tum', todayInVietnam(clock.now()))}`,
      'CHƯƠNG TRÌNH ĐÁNH GIÁ NỘI BỘ NĂM 2027',
      'Chương trình đánh giá nội bộ năm 2027',
      'Mục tiêu: Xác định mức độ phù hợp và hiệu lực của HTQLCL',
      'Chuẩn mực đánh giá: TCVN ISO 9001:2015; các quy trình ISO của Sở',
      'Tiêu chuẩn áp dụng: TCVN ISO 9001:2015',
      'STT Đơn vị/quá trình Mức rủi ro Số lần/năm Tháng dự kiến Cuộc đánh giá đã lập kế hoạch Ghi chú',
      '1 Văn phòng Sở Cao 2 T3, T9 Số 01/2027: 10/03/2027–12/03/2027, trưởng đoàn',
      'Nguyễn Văn Trưởng Đoàn',
      '2 Tiếp nhận và trả kết quả hồ sơ TTHC Trung bình 1 T6',
      'NGƯỜI LẬP GIÁM ĐỐC SỞ',
      'Phạm Thị Thư Ký Hoàng Văn Giám Đốc',
      'Lập bởi hệ thống eISO lúc 09:00 01/03/2027 Trang 1/1',
    ]);
  });

  // uq_audit_programme_agency_year and uq_audit_agency_year_serial under concurrent requests.
  it('races: one programme per agency and year; audits planned at once take serials apart', async () => {
    const programmes = await raceAtTableLock(ctx.db.url, 'audit_programme', 6, (i) =>
      apiAs(ctx, i % 2 ? secretary : lead).post('/audit-programmes', {
        year: 2029,
        title: `Chương trình năm 2029 (${i})`,
        objectives: 'Đánh giá HTQLCL',
        criteria: 'TCVN ISO 9001:2015',
        entries: [],
      }),
    );
    expectOneWinner(programmes, 'AUDIT_PROGRAMME_YEAR_TAKEN');

    const audits = await race(5, (i) =>
      apiAs(ctx, secretary).post('/audits', {
        programmeId,
        title: `Đánh giá theo điều khoản ${i + 1}`,
        orgUnitIds: [],
        clauses: ['9.2'],
        procedureDocumentIds: [],
        startDate: '2027-10-01',
        endDate: '2027-10-02',
        leadAuditorId: deskAuditor.id,
        teamIds: [],
      }),
    );
    expect(audits.map((r) => r.status)).toEqual([201, 201, 201, 201, 201]);
    expect(audits.map((r) => r.body.number as string).sort()).toEqual([
      '02/2027',
      '03/2027',
      '04/2027',
      '05/2027',
      '06/2027',
    ]);
  });

  it('another agency sees none of it, and writes nothing', async () => {
    const item = items[0];
    for (const path of [
      `/audit-programmes/${programmeId}`,
      `/audit-programmes/${programmeId}/register`,
      `/audits/${auditId}`,
      `/audits/${auditId}/checklist`,
      `/audits/${auditId}/checklist/${item.id}`,
      `/audits/${auditId}/checklist/${item.id}/files`,
    ]) {
      expect([path, (await apiAs(ctx, foreign).get(path)).status]).toEqual([path, 404]);
    }
    for (const path of ['/audits', '/audit-programmes']) {
      const res = await apiAs(ctx, foreign).get(path);
      expect([path, res.status, res.body.total]).toEqual([path, 200, 0]);
    }
    expect(
      (
        await apiAs(ctx, foreign).patch(
          `/audit-programmes/${programmeId}`,
          { title: 'Chương trình khác' },
          '"1"',
        )
      ).status,
    ).toBe(404);
    expect((await apiAs(ctx, foreign).post(`/audits/${auditId}/issue-plan`)).status).toBe(404);
    expect((await apiAs(ctx, foreign).post(`/audits/${auditId}/start`)).status).toBe(404);
    expect(
      (
        await apiAs(ctx, foreign).patch(
          `/audits/${auditId}/checklist/${item.id}`,
          { answer: 'conform' },
          '"1"',
        )
      ).status,
    ).toBe(404);
    const planned = await apiAs(ctx, foreign).post('/audits', {
      programmeId,
      title: 'Đánh giá chéo',
      orgUnitIds: [],
      clauses: ['9.2'],
      procedureDocumentIds: [],
      startDate: '2027-04-01',
      endDate: '2027-04-02',
      leadAuditorId: foreign.id,
      teamIds: [],
    });
    expect(planned.status).toBe(404);
    expect(planned.body.code).toBe('AUDIT_PROGRAMME_NOT_FOUND');
  });
});

import { randomUUID } from 'node:crypto';
import { Role } from '@eiso/common';
import { extractPdfText } from '@eiso/pdf/testing';
import { apiAs } from '../support/api-as';
import { answerChecklist, auditInProgress, ChecklistItem } from '../support/audit-flow';
import { auditActions } from '../support/audit-actions';
import { samplePdf, sha256 } from '../support/files';
import { FixedClock } from '../support/fixed-clock';
import { createTestContext, TestAgency, TestContext, TestUser, USER_PASSWORD } from '../support/test-app';

interface Finding {
  id: string;
  number: string;
  type: string;
  clause: string;
  clauseTitle: string | null;
  orgUnitName: string | null;
  version: number;
  nonconformity: { id: string; number: string } | null;
}

/**
 * Findings of an internal audit, the report signed by the lead auditor (nonconformities raised in
 * the same transaction, the PDF in the official layout) and closing the audit once every
 * nonconformity has a corrective action being verified or closed; refusals and another agency.
 */
describe('audit findings, report and close', () => {
  const clock = new FixedClock(new Date('2027-03-11T02:00:00Z'));
  let ctx: TestContext;
  let agency: TestAgency;
  let unitA: { id: string; name: string };
  let unitB: { id: string; name: string };
  let unitOut: { id: string; name: string };
  let lead: TestUser;
  let member: TestUser;
  let outsider: TestUser;
  let secretary: TestUser;
  let director: TestUser;
  let unitHead: TestUser;
  let staff: TestUser;
  let foreign: TestUser;
  let auditId: string;
  let items: ChecklistItem[];
  const findings: Record<string, Finding> = {};
  let evidence: Buffer;
  let nonconformities: { id: string; number: string; findingNumber: string }[];

  const path = (rest = '') => `/audits/${auditId}${rest}`;
  const inbox = async (user: TestUser, kind: string) =>
    (
      (await apiAs(ctx, user).get('/notifications?pageSize=100')).body.items as {
        kind: string;
        title: string;
        body: string;
      }[]
    ).filter((n) => n.kind === kind);

  beforeAll(async () => {
    ctx = await createTestContext({}, { clock });
    const province = await ctx.newAgency({
      name: 'Ủy ban nhân dân tỉnh Kon Tum',
      level: 'province',
      place: 'Kon Tum',
    });
    agency = await ctx.newAgency({ name: 'Sở Tư pháp', parentId: province.id, abbreviation: 'STP' });
    unitA = await ctx.newOrgUnit(agency.id, 'Phòng Hành chính tư pháp');
    unitB = await ctx.newOrgUnit(agency.id, 'Văn phòng Sở');
    unitOut = await ctx.newOrgUnit(agency.id, 'Phòng Bổ trợ tư pháp');
    const inspection = await ctx.newOrgUnit(agency.id, 'Thanh tra Sở');
    const person = (roles: Role[], fullName: string, position: string, orgUnitId?: string) =>
      ctx.newUser({ roles, agencyId: agency.id, fullName, position, orgUnitId });
    lead = await person([Role.Auditor], 'Lê Thị Hồng', 'Chánh Thanh tra', inspection.id);
    member = await person([Role.Auditor], 'Đỗ Văn Nam', 'Thanh tra viên', inspection.id);
    outsider = await person([Role.Auditor], 'Ngô Văn Khác', 'Thanh tra viên', inspection.id);
    secretary = await person([Role.IsoSecretary], 'Phạm Thị Thư', 'Chánh Văn phòng', unitB.id);
    director = await person([Role.Approver], 'Trần Quốc Hùng', 'Giám đốc');
    unitHead = await person([Role.Reviewer], 'Vũ Thị Lan', 'Trưởng phòng', unitA.id);
    staff = await person([Role.Staff], 'Hà Văn Sơn', 'Chuyên viên', unitA.id);
    const other = await ctx.newAgency({ name: 'Sở Y tế', abbreviation: 'SYT' });
    foreign = await ctx.newUser({ roles: [Role.Auditor, Role.IsoSecretary], agencyId: other.id });
    ({ auditId, items } = await auditInProgress(ctx, secretary, {
      title: 'Đánh giá nội bộ đợt 1 năm 2027',
      orgUnitIds: [unitA.id, unitB.id],
      clauses: ['7.5', '8.5'],
      lead,
      team: [member],
    }));
    evidence = await samplePdf('so-theo-doi-ho-so');
  });
  afterAll(() => ctx?.close());

  it('records findings within the scope, numbered in the audit, and refuses the rest naming why', async () => {
    const created = await apiAs(ctx, member).post(path('/findings'), {
      type: 'major_nc',
      clause: '8.5.1',
      orgUnitId: unitA.id,
      checklistItemId: items[1].id,
      statement: 'Ba hồ sơ cấp Phiếu lý lịch tư pháp trả kết quả trễ hạn, không có văn bản xin lỗi.',
      evidence: 'Sổ theo dõi hồ sơ tháng 02/2027: hồ sơ LLTP-002, LLTP-005, LLTP-009',
    });
    expect(created.status).toBe(201);
    expect(created.headers.etag).toBe('"1"');
    expect(created.body).toMatchObject({
      number: 'PH-01',
      type: 'major_nc',
      typeLabel: 'Không phù hợp nặng',
      clause: '8.5.1',
      clauseTitle: 'Kiểm soát sản xuất và cung cấp dịch vụ',
      orgUnitName: 'Phòng Hành chính tư pháp',
      createdByName: 'Đỗ Văn Nam',
      nonconformity: null,
    });
    findings.major = created.body;
    const add = async (key: string, body: object) => {
      const res = await apiAs(ctx, lead).post(path('/findings'), body);
      expect(res.status).toBe(201);
      findings[key] = res.body;
    };
    await add('minor', {
      type: 'minor_nc',
      clause: '7.5',
      orgUnitId: unitB.id,
      statement: 'Danh mục hồ sơ 2027 chưa được duyệt.',
    });
    await add('observation', { type: 'observation', clause: '7.5', statement: 'Sổ công văn đến ghi tay.' });
    await add('ofi', {
      type: 'ofi',
      clause: '8.5',
      orgUnitId: unitB.id,
      statement: 'Nên số hóa sổ công văn.',
    });
    expect(Object.values(findings).map((f) => f.number)).toEqual(['PH-01', 'PH-02', 'PH-03', 'PH-04']);

    const base = { type: 'minor_nc', statement: 'Thử' };
    const outOfScope = await apiAs(ctx, member).post(path('/findings'), { ...base, clause: '9.2' });
    expect(outOfScope.status).toBe(422);
    expect(outOfScope.body.code).toBe('AUDIT_FINDING_CLAUSE_INVALID');
    expect(outOfScope.body.message).toBe(
      'Điều khoản 9.2 không thuộc phạm vi của cuộc đánh giá (các điều khoản 7.5, 8.5 và các điều khoản con của chúng).',
    );
    const unknown = await apiAs(ctx, member).post(path('/findings'), { ...base, clause: '8.9' });
    expect(unknown.status).toBe(422);
    expect(unknown.body.message).toBe(
      'Điều khoản 8.9 không có trong tiêu chuẩn TCVN ISO 9001:2015 mà cuộc đánh giá áp dụng.',
    );
    const unit = await apiAs(ctx, member).post(path('/findings'), {
      ...base,
      clause: '7.5',
      orgUnitId: unitOut.id,
    });
    expect(unit.status).toBe(422);
    expect(unit.body.code).toBe('AUDIT_FINDING_ORG_UNIT_OUT_OF_SCOPE');
    expect(unit.body.message).toBe(
      'Đơn vị "Phòng Bổ trợ tư pháp" không thuộc phạm vi của cuộc đánh giá (Phòng Hành chính tư pháp, Văn phòng Sở).',
    );
    const item = await apiAs(ctx, member).post(path('/findings'), {
      ...base,
      clause: '7.5',
      checklistItemId: randomUUID(),
    });
    expect(item.status).toBe(422);
    expect(item.body.code).toBe('AUDIT_FINDING_CHECKLIST_ITEM_INVALID');

    const notTeam = await apiAs(ctx, outsider).post(path('/findings'), { ...base, clause: '7.5' });
    expect(notTeam.status).toBe(403);
    expect(notTeam.body.code).toBe('AUDIT_NOT_TEAM_MEMBER');
    expect((await apiAs(ctx, secretary).post(path('/findings'), { ...base, clause: '7.5' })).status).toBe(
      403,
    );
    const missing = await apiAs(ctx, member).post(path('/findings'), { type: 'minor_nc', clause: '7.5' });
    expect(missing.status).toBe(400);
    const blank = await apiAs(ctx, member).post(path('/findings'), {
      ...base,
      clause: '7.5',
      statement: '   ',
    });
    expect(blank.status).toBe(400);

    // An auditor records nothing on their own unit (moved there since planning), nor above or under it.
    await ctx.sql('UPDATE app_user SET org_unit_id = $1 WHERE id = $2', [unitA.id, member.id]);
    const own = await apiAs(ctx, member).post(path('/findings'), {
      ...base,
      clause: '7.5',
      orgUnitId: unitA.id,
    });
    expect(own.status).toBe(422);
    expect(own.body.code).toBe('AUDIT_AUDITOR_NOT_INDEPENDENT');
    expect(own.body.message).toContain(
      'Đỗ Văn Nam thuộc Phòng Hành chính tư pháp: đánh giá viên không được ghi phát hiện cho "Phòng Hành chính tư pháp"',
    );
    const sub = await ctx.newOrgUnit(agency.id, 'Tổ một cửa của phòng');
    await ctx.sql('UPDATE org_unit SET parent_id = $1 WHERE id = $2', [unitA.id, sub.id]);
    await ctx.sql('UPDATE app_user SET org_unit_id = $1 WHERE id = $2', [sub.id, member.id]);
    const above = await apiAs(ctx, member).post(path('/findings'), {
      ...base,
      clause: '7.5',
      orgUnitId: unitA.id,
    });
    expect(above.status).toBe(422);
    expect(above.body.message).toContain(
      'Đỗ Văn Nam thuộc Tổ một cửa của phòng, trực thuộc Phòng Hành chính tư pháp',
    );
    const inspection = await ctx.sql<{ org_unit_id: string }>(
      'SELECT org_unit_id FROM app_user WHERE id = $1',
      [lead.id],
    );
    await ctx.sql('UPDATE app_user SET org_unit_id = $1 WHERE id = $2', [
      inspection[0].org_unit_id,
      member.id,
    ]);
    expect((await ctx.sql('SELECT count(*)::int AS n FROM audit_finding'))[0]).toEqual({ n: 4 });

    // Two findings at once: serials are drawn under the audit's lock, so both are numbered apart.
    const raced = await Promise.all(
      ['Ghi chép A', 'Ghi chép B'].map((statement) =>
        apiAs(ctx, lead).post(path('/findings'), { type: 'ofi', clause: '7.5', statement }),
      ),
    );
    expect(raced.map((r) => r.status)).toEqual([201, 201]);
    expect(raced.map((r) => (r.body as Finding).number).sort()).toEqual(['PH-05', 'PH-06']);
    for (const r of raced)
      expect((await apiAs(ctx, lead).del(path(`/findings/${r.body.id}`))).status).toBe(204);
  });

  it('lists, filters, edits against the version read, and deletes findings with their files', async () => {
    const list = async (query = '') =>
      ((await apiAs(ctx, unitHead).get(path(`/findings${query}`))).body.items as Finding[]).map(
        (f) => f.number,
      );
    expect(await list()).toEqual(['PH-01', 'PH-02', 'PH-03', 'PH-04']);
    expect(await list('?clause=8.5')).toEqual(['PH-01', 'PH-04']);
    expect(await list('?type=minor_nc')).toEqual(['PH-02']);
    expect(await list(`?orgUnitId=${unitB.id}`)).toEqual(['PH-02', 'PH-04']);

    const p = path(`/findings/${findings.observation.id}`);
    expect((await apiAs(ctx, member).patch(p, { evidence: 'Sổ công văn đến 2027' })).status).toBe(428);
    expect((await apiAs(ctx, member).patch(p, { evidence: 'x' }, '"7"')).status).toBe(412);
    const edited = await apiAs(ctx, member).patch(
      p,
      { evidence: 'Sổ công văn đến 2027', orgUnitId: unitB.id },
      '"1"',
    );
    expect(edited.status).toBe(200);
    expect(edited.headers.etag).toBe('"2"');
    expect(edited.body).toMatchObject({
      evidence: 'Sổ công văn đến 2027',
      orgUnitName: 'Văn phòng Sở',
      version: 2,
    });
    const wrongClause = await apiAs(ctx, member).patch(p, { clause: '10.2' }, '"2"');
    expect(wrongClause.status).toBe(422);

    const files = path(`/findings/${findings.major.id}/files`);
    const up = await apiAs(ctx, member).upload(files, 'so-theo-doi-ho-so.pdf', evidence);
    expect(up.status).toBe(201);
    expect(up.body).toMatchObject({ name: 'so-theo-doi-ho-so.pdf', sha256: sha256(evidence) });
    const extra = await apiAs(ctx, lead).upload(files, 'ban-chup.pdf', await samplePdf('ban-chup'));
    expect(extra.status).toBe(201);
    expect((await apiAs(ctx, lead).del(`${files}/${extra.body.id}`)).status).toBe(204);
    const listed = await apiAs(ctx, unitHead).get(files);
    expect(listed.body.map((f: { name: string }) => f.name)).toEqual(['so-theo-doi-ho-so.pdf']);
    const download = await apiAs(ctx, unitHead).binary(`${files}/${up.body.id}`);
    expect(download.status).toBe(200);
    expect(sha256(download.body as Buffer)).toBe(sha256(evidence));

    const ofiFiles = path(`/findings/${findings.ofi.id}/files`);
    const ofiFile = await apiAs(ctx, member).upload(ofiFiles, 'de-xuat.pdf', await samplePdf('de-xuat'));
    expect(ofiFile.status).toBe(201);
    expect((await apiAs(ctx, staff).del(path(`/findings/${findings.ofi.id}`))).status).toBe(403);
    expect((await apiAs(ctx, member).del(path(`/findings/${findings.ofi.id}`))).status).toBe(204);
    expect((await apiAs(ctx, member).get(path(`/findings/${findings.ofi.id}`))).body.code).toBe(
      'AUDIT_FINDING_NOT_FOUND',
    );
    const [row] = await ctx.sql<{ deleted: boolean }>(
      'SELECT deleted_at IS NOT NULL AS deleted FROM attachment WHERE id = $1',
      [ofiFile.body.id],
    );
    expect(row.deleted).toBe(true);
    expect(await auditActions(ctx, findings.ofi.id)).toEqual([
      'audit_finding.created',
      'audit_finding_file.uploaded',
      'audit_finding.deleted',
    ]);
    delete findings.ofi;
  });

  it('lets only the lead auditor sign, once every checklist item is answered, with the password', async () => {
    const early = await apiAs(ctx, secretary).binary(path('/report'));
    expect(early.status).toBe(409);
    const body = {
      conclusion: 'Hệ thống quản lý chất lượng được duy trì; cần khắc phục hai điểm không phù hợp.',
    };
    const byMember = await apiAs(ctx, member).post(path('/report'), { ...body, password: USER_PASSWORD });
    expect(byMember.status).toBe(403);
    expect(byMember.body.code).toBe('AUDIT_NOT_LEAD_AUDITOR');
    const blank = await apiAs(ctx, lead).post(path('/report'), {
      conclusion: ' \n ',
      password: USER_PASSWORD,
    });
    expect(blank.status).toBe(400);
    const unanswered = await apiAs(ctx, lead).post(path('/report'), { ...body, password: USER_PASSWORD });
    expect(unanswered.status).toBe(422);
    expect(unanswered.body.code).toBe('AUDIT_CHECKLIST_UNANSWERED');
    expect(unanswered.body.message).toContain(
      `Còn ${items.length} câu hỏi trong danh mục kiểm tra chưa được trả lời: câu 1`,
    );
    await answerChecklist(ctx, member, auditId, items, { '8.5': 'nonconform' });
    // The report signs the audit's rows: a finding written after its ETag was read makes it stale.
    const read = await apiAs(ctx, lead).get(path());
    const temp = await apiAs(ctx, member).post(path('/findings'), {
      type: 'ofi',
      clause: '7.5',
      statement: 'Tạm',
    });
    expect(temp.status).toBe(201);
    const stale = await ctx
      .http()
      .post(`/api/v1${path('/report')}`)
      .set('Authorization', lead.auth)
      .set('If-Match', read.headers.etag)
      .send({ ...body, password: USER_PASSWORD });
    expect(stale.status).toBe(412);
    const beforeDelete = (await apiAs(ctx, lead).get(path())).headers.etag;
    expect((await apiAs(ctx, member).del(path(`/findings/${temp.body.id}`))).status).toBe(204);
    expect((await apiAs(ctx, lead).get(path())).headers.etag).not.toBe(beforeDelete);
    const wrong = await apiAs(ctx, lead).post(path('/report'), { ...body, password: 'Sai-MatKhau-1' });
    expect(wrong.status).toBe(403);
    expect(wrong.body.code).toBe('SIGNATURE_PASSWORD_INVALID');
    expect((await ctx.sql(`SELECT state FROM audit WHERE id = $1`, [auditId]))[0]).toEqual({
      state: 'in_progress',
    });

    clock.set('2027-03-12T08:30:00Z');
    const reported = await apiAs(ctx, lead).post(path('/report'), { ...body, password: USER_PASSWORD });
    expect(reported.status).toBe(200);
    expect(reported.body).toMatchObject({
      number: '01/2027',
      state: 'reported',
      stateLabel: 'Đã báo cáo',
      reportedAt: '2027-03-12T08:30:00.000Z',
      signature: {
        signerName: 'Lê Thị Hồng',
        signerPosition: 'Chánh Thanh tra',
        signedAt: '2027-03-12T08:30:00.000Z',
      },
    });
    nonconformities = reported.body.nonconformities;
    expect(nonconformities.map((n) => [n.findingNumber, n.number])).toEqual([
      ['PH-01', '01/2027'],
      ['PH-02', '02/2027'],
    ]);
    const rows = await ctx.sql(
      'SELECT serial, source, severity, clause, org_unit_id, finding_id, detected_on::text FROM nonconformity ORDER BY serial',
    );
    expect(rows).toEqual([
      {
        serial: 1,
        source: 'audit_finding',
        severity: 'major',
        clause: '8.5.1',
        org_unit_id: unitA.id,
        finding_id: findings.major.id,
        detected_on: '2027-03-12',
      },
      {
        serial: 2,
        source: 'audit_finding',
        severity: 'minor',
        clause: '7.5',
        org_unit_id: unitB.id,
        finding_id: findings.minor.id,
        detected_on: '2027-03-12',
      },
    ]);
    const listed = (await apiAs(ctx, unitHead).get(path('/findings'))).body.items as Finding[];
    expect(listed.map((f) => f.nonconformity?.number ?? null)).toEqual(['01/2027', '02/2027', null]);

    for (const user of [unitHead, director, secretary]) {
      const [notice] = await inbox(user, 'audit.reported');
      expect(notice.title).toBe('Báo cáo đánh giá nội bộ số 01/2027 đã được ký');
      expect(notice.body).toContain('số 01/2027, 02/2027');
    }
    expect(await inbox(staff, 'audit.reported')).toEqual([]);
    expect(await auditActions(ctx, auditId)).toEqual(
      expect.arrayContaining(['audit.started', 'audit.reported']),
    );

    const verified = await apiAs(ctx, director).get(path('/report/verification'));
    expect(verified.status).toBe(200);
    expect(verified.body.signature).toMatchObject({
      contentVerified: true,
      contentHash: reported.body.signature.contentHash,
    });

    // Reported: findings and their files are frozen.
    const late = await apiAs(ctx, lead).post(path('/findings'), {
      type: 'ofi',
      clause: '7.5',
      statement: 'Muộn',
    });
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('AUDIT_NOT_IN_PROGRESS');
    const lateFile = await apiAs(ctx, lead).upload(
      path(`/findings/${findings.major.id}/files`),
      'muon.pdf',
      evidence,
    );
    expect(lateFile.status).toBe(409);
    const again = await apiAs(ctx, lead).post(path('/report'), { ...body, password: USER_PASSWORD });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('AUDIT_INVALID_TRANSITION');
  });

  it('reads the report back as a PDF in the official layout, in exact Vietnamese', async () => {
    const pdf = await apiAs(ctx, director).binary(path('/report'));
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const lines = (await extractPdfText(pdf.body as Buffer, { layout: true }))
      .split('\n')
      .map((line) => line.replace(/\s+/g, ' ').trim())
      .filter(Boolean);
    expect(lines.slice(0, 5)).toEqual([
      'UBND TỈNH KON TUM CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'SỞ TƯ PHÁP Độc lập - Tự do - Hạnh phúc',
      'Số: 01/BC-ĐGNB-STP Kon Tum, ngày 12 tháng 3 năm 2027',
      'BÁO CÁO ĐÁNH GIÁ NỘI BỘ',
      'Cuộc đánh giá số 01/2027: Đánh giá nội bộ đợt 1 năm 2027',
    ]);
    for (const line of [
      '1. Mục tiêu đánh giá',
      '2. Phạm vi đánh giá',
      '- Phòng Hành chính tư pháp',
      '- Văn phòng Sở',
      '- 7.5 Thông tin dạng văn bản',
      '- 8.5 Sản xuất và cung cấp dịch vụ',
      '3. Chuẩn mực đánh giá',
      'Tiêu chuẩn: TCVN ISO 9001:2015.',
      '4. Đoàn đánh giá',
      'Trưởng đoàn: Lê Thị Hồng — Chánh Thanh tra',
      'Thành viên: Đỗ Văn Nam — Thanh tra viên',
      '5. Thời gian đánh giá',
      'Từ ngày 10/03/2027 đến ngày 12/03/2027.',
      '6. Kết quả đánh giá',
      'Tổng số phát hiện: 3 (1 không phù hợp nặng, 1 không phù hợp nhẹ, 1 điểm cần lưu ý).',
      '6.1. Phát hiện theo điều khoản',
      'Điều khoản 7.5 — Thông tin dạng văn bản (1 không phù hợp nhẹ, 1 điểm cần lưu ý)',
      'PH-02 [Không phù hợp nhẹ] — Văn phòng Sở',
      'Danh mục hồ sơ 2027 chưa được duyệt.',
      'Sự không phù hợp số 02/2027',
      'PH-03 [Điểm cần lưu ý] — Văn phòng Sở',
      'Sổ công văn đến ghi tay.',
      'Bằng chứng: Sổ công văn đến 2027',
      'PH-01 [Không phù hợp nặng] — Phòng Hành chính tư pháp',
      'Điều khoản 8.5.1 — Kiểm soát sản xuất và cung cấp dịch vụ (1 không phù hợp nặng)',
      'Sự không phù hợp số 01/2027',
      '6.2. Phát hiện theo đơn vị',
      'Phòng Hành chính tư pháp: 1 không phù hợp nặng (PH-01)',
      'Văn phòng Sở: 1 không phù hợp nhẹ, 1 điểm cần lưu ý (PH-02, PH-03)',
      '7. Kết luận',
      'Hệ thống quản lý chất lượng được duy trì; cần khắc phục hai điểm không phù hợp.',
    ]) {
      expect(lines).toContain(line);
    }
    expect(lines.join(' ')).toContain(
      'Ba hồ sơ cấp Phiếu lý lịch tư pháp trả kết quả trễ hạn, không có văn bản xin lỗi. ' +
        'Bằng chứng: Sổ theo dõi hồ sơ tháng 02/2027: hồ sơ LLTP-002, LLTP-005, LLTP-009 Sự không phù hợp số 01/2027',
    );
    const signer = lines.findIndex((l) => l.endsWith('TRƯỞNG ĐOÀN ĐÁNH GIÁ'));
    expect(signer).toBeGreaterThan(0);
    const tail = lines.slice(signer).join('\n');
    expect(tail).toContain('Ký lúc 15:30 12/03/2027');
    expect(tail).toContain('Lê Thị Hồng');
    const [signature] = await ctx.sql<{ content_hash: string }>(
      `SELECT content_hash FROM signature WHERE subject_type = 'audit_report' AND subject_id = $1`,
      [auditId],
    );
    expect(tail).toContain(`Mã băm nội dung đã ký (SHA-256): ${signature.content_hash}`);
  });

  it('closes only when every nonconformity has a corrective action being verified or closed', async () => {
    const refused = await apiAs(ctx, secretary).post(path('/close'));
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('AUDIT_NONCONFORMITIES_OPEN');
    expect(refused.body.message).toBe(
      'Chưa kết thúc được cuộc đánh giá: sự không phù hợp số 01/2027, 02/2027 chưa có hành động khắc phục ' +
        'ở bước kiểm tra hiệu lực hoặc đã kết thúc.',
    );
    const action = (nonconformityId: string, state: string) =>
      ctx.sql(
        `INSERT INTO corrective_action (id, agency_id, nonconformity_id, state, created_by)
         VALUES ($1, $2, $3, $4, $5)`,
        [randomUUID(), agency.id, nonconformityId, state, unitHead.id],
      );
    await action(nonconformities[0].id, 'verifying');
    await action(nonconformities[1].id, 'in_progress');
    // Only the lead auditor or an ISO secretary closes: another auditor of the agency may not.
    const byMember = await apiAs(ctx, member).post(path('/close'));
    expect(byMember.status).toBe(403);
    expect(byMember.body.code).toBe('AUDIT_CLOSE_NOT_ALLOWED');
    const stillOpen = await apiAs(ctx, lead).post(path('/close'));
    expect(stillOpen.status).toBe(422);
    expect(stillOpen.body.details.nonconformities).toEqual([
      { id: nonconformities[1].id, number: '02/2027', state: 'in_progress' },
    ]);
    await ctx.sql(`UPDATE corrective_action SET state = 'closed' WHERE nonconformity_id = $1`, [
      nonconformities[1].id,
    ]);

    expect((await apiAs(ctx, foreign).post(path('/close'))).status).toBe(404);
    expect((await apiAs(ctx, staff).post(path('/close'))).status).toBe(403);
    clock.set('2027-06-20T03:00:00Z');
    const closed = await apiAs(ctx, lead).post(path('/close'));
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({
      state: 'closed',
      stateLabel: 'Đã kết thúc',
      closedAt: '2027-06-20T03:00:00.000Z',
    });
    expect(closed.headers.etag).toBe(`"${closed.body.version}"`);
    const again = await apiAs(ctx, lead).post(path('/close'));
    expect(again.status).toBe(409);
    const [closedNotice] = await inbox(unitHead, 'audit.closed');
    expect(closedNotice.title).toBe('Cuộc đánh giá nội bộ số 01/2027 đã kết thúc');
    // One action is still being verified: the notice says so, not that every action was checked.
    expect(closedNotice.body).toContain('đang được kiểm tra hiệu lực hoặc đã kết thúc');
    // The report still reads back, and its signature still matches the rows.
    expect((await apiAs(ctx, unitHead).binary(path('/report'))).status).toBe(200);
    expect(
      (await apiAs(ctx, unitHead).get(path('/report/verification'))).body.signature.contentVerified,
    ).toBe(true);
    expect((await apiAs(ctx, staff).get(path('/report/verification'))).status).toBe(403);
  });

  it('shows another agency nothing: every route answers 404', async () => {
    const f = findings.major.id;
    const as = apiAs(ctx, foreign);
    for (const res of [
      await as.get(path('/findings')),
      await as.get(path(`/findings/${f}`)),
      await as.get(path(`/findings/${f}/files`)),
      await as.get(path('/report/verification')),
      await as.post(path('/findings'), { type: 'ofi', clause: '7.5', statement: 'Thử' }),
      await as.patch(path(`/findings/${f}`), { statement: 'Thử' }, '"1"'),
      await as.del(path(`/findings/${f}`)),
    ]) {
      expect({ status: res.status, code: res.body?.code }).toEqual({
        status: 404,
        code: expect.stringMatching(/^AUDIT_(FINDING_)?NOT_FOUND$/),
      });
    }
    expect((await as.binary(path('/report'))).status).toBe(404);
    expect((await as.binary(path(`/findings/${f}/files/${randomUUID()}`))).status).toBe(404);
  });
});

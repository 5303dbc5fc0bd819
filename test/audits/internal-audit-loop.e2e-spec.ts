import { Role } from '@eiso/common';
import { extractPdfText } from '@eiso/pdf/testing';
import { apiAs } from '../support/api-as';
import { auditActions } from '../support/audit-actions';
import {
  approvedVersion,
  DocumentRef,
  effectiveDocument,
  issueVersion,
  newDraftingCircle,
  newRevision,
} from '../support/document-flow';
import { FixedClock } from '../support/fixed-clock';
import { createTestContext, TestAgency, TestContext, TestUser, USER_PASSWORD } from '../support/test-app';

/**
 * The closed loop of ISO 9001 clauses 9.2 and 10.2 on the services profile (PostgreSQL, Redis,
 * S3): programme → audit → checklist → major nonconformity → corrective action → actions done →
 * check "not effective" → rework → verified → closed → audit closed, with the refusals on the way:
 * independence, self-verification, closing too early, closing while the linked procedure has no
 * newer effective version, and another agency.
 */
describe('internal audit loop', () => {
  const clock = new FixedClock(new Date('2027-03-01T02:00:00Z'));
  let ctx: TestContext;
  let agency: TestAgency;
  let audited: { id: string; name: string };
  let auditorsUnit: { id: string; name: string };
  let lead: TestUser;
  let teamMember: TestUser;
  let insideAuditor: TestUser;
  let secretary: TestUser;
  let head: TestUser;
  let unitHead: TestUser;
  let owner: TestUser;
  let foreign: TestUser;
  let procedure: DocumentRef;
  let circle: Awaited<ReturnType<typeof newDraftingCircle>>;
  let programmeId: string;
  let auditId: string;
  let nonconformityId: string;
  let nonconformityNumber: string;
  let correctiveActionId: string;

  const inbox = async (user: TestUser) =>
    (await apiAs(ctx, user).get('/notifications?pageSize=100')).body.items as {
      title: string;
      body: string;
    }[];
  const etagOf = async (user: TestUser, path: string) => (await apiAs(ctx, user).get(path)).headers.etag;

  beforeAll(async () => {
    ctx = await createTestContext({}, { worker: true, clock });
    agency = await ctx.newAgency({ name: 'Sở Tư pháp tỉnh Kon Tum', abbreviation: 'STP', place: 'Kon Tum' });
    audited = await ctx.newOrgUnit(agency.id, 'Phòng Hành chính tư pháp');
    auditorsUnit = await ctx.newOrgUnit(agency.id, 'Thanh tra Sở');
    const member = (roles: Role[], fullName: string, orgUnitId?: string) =>
      ctx.newUser({ roles, agencyId: agency.id, fullName, orgUnitId, position: 'Chuyên viên' });
    lead = await member([Role.Auditor], 'Nguyễn Văn Trưởng', auditorsUnit.id);
    teamMember = await member([Role.Auditor], 'Trần Thị Thành Viên', auditorsUnit.id);
    insideAuditor = await member([Role.Auditor], 'Lê Văn Nội Bộ', audited.id);
    secretary = await member([Role.IsoSecretary], 'Phạm Thị Thư Ký');
    head = await ctx.newUser({
      roles: [Role.Approver],
      agencyId: agency.id,
      fullName: 'Hoàng Văn Giám Đốc',
      position: 'Giám đốc',
    });
    unitHead = await member([Role.Reviewer], 'Vũ Thị Trưởng Phòng', audited.id);
    owner = await member([Role.Staff], 'Đỗ Văn Thực Hiện', audited.id);
    const other = await ctx.newAgency({ name: 'Sở Y tế tỉnh Kon Tum', abbreviation: 'SYT' });
    foreign = await ctx.newUser({ roles: [Role.Auditor, Role.IsoSecretary], agencyId: other.id });
    circle = await newDraftingCircle(ctx, agency.id, audited.id);
    procedure = await effectiveDocument(ctx, circle, 'QT-HT-01', {
      type: 'tthc_procedure',
      title: 'Quy trình cấp phiếu lý lịch tư pháp',
      tthcCodes: ['2.000488'],
    });
  });

  afterAll(() => ctx?.close());

  it('plans the year: a programme, then an audit whose team is independent of its scope', async () => {
    const programme = await apiAs(ctx, secretary).post('/audit-programmes', {
      year: 2027,
      title: 'Chương trình đánh giá nội bộ năm 2027',
      objectives: 'Xác định mức độ phù hợp và hiệu lực của HTQLCL theo TCVN ISO 9001:2015',
      criteria: 'TCVN ISO 9001:2015; các quy trình ISO của Sở',
      entries: [{ orgUnitId: audited.id, riskLevel: 'high', auditsPerYear: 2, plannedMonths: [3, 9] }],
    });
    expect(programme.status).toBe(201);
    programmeId = programme.body.id;

    const plan = {
      programmeId,
      title: 'Đánh giá nội bộ đợt 1 năm 2027',
      orgUnitIds: [audited.id],
      clauses: ['8.5.1', '9.2'],
      procedureDocumentIds: [procedure.id],
      startDate: '2027-03-10',
      endDate: '2027-03-12',
      leadAuditorId: lead.id,
    };
    const notIndependent = await apiAs(ctx, secretary).post('/audits', {
      ...plan,
      teamIds: [insideAuditor.id],
    });
    expect(notIndependent.status).toBe(422);
    expect(notIndependent.body.code).toBe('AUDIT_AUDITOR_NOT_INDEPENDENT');
    expect(notIndependent.body.message).toContain('Phòng Hành chính tư pháp');

    const created = await apiAs(ctx, secretary).post('/audits', { ...plan, teamIds: [teamMember.id] });
    expect(created.status).toBe(201);
    expect(created.body.state).toBe('planned');
    auditId = created.body.id;

    const issued = await apiAs(ctx, secretary).post(`/audits/${auditId}/issue-plan`);
    expect(issued.status).toBe(200);
    const notice = (await inbox(unitHead)).find((n) => n.body.includes('10/03/2027'));
    expect(notice).toBeDefined();
    expect(notice!.body).toContain('12/03/2027');
  });

  it('runs the audit on the checklist made from its scope and logs a major nonconformity', async () => {
    expect((await apiAs(ctx, teamMember).post(`/audits/${auditId}/start`)).status).toBe(403);
    const started = await apiAs(ctx, lead).post(`/audits/${auditId}/start`);
    expect(started.status).toBe(200);
    expect(started.body.state).toBe('in_progress');

    const checklist = await apiAs(ctx, lead).get(`/audits/${auditId}/checklist`);
    expect(checklist.status).toBe(200);
    const items = checklist.body.items as {
      id: string;
      kind: string;
      clause: string | null;
      version: number;
    }[];
    expect(items.map((i) => i.clause ?? i.kind)).toEqual(['8.5.1', '9.2', 'procedure']);
    for (const item of items) {
      const answer = item.clause === '8.5.1' ? 'nonconform' : 'conform';
      const res = await apiAs(ctx, teamMember).patch(
        `/audits/${auditId}/checklist/${item.id}`,
        {
          answer,
          notes: 'Đã kiểm tra',
          ...(item.kind === 'procedure' ? { sample: 'LLTP-001, LLTP-002' } : {}),
        },
        `"${item.version}"`,
      );
      expect(res.status).toBe(200);
    }

    const finding = await apiAs(ctx, teamMember).post(`/audits/${auditId}/findings`, {
      type: 'major_nc',
      clause: '8.5.1',
      orgUnitId: audited.id,
      statement: 'Hồ sơ LLTP-002 trả kết quả trễ hạn 3 ngày, không có văn bản xin lỗi',
      evidence: 'Sổ theo dõi hồ sơ tháng 02/2027',
    });
    expect(finding.status).toBe(201);
  });

  it('the lead auditor signs the report, which raises the nonconformity; the audit cannot close yet', async () => {
    const wrong = await apiAs(ctx, lead).post(`/audits/${auditId}/report`, {
      conclusion: 'HTQLCL được duy trì nhưng còn một điểm không phù hợp nặng.',
      password: 'sai-mat-khau',
    });
    expect([wrong.status, wrong.body.code]).toEqual([403, 'SIGNATURE_PASSWORD_INVALID']);
    const reported = await apiAs(ctx, lead).post(`/audits/${auditId}/report`, {
      conclusion: 'HTQLCL được duy trì nhưng còn một điểm không phù hợp nặng.',
      password: USER_PASSWORD,
    });
    expect(reported.status).toBe(200);
    expect(reported.body.state).toBe('reported');

    const ncs = await apiAs(ctx, secretary).get(`/nonconformities?auditId=${auditId}`);
    expect(ncs.status).toBe(200);
    expect(ncs.body.items).toHaveLength(1);
    nonconformityId = ncs.body.items[0].id;
    nonconformityNumber = ncs.body.items[0].number;
    expect(nonconformityNumber).toBe('01/2027');
    expect(ncs.body.items[0]).toMatchObject({ source: 'audit_finding', severity: 'major', clause: '8.5.1' });
    // The agency head hears of the nonconformity the report raised.
    expect((await inbox(head)).some((n) => `${n.title} ${n.body}`.includes(nonconformityNumber))).toBe(true);

    const pdf = await apiAs(ctx, secretary).binary(`/audits/${auditId}/report`);
    expect(pdf.status).toBe(200);
    const text = await extractPdfText(pdf.body as Buffer, { layout: true });
    for (const line of [
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'SỞ TƯ PHÁP TỈNH KON TUM',
      'BÁO CÁO',
      'Phòng Hành chính tư pháp',
      'Hồ sơ LLTP-002 trả kết quả trễ hạn 3 ngày',
      'Nguyễn Văn Trưởng',
    ]) {
      expect(text).toContain(line);
    }

    const early = await apiAs(ctx, secretary).post(`/audits/${auditId}/close`);
    expect(early.status).toBe(422);
    expect(early.body.code).toBe('AUDIT_NONCONFORMITIES_OPEN');
    expect(early.body.message).toContain(nonconformityNumber);
  });

  it('plans the corrective action: an independent verifier, an action on the procedure', async () => {
    const created = await apiAs(ctx, unitHead).post('/corrective-actions', {
      nonconformityId,
      correction: 'Gửi văn bản xin lỗi công dân có hồ sơ LLTP-002',
      rootCause: 'Quy trình không quy định bước theo dõi hạn trả kết quả',
      whys: ['Trả trễ hạn', 'Không ai theo dõi hạn', 'Quy trình không có bước theo dõi'],
    });
    expect(created.status).toBe(201);
    correctiveActionId = created.body.id;
    const path = `/corrective-actions/${correctiveActionId}`;

    const revise = await apiAs(ctx, unitHead).post(`${path}/actions`, {
      description: 'Sửa quy trình QT-HT-01: thêm bước theo dõi hạn trả kết quả',
      ownerId: secretary.id,
      dueDate: '2027-04-15',
      documentId: procedure.id,
    });
    expect(revise.status).toBe(201);
    const train = await apiAs(ctx, unitHead).post(`${path}/actions`, {
      description: 'Phổ biến quy trình sửa đổi cho cán bộ một cửa',
      ownerId: owner.id,
      dueDate: '2027-04-20',
    });
    expect(train.status).toBe(201);

    // The ISO secretary owns an action: she cannot be the one who checks it worked.
    const selfCheck = await apiAs(ctx, unitHead).patch(
      path,
      { verifierId: secretary.id },
      await etagOf(unitHead, path),
    );
    expect(selfCheck.status).toBe(422);
    expect(selfCheck.body.code).toBe('CORRECTIVE_ACTION_SELF_VERIFICATION');
    const verifier = await apiAs(ctx, unitHead).patch(
      path,
      { verifierId: lead.id },
      await etagOf(unitHead, path),
    );
    expect(verifier.status).toBe(200);

    expect((await apiAs(ctx, unitHead).post(`${path}/plan`)).status).toBe(200);
    expect((await apiAs(ctx, unitHead).post(`${path}/start`)).status).toBe(200);
  });

  it('actions done by their owners move it to verification, which cannot pass too early', async () => {
    const path = `/corrective-actions/${correctiveActionId}`;
    const actions = (await apiAs(ctx, unitHead).get(path)).body.actions as {
      id: string;
      ownerId: string;
    }[];
    const bySecretary = actions.find((a) => a.ownerId === secretary.id)!;
    const byOwner = actions.find((a) => a.ownerId === owner.id)!;
    expect(
      (await apiAs(ctx, owner).post(`${path}/actions/${bySecretary.id}/done`, { note: 'Xong' })).status,
    ).toBe(403);
    clock.set('2027-04-10T02:00:00Z');
    expect(
      (
        await apiAs(ctx, secretary).post(`${path}/actions/${bySecretary.id}/done`, {
          note: 'Đã trình sửa đổi',
        })
      ).status,
    ).toBe(200);
    const done = await apiAs(ctx, owner).post(`${path}/actions/${byOwner.id}/done`, { note: 'Đã phổ biến' });
    expect(done.status).toBe(200);
    const verifying = await apiAs(ctx, lead).get(path);
    expect(verifying.body.state).toBe('verifying');
    expect(verifying.body.verificationDue).toBe('2027-07-09');

    // Every nonconformity of the audit now has its corrective action under verification.
    const tooEarly = await apiAs(ctx, lead).post(`${path}/verification`, {
      effective: true,
      reason: 'Đã ổn',
    });
    expect(tooEarly.status).toBe(422);
    expect(tooEarly.body.code).toBe('CORRECTIVE_ACTION_VERIFICATION_TOO_EARLY');
    expect(tooEarly.body.message).toContain('09/07/2027');
  });

  it('not effective: back to work in a second round, then verified once the procedure is revised', async () => {
    const path = `/corrective-actions/${correctiveActionId}`;
    clock.set('2027-07-12T02:00:00Z');
    const notEffective = await apiAs(ctx, lead).post(`${path}/verification`, {
      effective: false,
      reason: 'Tháng 6/2027 vẫn còn 2 hồ sơ trễ hạn',
    });
    expect(notEffective.status).toBe(200);
    expect(notEffective.body).toMatchObject({ state: 'in_progress', round: 2 });

    const rework = await apiAs(ctx, unitHead).post(`${path}/actions`, {
      description: 'Cài đặt cảnh báo hạn trả kết quả trên phần mềm một cửa',
      ownerId: owner.id,
      dueDate: '2027-08-01',
    });
    expect(rework.status).toBe(201);
    clock.set('2027-07-20T02:00:00Z');
    expect(
      (await apiAs(ctx, owner).post(`${path}/actions/${rework.body.id}/done`, { note: 'Đã cài' })).status,
    ).toBe(200);
    clock.set('2027-10-20T02:00:00Z');

    // The action on QT-HT-01 asked for a revision; none is in force yet.
    const unrevised = await apiAs(ctx, lead).post(`${path}/verification`, {
      effective: true,
      reason: 'Không còn trễ',
    });
    expect(unrevised.status).toBe(422);
    expect(unrevised.body.code).toBe('CORRECTIVE_ACTION_DOCUMENT_NOT_REVISED');
    expect(unrevised.body.message).toContain('QT-HT-01');

    const revision = { id: procedure.id, versionId: await newRevision(ctx, circle.drafter, procedure.id) };
    await approvedVersion(ctx, circle, revision, 'QT-HT-01 lần 2');
    expect((await issueVersion(ctx, circle, revision)).status).toBe(200);

    const verified = await apiAs(ctx, lead).post(`${path}/verification`, {
      effective: true,
      reason: 'Quý III/2027 không còn hồ sơ trễ hạn',
    });
    expect(verified.status).toBe(200);
    expect(verified.body.state).toBe('closed');
    const nc = await apiAs(ctx, secretary).get(`/nonconformities/${nonconformityId}`);
    expect(nc.body.state).toBe('closed');
  });

  it('the audit closes, and its whole history is on the trail', async () => {
    const closed = await apiAs(ctx, secretary).post(`/audits/${auditId}/close`);
    expect(closed.status).toBe(200);
    expect(closed.body.state).toBe('closed');
    expect(await auditActions(ctx, auditId)).toEqual(
      expect.arrayContaining([
        'audit.planned',
        'audit.plan_issued',
        'audit.started',
        'audit.reported',
        'audit.closed',
      ]),
    );
    expect(await auditActions(ctx, correctiveActionId)).toEqual(
      expect.arrayContaining([
        'corrective_action.created',
        'corrective_action.verified',
        'corrective_action.closed',
      ]),
    );
  });

  it('another agency sees none of it', async () => {
    for (const path of [
      `/audit-programmes/${programmeId}`,
      `/audits/${auditId}`,
      `/audits/${auditId}/checklist`,
      `/audits/${auditId}/findings`,
      `/audits/${auditId}/report`,
      `/nonconformities/${nonconformityId}`,
      `/corrective-actions/${correctiveActionId}`,
    ]) {
      expect([path, (await apiAs(ctx, foreign).get(path)).status]).toEqual([path, 404]);
    }
    for (const path of ['/audits', '/nonconformities', '/corrective-actions', '/audit-programmes']) {
      const res = await apiAs(ctx, foreign).get(path);
      expect([path, res.status, res.body.total]).toEqual([path, 200, 0]);
    }
    const write = await apiAs(ctx, foreign).post(`/corrective-actions/${correctiveActionId}/verification`, {
      effective: false,
      reason: 'x',
    });
    expect(write.status).toBe(404);
  });
});

import { Role } from '@eiso/common';
import { apiAs } from './api-as';
import { answerChecklist, auditInProgress } from './audit-flow';
import {
  DraftingCircle,
  effectiveDocument,
  issueVersion,
  approvedVersion,
  newDraftingCircle,
  newRevision,
} from './document-flow';
import { FixedClock } from './fixed-clock';
import { TestContext, TestUser, USER_PASSWORD } from './test-app';

/** Noon in Vietnam on a calendar day. */
export const noonVn = (day: string) => `${day}T05:00:00Z`;

/** The people of an agency who build (and review) a year of its data. */
export interface ReviewPeople {
  agencyId: string;
  unit: { id: string; name: string };
  circle: DraftingCircle;
  /** The approver: the review's chair. */
  chair: TestUser;
  secretary: TestUser;
  head: TestUser;
  auditor: TestUser;
}

/** What `buildReviewYear` made, for the test to compare the compiled inputs with. */
export interface ReviewYear {
  year: number;
  documents: {
    policy: { id: string; code: string };
    procedure: { id: string; code: string };
    withdrawn: { id: string; code: string };
  };
  auditId: string;
  nonconformities: { major: string; minor: string; complaints: string[]; lateDossier: string };
  correctiveActionId: string;
  objectives: { onTrack: string; missed: string };
  risks: { reassessed: string; closed: string; high: string };
}

function ok(res: { status: number; body: unknown }, status: number, what: string): void {
  if (res.status !== status) throw new Error(`${what}: ${res.status} ${JSON.stringify(res.body)}`);
}

/** An agency with a unit and the people a review year needs, named in Vietnamese. */
export async function newReviewPeople(
  ctx: TestContext,
  name: string,
  abbreviation: string,
  place = 'Kon Tum',
): Promise<ReviewPeople> {
  const province = await ctx.newAgency({ name: `Ủy ban nhân dân tỉnh ${place}`, level: 'province', place });
  const agencyId = (await ctx.newAgency({ name, parentId: province.id, abbreviation, place })).id;
  return reviewPeopleIn(ctx, agencyId);
}

/** The same people, with a unit and an inspection office, in an agency that exists already. */
export async function reviewPeopleIn(ctx: TestContext, agencyId: string): Promise<ReviewPeople> {
  const unit = await ctx.newOrgUnit(agencyId, 'Bộ phận Một cửa');
  const inspection = await ctx.newOrgUnit(agencyId, 'Thanh tra Sở');
  const circle = await newDraftingCircle(ctx, agencyId, unit.id);
  const chair = await ctx.newUser({
    roles: [Role.Approver],
    agencyId,
    fullName: 'Trần Quốc Hùng',
    position: 'Giám đốc Sở',
  });
  const auditor = await ctx.newUser({
    roles: [Role.Auditor],
    agencyId,
    fullName: 'Lê Thị Hồng',
    position: 'Chánh Thanh tra',
    orgUnitId: inspection.id,
  });
  return {
    agencyId,
    unit,
    circle: { ...circle, approver: chair },
    chair,
    secretary: circle.secretary,
    head: circle.reviewer,
    auditor,
  };
}

/**
 * A year of an agency's quality data, built through the API with the clock moved through the
 * year (`year`-01-05 to `year+1`-01-05):
 * - documents: the quality policy CS-01 and procedures QT-01 and QT-02 in force on 10/02; QT-02
 *   withdrawn on 05/05; QT-01 lần 2 in force on 01/07 (4 issues, 1 withdrawal);
 * - an internal audit reported on 20/03 with a major NC, a minor NC and an OFI (two nonconformities);
 * - a corrective action on the major NC with one action due 30/04, never done (overdue);
 * - two complaints (10/04, 15/08) and a late dossier (12/09);
 * - objectives: "≥ 98% hồ sơ đúng hạn" quarterly 99, 98.5, 99.5, 99 (on track) and "100% TTHC có
 *   quy trình" yearly 90 (missed);
 * - risks: R1 (3×4 = 12) re-assessed on 01/06 to 2×2 = 4; R2 (2×3) closed on 01/09; R3 (4×5 = 20, high).
 */
export async function buildReviewYear(
  ctx: TestContext,
  clock: FixedClock,
  p: ReviewPeople,
  year = 2026,
): Promise<ReviewYear> {
  const at = (mmdd: string) => clock.set(noonVn(`${year}-${mmdd}`));
  const sec = apiAs(ctx, p.secretary);

  at('01-05');
  const onTrack = await sec.post('/objectives', {
    year,
    statement: '≥ 98% hồ sơ TTHC giải quyết đúng hạn',
    kpiName: 'Tỷ lệ hồ sơ giải quyết đúng hạn',
    unit: '%',
    direction: 'at_least',
    target: 98,
    frequency: 'quarterly',
    ownerOrgUnitId: p.unit.id,
  });
  ok(onTrack, 201, 'objective on track');
  const missed = await sec.post('/objectives', {
    year,
    statement: '100% TTHC có quy trình ISO hiệu lực',
    kpiName: 'Tỷ lệ TTHC có quy trình',
    unit: '%',
    direction: 'at_least',
    target: 100,
    frequency: 'yearly',
    ownerOrgUnitId: p.unit.id,
  });
  ok(missed, 201, 'objective missed');

  at('02-10');
  const policy = await effectiveDocument(ctx, p.circle, 'CS-01', {
    type: 'policy',
    title: 'Chính sách chất lượng',
  });
  const procedure = await effectiveDocument(ctx, p.circle, 'QT-01', { title: 'Quy trình tiếp nhận hồ sơ' });
  const withdrawn = await effectiveDocument(ctx, p.circle, 'QT-02', { title: 'Quy trình lưu trữ hồ sơ' });

  at('03-01');
  const risk = (description: string, likelihood: number, impact: number) =>
    sec.post('/risks', {
      kind: 'risk',
      context: 'internal_issue',
      description,
      likelihood,
      impact,
      treatment: 'Theo dõi hằng tháng',
      ownerOrgUnitId: p.unit.id,
      reviewDate: `${year}-12-01`,
    });
  const r1 = await risk('Hồ sơ tồn đọng cuối năm', 3, 4);
  ok(r1, 201, 'risk 1');
  const r2 = await risk('Thiếu cán bộ một cửa khi nghỉ phép', 2, 3);
  ok(r2, 201, 'risk 2');
  const r3 = await risk('Hệ thống một cửa điện tử gián đoạn', 4, 5);
  ok(r3, 201, 'risk 3');

  at('03-10');
  const { auditId, items } = await auditInProgress(ctx, p.secretary, {
    year,
    title: `Đánh giá nội bộ đợt 1 năm ${year}`,
    orgUnitIds: [p.unit.id],
    clauses: ['7.5', '8.5'],
    startDate: `${year}-03-10`,
    endDate: `${year}-03-12`,
    lead: p.auditor,
  });
  const lead = apiAs(ctx, p.auditor);
  for (const finding of [
    { type: 'major_nc', clause: '8.5', orgUnitId: p.unit.id, statement: 'Ba hồ sơ trả kết quả trễ hạn.' },
    { type: 'minor_nc', clause: '7.5', orgUnitId: p.unit.id, statement: 'Danh mục hồ sơ chưa được duyệt.' },
    { type: 'ofi', clause: '8.5', statement: 'Nên số hóa sổ theo dõi hồ sơ.' },
  ]) {
    ok(await lead.post(`/audits/${auditId}/findings`, finding), 201, 'finding');
  }
  await answerChecklist(ctx, p.auditor, auditId, items);
  at('03-20');
  const reported = await lead.post(`/audits/${auditId}/report`, {
    conclusion: 'Hệ thống được duy trì; cần khắc phục hai điểm không phù hợp.',
    password: USER_PASSWORD,
  });
  ok(reported, 200, 'audit report');
  const raised = reported.body.nonconformities as { id: string; number: string }[];
  const [major, minor] = raised.map((n) => n.id);

  at('04-10');
  const opened = await apiAs(ctx, p.head).post('/corrective-actions', {
    nonconformityId: major,
    correction: 'Đã trả kết quả và xin lỗi công dân.',
  });
  ok(opened, 201, 'corrective action');
  ok(
    await apiAs(ctx, p.head).post(`/corrective-actions/${opened.body.id}/actions`, {
      description: 'Bổ sung bước kiểm tra thời hạn vào quy trình QT-01',
      ownerId: p.head.id,
      dueDate: `${year}-04-30`,
    }),
    201,
    'corrective action task',
  );
  const complaint = (ref: string, detectedOn: string, title: string) =>
    sec.post('/nonconformities', {
      source: 'complaint',
      severity: 'minor',
      title,
      description: `${title} (phản ánh ${ref}).`,
      complaintRef: ref,
      complainant: 'Nguyễn Văn An',
      detectedOn,
    });
  const c1 = await complaint('PA-01', `${year}-04-10`, 'Công dân phản ánh thái độ tiếp đón');
  ok(c1, 201, 'complaint 1');

  at('05-05');
  ok(
    await apiAs(ctx, p.chair).post(`/documents/${withdrawn.id}/withdraw`, {
      password: USER_PASSWORD,
      reason: 'Gộp vào quy trình QT-01',
    }),
    200,
    'withdraw',
  );

  at('06-01');
  ok(
    await sec.post(`/risks/${r1.body.id}/assessments`, {
      likelihood: 2,
      impact: 2,
      note: 'Đã bổ sung nhân lực',
    }),
    201,
    'reassessment',
  );

  at('07-01');
  const revision = await newRevision(
    ctx,
    p.circle.drafter,
    procedure.id,
    'Quy trình tiếp nhận và trả kết quả hồ sơ',
  );
  await approvedVersion(ctx, p.circle, { id: procedure.id, versionId: revision }, 'QT-01-2');
  ok(await issueVersion(ctx, p.circle, { id: procedure.id, versionId: revision }), 200, 'revision issue');

  at('08-15');
  const c2 = await complaint('PA-02', `${year}-08-15`, 'Công dân phản ánh giấy hẹn ghi sai ngày');
  ok(c2, 201, 'complaint 2');

  at('09-01');
  ok(
    await sec.post(`/risks/${r2.body.id}/close`, { reason: 'Đã bố trí cán bộ dự phòng' }),
    200,
    'risk close',
  );

  at('09-12');
  const late = await sec.post('/nonconformities/late-dossiers', {
    tthcCode: '1.000948',
    dossierNumber: `000.00.12.H34-${year}0912-0001`,
    daysLate: 2,
    orgUnitId: p.unit.id,
  });
  ok(late, 201, 'late dossier');

  clock.set(noonVn(`${year + 1}-01-05`));
  for (const [period, value] of [
    [`${year}-Q1`, 99],
    [`${year}-Q2`, 98.5],
    [`${year}-Q3`, 99.5],
    [`${year}-Q4`, 99],
  ] as const) {
    ok(
      await sec.post(`/objectives/${onTrack.body.id}/measurements`, { period, value }),
      201,
      `measurement ${period}`,
    );
  }
  ok(
    await sec.post(`/objectives/${missed.body.id}/measurements`, { period: `${year}`, value: 90 }),
    201,
    'measurement',
  );

  return {
    year,
    documents: {
      policy: { id: policy.id, code: policy.code },
      procedure: { id: procedure.id, code: procedure.code },
      withdrawn: { id: withdrawn.id, code: withdrawn.code },
    },
    auditId,
    nonconformities: { major, minor, complaints: [c1.body.id, c2.body.id], lateDossier: late.body.id },
    correctiveActionId: opened.body.id,
    objectives: { onTrack: onTrack.body.id, missed: missed.body.id },
    risks: { reassessed: r1.body.id, closed: r2.body.id, high: r3.body.id },
  };
}

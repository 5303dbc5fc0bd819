import type { ReviewInputs } from '@eiso/management-reviews';
import { extractPdfText } from '@eiso/pdf/testing';
import { auditActions } from '../support/audit-actions';
import { samplePdf, sha256 } from '../support/files';
import { apiAs } from '../support/api-as';
import { FixedClock } from '../support/fixed-clock';
import { raceAtTableLock } from '../support/races';
import { buildReviewYear, newReviewPeople, noonVn, ReviewPeople, ReviewYear } from '../support/review-data';
import { createTestContext, TestContext, TestUser, USER_PASSWORD } from '../support/test-app';
import { Role } from '@eiso/common';

interface Review {
  id: string;
  number: string;
  state: string;
  version: number;
  inputs: ReviewInputs;
  actions: { id: string; version: number; state: string; overdue: boolean }[];
  [key: string]: unknown;
}

/**
 * The management review (ISO 9001 9.3) against a year of data built through the API: every
 * compiled input equals that data exactly, another agency's data never appears, a held review no
 * longer moves, the previous review's actions reach the next one, the minutes PDF reads back with
 * the official heading and the figures in Vietnamese; refusals with their codes.
 */
describe('management reviews', () => {
  const clock = new FixedClock(new Date(noonVn('2026-01-05')));
  let ctx: TestContext;
  let a: ReviewPeople;
  let b: ReviewPeople;
  let data: ReviewYear;
  let dataB: ReviewYear;
  let staffA: TestUser;
  let review: Review;
  let previousActions: { done: string; open: string };

  const base = '/management-reviews';
  const create = (user: TestUser, body: object = {}) =>
    apiAs(ctx, user).post(base, {
      periodFrom: '2026-01-01',
      periodTo: '2026-12-31',
      meetingDate: '2027-01-15',
      place: 'Phòng họp số 1',
      chairId: a.chair.id,
      attendeeIds: [a.secretary.id, a.head.id],
      guests: ['Đại diện Sở Khoa học và Công nghệ'],
      ...body,
    });
  const expectError = (
    res: { status: number; body: { code?: string; message?: unknown } },
    status: number,
    code: string,
  ) => {
    expect({ status: res.status, code: res.body.code }).toEqual({ status, code });
    expect(typeof res.body.message).toBe('string');
  };

  beforeAll(async () => {
    ctx = await createTestContext({}, { clock });
    a = await newReviewPeople(ctx, 'Sở Tư pháp', 'STP');
    b = await newReviewPeople(ctx, 'Sở Y tế', 'SYT', 'Gia Lai');
    staffA = await ctx.newUser({ roles: [Role.Staff], agencyId: a.agencyId });
    data = await buildReviewYear(ctx, clock, a, 2026);
    dataB = await buildReviewYear(ctx, clock, b, 2026);
    clock.set(noonVn('2027-01-10'));
  }, 300_000);
  afterAll(() => ctx?.close());

  it('creates a review in state planned and compiles every input from the period exactly', async () => {
    const res = await create(a.secretary);
    expect(res.status).toBe(201);
    expect(res.headers.etag).toBe(`"${res.body.version}"`);
    review = res.body;
    expect(review).toMatchObject({
      number: '01/2027',
      title: 'Xem xét của lãnh đạo năm 2026',
      state: 'planned',
      stateLabel: 'Đã lập kế hoạch',
      periodFrom: '2026-01-01',
      periodTo: '2026-12-31',
      meetingDate: '2027-01-15',
      chair: { id: a.chair.id, fullName: 'Trần Quốc Hùng', position: 'Giám đốc Sở' },
      guests: ['Đại diện Sở Khoa học và Công nghệ'],
      signature: null,
      actions: [],
    });
    for (const user of [a.chair, a.head]) {
      const inbox = await apiAs(ctx, user).get('/notifications?pageSize=100');
      expect(
        inbox.body.items.filter((n: { kind: string }) => n.kind === 'management_review.planned'),
      ).toEqual([
        expect.objectContaining({
          title: 'Mời họp xem xét của lãnh đạo số 01/2027',
          body: 'Cuộc họp "Xem xét của lãnh đạo năm 2026" dự kiến ngày 15/01/2027 tại Phòng họp số 1. Vui lòng đọc trước các đầu vào đã được tổng hợp.',
          link: `/management-reviews/${review.id}`,
        }),
      ]);
    }
    const i = review.inputs;
    expect(i.from).toBe('2026-01-01');
    expect(i.to).toBe('2026-12-31');
    expect(i.asOf).toBe('2027-01-10');

    // a) the first review: nothing before it.
    expect(i.previousActions).toEqual({
      reviewId: null,
      reviewNumber: null,
      total: 0,
      done: 0,
      open: 0,
      overdue: 0,
      items: [],
    });

    // b) documents: four issues came into force, one document withdrawn.
    expect(i.documentChanges.issued).toEqual([
      issued(
        data.documents.policy.id,
        'CS-01',
        'Chính sách chất lượng',
        'policy',
        'Chính sách chất lượng',
        1,
        '2026-02-10',
      ),
      issued(
        data.documents.procedure.id,
        'QT-01',
        'Quy trình tiếp nhận hồ sơ',
        'procedure',
        'Quy trình',
        1,
        '2026-02-10',
      ),
      issued(
        data.documents.withdrawn.id,
        'QT-02',
        'Quy trình lưu trữ hồ sơ',
        'procedure',
        'Quy trình',
        1,
        '2026-02-10',
      ),
      issued(
        data.documents.procedure.id,
        'QT-01',
        'Quy trình tiếp nhận và trả kết quả hồ sơ',
        'procedure',
        'Quy trình',
        2,
        '2026-07-01',
      ),
    ]);
    expect(i.documentChanges.withdrawn).toEqual([
      {
        documentId: data.documents.withdrawn.id,
        code: 'QT-02',
        title: 'Quy trình lưu trữ hồ sơ',
        type: 'procedure',
        typeLabel: 'Quy trình',
        withdrawnOn: '2026-05-05',
        reason: 'Gộp vào quy trình QT-01',
      },
    ]);
    expect(i.documentChanges.issuedCount).toBe(4);
    expect(i.documentChanges.withdrawnCount).toBe(1);
    expect(i.documentChanges.byType).toEqual([
      { type: 'policy', label: 'Chính sách chất lượng', issued: 1, withdrawn: 0 },
      { type: 'procedure', label: 'Quy trình', issued: 3, withdrawn: 1 },
    ]);

    // h) the policy in force on 31/12.
    expect(i.qualityPolicy).toEqual({
      documentId: data.documents.policy.id,
      code: 'CS-01',
      title: 'Chính sách chất lượng',
      issueNumber: 1,
      versionLabel: 'Lần ban hành 1',
      effectiveFrom: '2026-02-10',
    });

    // c) objectives: one on track (average 99 ≥ 98), one missed (90 < 100).
    expect(i.objectives.total).toBe(2);
    expect(i.objectives.byStatus.map((s: { key: string; count: number }) => [s.key, s.count])).toEqual([
      ['on_track', 1],
      ['at_risk', 0],
      ['missed', 1],
      ['no_data', 0],
    ]);
    const objective = (id: string) => i.objectives.items.find((o) => o.id === id);
    expect(objective(data.objectives.onTrack)).toMatchObject({
      statement: '≥ 98% hồ sơ TTHC giải quyết đúng hạn',
      unit: '%',
      direction: 'at_least',
      target: 98,
      ownerOrgUnitName: 'Bộ phận Một cửa',
      measurements: [
        { period: '2026-Q1', value: 99 },
        { period: '2026-Q2', value: 98.5 },
        { period: '2026-Q3', value: 99.5 },
        { period: '2026-Q4', value: 99 },
      ],
      result: 99,
      status: 'on_track',
    });
    expect(objective(data.objectives.missed)).toMatchObject({
      measurements: [{ period: '2026', value: 90 }],
      result: 90,
      status: 'missed',
    });

    // d) the audit reported on 20/03 with its findings by type.
    expect(i.audits).toEqual({
      total: 1,
      findings: { major_nc: 1, minor_nc: 1, observation: 0, ofi: 1 },
      items: [
        {
          auditId: data.auditId,
          number: '01/2026',
          title: 'Đánh giá nội bộ đợt 1 năm 2026',
          startDate: '2026-03-10',
          endDate: '2026-03-12',
          reportedOn: '2026-03-20',
          leadAuditorName: 'Lê Thị Hồng',
          findings: { major_nc: 1, minor_nc: 1, observation: 0, ofi: 1 },
        },
      ],
    });

    // e) the capa summary of the period, as the capa route answers it, with the figures built.
    const summary = await apiAs(ctx, a.secretary).get(
      '/nonconformities/summary?from=2026-01-01&to=2026-12-31',
    );
    expect(summary.status).toBe(200);
    expect(i.nonconformities).toEqual(summary.body);
    expect(i.nonconformities.total).toBe(5);
    const bySource = Object.fromEntries(
      i.nonconformities.bySource.map((s: { key: string; count: number }) => [s.key, s.count]),
    );
    expect(bySource).toEqual({
      audit_finding: 2,
      complaint: 2,
      late_dossier: 1,
      management_review: 0,
      self: 0,
    });
    expect(i.nonconformities.overdueActions).toBe(1);
    expect(i.nonconformities.overdueNonconformities).toBe(1);
    expect(i.nonconformities.closed).toBe(0);

    // f) complaints listed, the late dossier counted.
    expect(i.complaints.total).toBe(2);
    expect(
      i.complaints.items.map((c) => ({
        id: c.id,
        detectedOn: c.detectedOn,
        title: c.title,
        state: c.state,
      })),
    ).toEqual([
      {
        id: data.nonconformities.complaints[0],
        detectedOn: '2026-04-10',
        title: 'Công dân phản ánh thái độ tiếp đón',
        state: 'open',
      },
      {
        id: data.nonconformities.complaints[1],
        detectedOn: '2026-08-15',
        title: 'Công dân phản ánh giấy hẹn ghi sai ngày',
        state: 'open',
      },
    ]);
    expect(i.complaints.items.map((c) => c.number)).toEqual(['03/2026', '04/2026']);
    expect(i.lateDossiers).toEqual({ count: 1 });

    // g) risks: R1 re-assessed 12 → 4, R2 closed, R3 high (20).
    expect(i.risks.open).toEqual({
      total: 2,
      risks: 2,
      opportunities: 0,
      byLevel: { low: 1, medium: 0, high: 1 },
    });
    expect(i.risks.raised).toBe(3);
    expect(i.risks.closed).toBe(1);
    expect(i.risks.high).toEqual([
      expect.objectContaining({
        id: data.risks.high,
        score: 20,
        level: 'high',
        ownerOrgUnitName: 'Bộ phận Một cửa',
      }),
    ]);
    expect(i.risks.reassessments).toEqual([
      expect.objectContaining({
        riskId: data.risks.reassessed,
        fromScore: 12,
        toScore: 4,
        fromLevel: 'high',
        toLevel: 'low',
      }),
    ]);
  });

  it('never shows another agency’s data, and another agency’s review answers 404', async () => {
    const text = JSON.stringify(review.inputs);
    for (const id of [
      dataB.auditId,
      dataB.documents.policy.id,
      dataB.documents.withdrawn.id,
      dataB.objectives.onTrack,
      dataB.risks.high,
      ...dataB.nonconformities.complaints,
    ]) {
      expect(text).not.toContain(id);
    }
    expectError(
      await apiAs(ctx, b.secretary).get(`${base}/${review.id}`),
      404,
      'MANAGEMENT_REVIEW_NOT_FOUND',
    );
    expectError(
      await apiAs(ctx, b.chair).post(`${base}/${review.id}/sign`, { password: USER_PASSWORD }),
      404,
      'MANAGEMENT_REVIEW_NOT_FOUND',
    );
    const list = await apiAs(ctx, b.secretary).get(base);
    expect(list.status).toBe(200);
    expect(list.body.items).toEqual([]);
  });

  it('refuses bad input, a wrong chair, a long period and roles that may not plan', async () => {
    expectError(await create(a.secretary, { periodFrom: '2026-13-01' }), 400, 'VALIDATION_FAILED');
    expectError(await create(a.secretary, { chairId: 'khong-phai-uuid' }), 400, 'VALIDATION_FAILED');
    expectError(
      await create(a.secretary, { periodFrom: '2027-01-01' }),
      422,
      'MANAGEMENT_REVIEW_PERIOD_INVALID',
    );
    expectError(
      await create(a.secretary, { periodFrom: '2024-12-31' }),
      422,
      'MANAGEMENT_REVIEW_PERIOD_INVALID',
    );
    expectError(await create(a.secretary, { chairId: a.head.id }), 422, 'MANAGEMENT_REVIEW_CHAIR_INVALID');
    expectError(await create(a.secretary, { chairId: b.chair.id }), 422, 'MANAGEMENT_REVIEW_CHAIR_INVALID');
    expectError(
      await create(a.secretary, { attendeeIds: [b.head.id] }),
      422,
      'MANAGEMENT_REVIEW_ATTENDEES_INVALID',
    );
    expectError(await create(a.head), 403, 'FORBIDDEN');
    expectError(await create(staffA), 403, 'FORBIDDEN');
    expectError(await apiAs(ctx, ctx.admin).get(base), 403, 'FORBIDDEN');
    expectError(await apiAs(ctx, a.secretary).get(`${base}/not-a-uuid`), 400, 'VALIDATION_FAILED');
    const rows = await ctx.sql<{ n: number }>('SELECT count(*)::int AS n FROM management_review');
    expect(rows[0].n).toBe(1);
  });

  it('edits manual inputs with If-Match, recompiles while planned, refuses actions and signing before the meeting', async () => {
    const path = `${base}/${review.id}`;
    const manual = {
      customerFeedback: 'Khảo sát 200 người dân: 96% hài lòng.',
      providerPerformance: 'Đơn vị bảo trì phần mềm một cửa đáp ứng yêu cầu.',
      resourceAdequacy: 'Thiếu 01 cán bộ tại Bộ phận Một cửa.',
      contextChanges: 'Luật Thủ tục hành chính sửa đổi có hiệu lực.',
      improvementOpportunities: 'Số hóa sổ theo dõi hồ sơ.',
    };
    expectError(await apiAs(ctx, a.secretary).patch(path, manual), 428, 'PRECONDITION_REQUIRED');
    expectError(await apiAs(ctx, a.secretary).patch(path, manual, '"99"'), 412, 'PRECONDITION_FAILED');
    const edited = await apiAs(ctx, a.secretary).patch(path, manual, `"${review.version}"`);
    expect(edited.status).toBe(200);
    expect(edited.body.manualInputs).toEqual(manual);
    expect(edited.body.version).toBe(review.version + 1);

    const compiled = await apiAs(ctx, a.secretary).post(`${path}/compile`);
    expect(compiled.status).toBe(200);
    expect(compiled.body.inputs).toEqual(review.inputs);
    review = compiled.body;

    expectError(
      await apiAs(ctx, a.secretary).post(`${path}/actions`, {
        kind: 'improvement',
        description: 'Thử thêm trước khi họp',
        ownerId: a.head.id,
        dueDate: '2027-06-30',
      }),
      409,
      'MANAGEMENT_REVIEW_ACTIONS_NOT_YET',
    );
    expectError(
      await apiAs(ctx, a.chair).post(`${path}/sign`, { password: USER_PASSWORD }),
      409,
      'MANAGEMENT_REVIEW_STATE_INVALID',
    );
    expectError(
      await apiAs(ctx, a.chair).get(`${path}/minutes`),
      409,
      'MANAGEMENT_REVIEW_MINUTES_UNAVAILABLE',
    );
  });

  it('holds the meeting: the inputs freeze and no longer move when new data arrives', async () => {
    const path = `${base}/${review.id}`;
    expectError(
      await apiAs(ctx, a.secretary).post(`${path}/hold`, { conclusions: { suitability: 'Phù hợp' } }),
      400,
      'VALIDATION_FAILED',
    );
    clock.set(noonVn('2027-01-15'));
    const held = await apiAs(ctx, a.secretary).post(`${path}/hold`, {
      conclusions: {
        suitability: 'Hệ thống quản lý chất lượng phù hợp với chức năng, nhiệm vụ của Sở.',
        adequacy: 'Nguồn lực cơ bản đáp ứng; cần bổ sung 01 cán bộ một cửa.',
        effectiveness: 'Hệ thống có hiệu lực; mục tiêu 100% TTHC có quy trình chưa đạt.',
      },
    });
    expect(held.status).toBe(200);
    expect(held.body.state).toBe('held');
    expect(held.body.presentIds.sort()).toEqual([a.secretary.id, a.head.id].sort());
    const frozen = held.body.inputs;
    expect({ ...frozen, asOf: review.inputs.asOf }).toEqual(review.inputs);

    // New data of the period after the meeting: a complaint dated in it, a withdrawal.
    const late = await apiAs(ctx, a.secretary).post('/nonconformities', {
      source: 'complaint',
      severity: 'minor',
      title: 'Phản ánh gửi muộn',
      description: 'Phản ánh về việc tháng 12 gửi sau cuộc họp.',
      complaintRef: 'PA-03',
      complainant: 'Trần Văn Bình',
      detectedOn: '2026-12-20',
    });
    expect(late.status).toBe(201);
    expect(
      (
        await apiAs(ctx, a.chair).post(`/documents/${data.documents.policy.id}/withdraw`, {
          password: USER_PASSWORD,
          reason: 'Thay bằng chính sách mới',
        })
      ).status,
    ).toBe(200);

    const objective = await apiAs(ctx, a.secretary).post('/objectives', {
      year: 2026,
      statement: '100% phản ánh, kiến nghị được trả lời đúng hạn',
      kpiName: 'Tỷ lệ phản ánh được trả lời đúng hạn',
      unit: '%',
      direction: 'at_least',
      target: 100,
      frequency: 'yearly',
      ownerOrgUnitId: a.unit.id,
    });
    expect(objective.status).toBe(201);
    expect(
      (
        await apiAs(ctx, a.secretary).post(`/objectives/${objective.body.id}/measurements`, {
          period: '2026',
          value: 100,
        })
      ).status,
    ).toBe(201);

    const again = await apiAs(ctx, a.chair).get(path);
    expect(again.status).toBe(200);
    expect(again.headers.etag).toBe(`"${again.body.version}"`);
    expect(again.body.inputs).toEqual(frozen);
    expect(again.body.compiledAt).toBe(held.body.compiledAt);
    expectError(
      await apiAs(ctx, a.secretary).post(`${path}/compile`),
      409,
      'MANAGEMENT_REVIEW_INPUTS_FROZEN',
    );
    expectError(
      await apiAs(ctx, a.secretary).post(`${path}/hold`, { conclusions: held.body.conclusions }),
      409,
      'MANAGEMENT_REVIEW_STATE_INVALID',
    );

    // The same period compiled afresh does see the new complaint: the data would have moved it.
    const fresh = await create(a.secretary, { meetingDate: '2027-01-20' });
    expect(fresh.status).toBe(201);
    expect(fresh.body.number).toBe('02/2027');
    expect(fresh.body.inputs.complaints.total).toBe(3);
    expect(fresh.body.inputs.nonconformities.total).toBe(6);
    expect(fresh.body.inputs.objectives.total).toBe(3);
    expect(
      fresh.body.inputs.objectives.byStatus.find((x: { key: string }) => x.key === 'on_track')?.count,
    ).toBe(2);
    review = again.body;
  });

  it('adds decisions and actions once held; the owner is notified and marks one done', async () => {
    const path = `${base}/${review.id}/actions`;
    const add = (body: object) =>
      apiAs(ctx, a.secretary).post(path, {
        kind: 'resources',
        ownerId: a.head.id,
        dueDate: '2027-03-31',
        ...body,
      });
    expectError(
      await add({ description: 'Thiếu người', ownerId: b.head.id }),
      422,
      'MANAGEMENT_REVIEW_ACTION_OWNER_INVALID',
    );
    expectError(
      await add({ description: 'Chuyên viên', ownerId: staffA.id }),
      422,
      'MANAGEMENT_REVIEW_ACTION_OWNER_INVALID',
    );
    expectError(await add({ description: 'Loại sai', kind: 'other' }), 400, 'VALIDATION_FAILED');
    const first = await add({ description: 'Bổ sung 01 cán bộ tại Bộ phận Một cửa' });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      position: 1,
      kind: 'resources',
      kindLabel: 'Nhu cầu về nguồn lực',
      state: 'open',
      overdue: false,
    });
    const second = await add({
      kind: 'improvement',
      description: 'Số hóa sổ theo dõi hồ sơ',
      dueDate: '2027-02-28',
    });
    expect(second.status).toBe(201);
    previousActions = { done: first.body.id, open: second.body.id };

    const inbox = await apiAs(ctx, a.head).get('/notifications?pageSize=100');
    const assigned = inbox.body.items.filter(
      (n: { kind: string }) => n.kind === 'management_review.action_assigned',
    );
    expect(assigned).toHaveLength(2);
    expect(assigned.map((n: { title: string }) => n.title)).toEqual([
      'Hành động sau xem xét của lãnh đạo số 01/2027',
      'Hành động sau xem xét của lãnh đạo số 01/2027',
    ]);

    expectError(
      await apiAs(ctx, a.auditor).post(`${path}/${first.body.id}/done`, { note: 'Không phải việc của tôi' }),
      403,
      'MANAGEMENT_REVIEW_NOT_ACTION_OWNER',
    );
    expectError(
      await apiAs(ctx, staffA).post(`${path}/${first.body.id}/done`, { note: 'Không có quyền' }),
      403,
      'FORBIDDEN',
    );
    const done = await apiAs(ctx, a.head).post(`${path}/${first.body.id}/done`, {
      note: 'Đã tiếp nhận cán bộ mới.',
    });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({
      state: 'done',
      stateLabel: 'Đã hoàn thành',
      doneOn: '2027-01-15',
      doneNote: 'Đã tiếp nhận cán bộ mới.',
    });
    expectError(
      await apiAs(ctx, a.head).post(`${path}/${first.body.id}/done`, { note: 'Lần hai' }),
      409,
      'MANAGEMENT_REVIEW_ACTION_DONE',
    );

    // Evidence on the open action, by its owner; none on a done one.
    const evidence = await samplePdf('bien-ban-so-hoa');
    const up = await apiAs(ctx, a.head).upload(`${path}/${second.body.id}/files`, 'bien-ban.pdf', evidence);
    expect(up.status).toBe(201);
    expect(up.body).toMatchObject({
      name: 'bien-ban.pdf',
      sha256: sha256(evidence),
      mediaType: 'application/pdf',
    });
    const files = await apiAs(ctx, a.chair).get(`${path}/${second.body.id}/files`);
    expect(files.body.map((f: { id: string }) => f.id)).toEqual([up.body.id]);
    const back = await apiAs(ctx, a.chair).binary(`${path}/${second.body.id}/files/${up.body.id}`);
    expect(back.status).toBe(200);
    expect(sha256(back.body as Buffer)).toBe(sha256(evidence));
    expectError(
      await apiAs(ctx, a.head).upload(`${path}/${first.body.id}/files`, 'muon.pdf', evidence),
      409,
      'MANAGEMENT_REVIEW_ACTION_DONE',
    );
    expectError(
      await apiAs(ctx, b.secretary).get(`${path}/${second.body.id}/files`),
      404,
      'MANAGEMENT_REVIEW_NOT_FOUND',
    );
    expect(await auditActions(ctx, review.id)).toEqual([
      'management_review.created',
      'management_review.updated',
      'management_review.compiled',
      'management_review.held',
      'management_review_action.added',
      'management_review_action.added',
      'management_review_action.done',
    ]);
    const removed = await apiAs(ctx, a.secretary).del(`${path}/${second.body.id}/files/${up.body.id}`);
    expect(removed.status).toBe(204);
    expect((await apiAs(ctx, a.chair).get(`${path}/${second.body.id}/files`)).body).toEqual([]);
    expect(await auditActions(ctx, second.body.id)).toEqual([
      'management_review_action_file.uploaded',
      'management_review_action_file.deleted',
    ]);

    // The list and one action (its ETag), and an edit of an open action against it.
    const listed = await apiAs(ctx, a.auditor).get(path);
    expect(listed.status).toBe(200);
    expect(listed.body.map((x: { id: string; state: string }) => [x.id, x.state])).toEqual([
      [first.body.id, 'done'],
      [second.body.id, 'open'],
    ]);
    const one = await apiAs(ctx, a.auditor).get(`${path}/${second.body.id}`);
    expect(one.status).toBe(200);
    expect(one.headers.etag).toBe(`"${one.body.version}"`);
    const moved = await apiAs(ctx, a.secretary).patch(
      `${path}/${second.body.id}`,
      { dueDate: '2027-02-28' },
      one.headers.etag,
    );
    expect(moved.status).toBe(200);
    expectError(
      await apiAs(ctx, a.secretary).patch(`${path}/${first.body.id}`, { dueDate: '2027-04-30' }, '"2"'),
      409,
      'MANAGEMENT_REVIEW_ACTION_DONE',
    );
    expectError(
      await apiAs(ctx, a.secretary).get(`${path}/${review.id}`),
      404,
      'MANAGEMENT_REVIEW_ACTION_NOT_FOUND',
    );
    const trail = await apiAs(ctx, a.auditor).get(
      `/audit-events?entityType=management_review&entityId=${review.id}`,
    );
    expect(trail.status).toBe(200);
    expect(trail.body.items).toContainEqual(
      expect.objectContaining({
        action: 'management_review.held',
        actionLabel: 'Họp xem xét của lãnh đạo',
        subjectName: 'Kỳ xem xét của lãnh đạo số 01/2027 — Xem xét của lãnh đạo năm 2026',
      }),
    );
    // Neither another agency nor a member without the read permission sees it.
    const foreign = await apiAs(ctx, b.secretary).get(
      `/audit-events?entityType=management_review&entityId=${review.id}`,
    );
    expect(foreign.body.items ?? []).toEqual([]);
    const staffTrail = await apiAs(ctx, staffA).get(
      `/audit-events?entityType=management_review&entityId=${review.id}`,
    );
    expect(staffTrail.body.items ?? []).toEqual([]);
  });

  it('only the chair signs, with the password; the minutes PDF carries the heading and the figures', async () => {
    const path = `${base}/${review.id}`;
    expectError(
      await apiAs(ctx, a.secretary).post(`${path}/sign`, { password: USER_PASSWORD }),
      403,
      'FORBIDDEN',
    );
    const otherApprover = await ctx.newUser({ roles: [Role.Approver], agencyId: a.agencyId });
    expectError(
      await apiAs(ctx, otherApprover).post(`${path}/sign`, { password: USER_PASSWORD }),
      403,
      'MANAGEMENT_REVIEW_NOT_CHAIR',
    );
    expectError(
      await apiAs(ctx, a.chair).post(`${path}/sign`, { password: 'sai-mat-khau' }),
      403,
      'SIGNATURE_PASSWORD_INVALID',
    );
    expect((await apiAs(ctx, a.chair).get(path)).body.state).toBe('held');

    // A draft to read before signing: marked, unsigned, nothing stored.
    const draft = await apiAs(ctx, a.secretary).binary(`${path}/minutes?draft=true`);
    expect(draft.status).toBe(200);
    expect(draft.headers['content-type']).toBe('application/pdf');
    const draftText = (await extractPdfText(draft.body as Buffer)).replace(/\s+/g, ' ');
    expect(draftText).toContain('BÁO CÁO XEM XÉT CỦA LÃNH ĐẠO DỰ THẢO');
    expect(draftText).toContain('Chưa ký');
    expect(draftText).not.toContain('Mã băm nội dung đã ký');
    expectError(await apiAs(ctx, a.secretary).get(`${path}/minutes?draft=maybe`), 400, 'VALIDATION_FAILED');
    expect((await apiAs(ctx, a.chair).get(path)).body.state).toBe('held');

    clock.set(noonVn('2027-01-16'));
    const signed = await apiAs(ctx, a.chair).post(`${path}/sign`, { password: USER_PASSWORD });
    expect(signed.status).toBe(200);
    expect(signed.body).toMatchObject({
      state: 'signed',
      stateLabel: 'Đã ký',
      signature: { signerId: a.chair.id, signerName: 'Trần Quốc Hùng', signerPosition: 'Giám đốc Sở' },
    });
    expectError(
      await apiAs(ctx, a.chair).post(`${path}/sign`, { password: USER_PASSWORD }),
      409,
      'MANAGEMENT_REVIEW_STATE_INVALID',
    );
    expectError(
      await apiAs(ctx, a.secretary).patch(path, { place: 'Khác' }, `"${signed.body.version}"`),
      409,
      'MANAGEMENT_REVIEW_SIGNED',
    );

    const pdf = await apiAs(ctx, a.secretary).binary(`${path}/minutes`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const lines = (await extractPdfText(pdf.body as Buffer, { layout: true }))
      .split('\n')
      .map((line) => line.replace(/\s+/g, ' ').trim())
      .filter(Boolean);
    expect(lines.slice(0, 5)).toEqual([
      'UBND TỈNH KON TUM CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'SỞ TƯ PHÁP Độc lập - Tự do - Hạnh phúc',
      'Số: 01/BC-STP Kon Tum, ngày 16 tháng 01 năm 2027',
      'BÁO CÁO XEM XÉT CỦA LÃNH ĐẠO',
      'Xem xét của lãnh đạo năm 2026 (kỳ xem xét số 01/2027)',
    ]);
    const text = lines.join(' ');
    for (const phrase of [
      'Kỳ xem xét: từ ngày 01/01/2026 đến ngày 31/12/2026.',
      'Số tài liệu được ban hành có hiệu lực trong kỳ: 4; số tài liệu bị hủy bỏ: 1.',
      'Tổng số mục tiêu: 2; đạt mục tiêu: 1; có nguy cơ không đạt: 0; không đạt: 1; chưa có số liệu: 0.',
      'kết quả: 99% (chỉ tiêu ≥ 98%)',
      'kết quả: 90% (chỉ tiêu ≥ 100%)',
      'Số cuộc đánh giá đã báo cáo trong kỳ: 1; phát hiện: 1 không phù hợp nặng, 1 không phù hợp nhẹ, 0 điểm cần lưu ý, 1 cơ hội cải tiến.',
      'Tổng số sự không phù hợp trong kỳ: 5; đã kết thúc: 0; hành động quá hạn: 1.',
      'Số phản ánh, kiến nghị trong kỳ: 2; số hồ sơ TTHC giải quyết trễ hạn: 1.',
      'Rủi ro, cơ hội đang mở cuối kỳ: 2 (2 rủi ro, 0 cơ hội); mức cao 1, trung bình 0, thấp 1.',
      'Khảo sát 200 người dân: 96% hài lòng.',
      '[Nhu cầu về nguồn lực] Bổ sung 01 cán bộ tại Bộ phận Một cửa',
      'CHỦ TRÌ',
      'Trần Quốc Hùng',
    ]) {
      expect(text).toContain(phrase);
    }
    expect(text).toContain(signed.body.signature.contentHash);
  });

  it('the next review reads the previous review’s actions with their state and overdue', async () => {
    clock.set(noonVn('2028-01-10'));
    const next = await create(a.secretary, {
      periodFrom: '2027-01-01',
      periodTo: '2027-12-31',
      meetingDate: '2028-01-20',
    });
    expect(next.status).toBe(201);
    expect(next.body.number).toBe('01/2028');
    const p = next.body.inputs.previousActions;
    expect(p).toMatchObject({
      reviewId: review.id,
      reviewNumber: '01/2027',
      total: 2,
      done: 1,
      open: 1,
      overdue: 1,
    });
    expect(p.items).toEqual([
      {
        id: previousActions.done,
        kind: 'resources',
        description: 'Bổ sung 01 cán bộ tại Bộ phận Một cửa',
        ownerId: a.head.id,
        ownerName: expect.any(String),
        dueDate: '2027-03-31',
        state: 'done',
        doneOn: '2027-01-15',
        overdue: false,
      },
      {
        id: previousActions.open,
        kind: 'improvement',
        description: 'Số hóa sổ theo dõi hồ sơ',
        ownerId: a.head.id,
        ownerName: expect.any(String),
        dueDate: '2027-02-28',
        state: 'open',
        doneOn: null,
        overdue: true,
      },
    ]);
    const list = await apiAs(ctx, a.chair).get(`${base}?year=2027&state=signed`);
    expect(list.status).toBe(200);
    expect(list.body.items.map((r: { id: string }) => r.id)).toEqual([review.id]);
  });

  // uq_management_review_number and uq_management_review_action_position: drawn under a lock, never a 500.
  it('numbers parallel creations and parallel actions apart: every request succeeds, none collides', async () => {
    const created = await raceAtTableLock(ctx.db.url, 'management_review', 3, () =>
      create(a.secretary, { periodFrom: '2027-01-01', periodTo: '2027-12-31', meetingDate: '2028-02-01' }),
    );
    expect(created.map((r) => r.status)).toEqual([201, 201, 201]);
    expect(created.map((r) => (r.body as Review).number).sort()).toEqual(['02/2028', '03/2028', '04/2028']);
    // The signed minutes fix the decisions: no action is added or changed any more.
    const decision = {
      kind: 'qms_change',
      description: 'Sau khi ký',
      ownerId: a.head.id,
      dueDate: '2028-06-30',
    };
    const late = await apiAs(ctx, a.secretary).post(`${base}/${review.id}/actions`, decision);
    expect({ status: late.status, code: late.body.code }).toEqual({
      status: 409,
      code: 'MANAGEMENT_REVIEW_SIGNED',
    });
    const target = created[0].body as Review;
    // Holding needs the conclusions object (400, never a 500); the meeting's year numbers the review.
    const empty = await apiAs(ctx, a.secretary).post(`${base}/${target.id}/hold`, {});
    expect({ status: empty.status, code: empty.body.code }).toEqual({
      status: 400,
      code: 'VALIDATION_FAILED',
    });
    const far = await create(a.secretary, {
      periodFrom: '2027-01-01',
      periodTo: '2027-12-31',
      meetingDate: '2101-01-15',
    });
    expect({ status: far.status, code: far.body.code }).toEqual({
      status: 422,
      code: 'MANAGEMENT_REVIEW_MEETING_DATE_INVALID',
    });
    const held = await apiAs(ctx, a.secretary).post(`${base}/${target.id}/hold`, {
      conclusions: { suitability: 'Phù hợp', adequacy: 'Thỏa đáng', effectiveness: 'Có hiệu lực' },
    });
    expect(held.status).toBe(200);
    const added = await raceAtTableLock(ctx.db.url, 'management_review_action', 3, (n) =>
      apiAs(ctx, a.secretary).post(`${base}/${target.id}/actions`, {
        kind: 'qms_change',
        description: `Quyết định song song ${n + 1}`,
        ownerId: a.head.id,
        dueDate: '2028-06-30',
      }),
    );
    expect(added.map((r) => r.status)).toEqual([201, 201, 201]);
    expect(added.map((r) => (r.body as { position: number }).position).sort()).toEqual([1, 2, 3]);
  });
});

function issued(
  documentId: string,
  code: string,
  title: string,
  type: string,
  typeLabel: string,
  issueNumber: number,
  effectiveFrom: string,
) {
  return {
    documentId,
    code,
    title,
    type,
    typeLabel,
    issueNumber,
    versionLabel: `Lần ban hành ${issueNumber}`,
    effectiveFrom,
  };
}

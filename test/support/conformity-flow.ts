import { apiAs } from './api-as';
import { effectiveDocument } from './document-flow';
import { FixedClock } from './fixed-clock';
import { noonVn, ReviewPeople, ReviewYear } from './review-data';
import { TestContext, TestUser } from './test-app';

export interface ReadyAgency {
  /** The TTHC procedure in force that covers the scope. */
  procedureId: string;
  /** The management review held on `on`. */
  reviewId: string;
}

function ok(res: { status: number; body: unknown }, status: number, what: string) {
  if (res.status !== status) throw new Error(`${what}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { id: string; version: number; state: string; actions?: { id: string }[] };
}

/**
 * Meets every prerequisite of the declaration for an agency with a review year behind it
 * (`buildReviewYear` of `year`), the way an agency would, through the API: the two audit
 * nonconformities get corrective actions (the major one verified effective on `on`), the audit
 * is closed, the objectives of `on`'s year are set, a TTHC procedure covering `tthcCodes` comes
 * into force and a management review is held on `on`. The clock is left at noon of `on`.
 */
export async function bringToReadiness(
  ctx: TestContext,
  clock: FixedClock,
  p: ReviewPeople,
  data: ReviewYear,
  options: { on: string; tthcCodes: string[] },
): Promise<ReadyAgency> {
  const sec = apiAs(ctx, p.secretary);
  const head = apiAs(ctx, p.head);
  const etagOf = async (user: TestUser, path: string) => (await apiAs(ctx, user).get(path)).headers.etag;

  const major = `/corrective-actions/${data.correctiveActionId}`;
  ok(
    await head.patch(
      major,
      { rootCause: 'Không ai theo dõi hạn trả kết quả', verifierId: p.auditor.id },
      await etagOf(p.head, major),
    ),
    200,
    'major: root cause',
  );
  ok(await head.post(`${major}/plan`), 200, 'major: plan');
  ok(await head.post(`${major}/start`), 200, 'major: start');
  const [task] = ok(await head.get(major), 200, 'major').actions!;
  ok(
    await head.post(`${major}/actions/${task.id}/done`, { note: 'Đã bổ sung bước kiểm tra' }),
    200,
    'major: done',
  );

  const minor = ok(
    await head.post('/corrective-actions', {
      nonconformityId: data.nonconformities.minor,
      correction: 'Trình duyệt Danh mục hồ sơ',
    }),
    201,
    'minor',
  );
  const minorPath = `/corrective-actions/${minor.id}`;
  const minorTask = ok(
    await head.post(`${minorPath}/actions`, {
      description: 'Trình Giám đốc duyệt Danh mục hồ sơ',
      ownerId: p.head.id,
      dueDate: options.on,
    }),
    201,
    'minor: action',
  );
  ok(
    await head.patch(
      minorPath,
      { rootCause: 'Chưa phân công người lập danh mục', verifierId: p.auditor.id },
      await etagOf(p.head, minorPath),
    ),
    200,
    'minor: root cause',
  );
  ok(await head.post(`${minorPath}/plan`), 200, 'minor: plan');
  ok(await head.post(`${minorPath}/start`), 200, 'minor: start');
  ok(await head.post(`${minorPath}/actions/${minorTask.id}/done`, { note: 'Đã duyệt' }), 200, 'minor: done');

  clock.set(noonVn(options.on));
  const verified = ok(
    await apiAs(ctx, p.auditor).post(`${major}/verification`, {
      effective: true,
      reason: 'Không còn hồ sơ trễ hạn',
    }),
    200,
    'major: verification',
  );
  if (verified.state !== 'closed') throw new Error(`major: ${verified.state}`);
  ok(await sec.post(`/audits/${data.auditId}/close`), 200, 'audit: close');

  ok(
    await sec.post('/objectives', {
      year: Number(options.on.slice(0, 4)),
      statement: '100% hồ sơ TTHC giải quyết đúng hạn',
      kpiName: 'Tỷ lệ hồ sơ đúng hạn',
      unit: '%',
      direction: 'at_least',
      target: 100,
      frequency: 'quarterly',
      ownerOrgUnitId: p.unit.id,
    }),
    201,
    'objective',
  );
  const procedure = await effectiveDocument(ctx, p.circle, 'QT-TTHC-01', {
    type: 'tthc_procedure',
    title: 'Quy trình cấp Phiếu lý lịch tư pháp',
    tthcCodes: options.tthcCodes,
  });
  const review = ok(
    await sec.post('/management-reviews', {
      periodFrom: `${data.year}-01-01`,
      periodTo: `${data.year}-12-31`,
      meetingDate: options.on,
      place: 'Phòng họp số 1',
      chairId: p.chair.id,
      attendeeIds: [p.secretary.id, p.head.id],
      guests: [],
    }),
    201,
    'review',
  );
  ok(
    await sec.post(`/management-reviews/${review.id}/hold`, {
      conclusions: { suitability: 'Phù hợp', adequacy: 'Thỏa đáng', effectiveness: 'Có hiệu lực' },
    }),
    200,
    'review: hold',
  );
  return { procedureId: procedure.id, reviewId: review.id };
}

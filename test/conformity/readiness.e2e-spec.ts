import { Role } from '@eiso/common';
import { apiAs } from '../support/api-as';
import { bringToReadiness } from '../support/conformity-flow';
import { FixedClock } from '../support/fixed-clock';
import { buildReviewYear, newReviewPeople, noonVn, ReviewPeople, ReviewYear } from '../support/review-data';
import { createTestContext, TestContext, TestUser } from '../support/test-app';

interface Item {
  label: string;
  subjectType: string | null;
  subjectId: string | null;
}
interface Check {
  code: string;
  title: string;
  passed: boolean;
  detail: string;
  found: Item[];
  missing: Item[];
}
interface Readiness {
  agencyId: string;
  asOf: string;
  ready: boolean;
  scope: string[];
  checks: Check[];
}

/**
 * The prerequisites of the conformity declaration (DESIGN §8), read from the real domains: an
 * agency with a year of quality data (policy, objectives, an audit reported with a major and a
 * minor nonconformity, an overdue corrective action) fails each prerequisite it should and names
 * what is missing; each is then met through the API the way an agency would meet it, until it is
 * ready; a year later the audit and the review are stale again. Only the head and the ISO secretary
 * of the agency read it, each of their own agency.
 */
describe('conformity readiness', () => {
  const clock = new FixedClock(new Date(noonVn('2026-01-05')));
  let ctx: TestContext;
  let a: ReviewPeople;
  let b: ReviewPeople;
  let data: ReviewYear;
  const SCOPE = '1.000948,2.000123';

  const readiness = async (user: TestUser, query = `?tthcCodes=${SCOPE}`): Promise<Readiness> => {
    const res = await apiAs(ctx, user).get(`/conformity/readiness${query}`);
    expect(res.status).toBe(200);
    return res.body as Readiness;
  };
  const byCode = (r: Readiness) => Object.fromEntries(r.checks.map((c) => [c.code, c]));
  beforeAll(async () => {
    ctx = await createTestContext({}, { clock });
    a = await newReviewPeople(ctx, 'Sở Tư pháp', 'STP');
    b = await newReviewPeople(ctx, 'Sở Y tế', 'SYT', 'Gia Lai');
    data = await buildReviewYear(ctx, clock, a, 2026);
    clock.set(noonVn('2027-01-10'));
  }, 300_000);
  afterAll(() => ctx?.close());

  it('names what is missing, prerequisite by prerequisite', async () => {
    const r = await readiness(a.secretary);
    expect(r).toMatchObject({
      agencyId: a.agencyId,
      asOf: '2027-01-10',
      ready: false,
      scope: ['1.000948', '2.000123'],
    });
    const c = byCode(r);
    expect(r.checks.map((x) => x.code)).toEqual([
      'quality_policy',
      'objectives',
      'procedures',
      'internal_audit',
      'management_review',
      'major_nonconformities',
    ]);
    // The policy CS-01 is in force since 10/02/2026.
    expect(c.quality_policy).toMatchObject({ passed: true, missing: [] });
    expect(c.quality_policy.found).toEqual([
      {
        label: 'CS-01 — Chính sách chất lượng',
        subjectType: 'document',
        subjectId: data.documents.policy.id,
      },
    ]);
    // The objectives are those of 2026; 2027 has none yet.
    expect(c.objectives).toMatchObject({
      passed: false,
      title: 'Mục tiêu chất lượng năm 2027',
      detail: 'Chưa đặt mục tiêu chất lượng nào cho năm 2027.',
    });
    // QT-01 is a procedure, not a TTHC procedure: neither code of the scope is covered.
    expect(c.procedures.passed).toBe(false);
    expect(c.procedures.missing.map((m) => m.subjectId)).toEqual(['1.000948', '2.000123']);
    expect(c.procedures.detail).toBe('2/2 thủ tục hành chính trong phạm vi chưa có quy trình có hiệu lực.');
    // The audit was reported, never closed; no review was held.
    expect(c.internal_audit).toMatchObject({
      passed: false,
      detail: 'Chưa có cuộc đánh giá nội bộ nào kết thúc.',
    });
    expect(c.internal_audit.missing[0].label).toBe('Cuộc đánh giá nội bộ kết thúc từ ngày 10/01/2026');
    expect(c.management_review).toMatchObject({
      passed: false,
      detail: 'Chưa tổ chức cuộc họp xem xét của lãnh đạo nào.',
    });
    // The major nonconformity of the audit is open, by its number.
    expect(c.major_nonconformities.passed).toBe(false);
    expect(c.major_nonconformities.missing).toHaveLength(1);
    expect(c.major_nonconformities.missing[0]).toMatchObject({
      subjectType: 'nonconformity',
      subjectId: data.nonconformities.major,
    });
    expect(c.major_nonconformities.missing[0].label).toMatch(/^Điểm không phù hợp số \d{2}\/2026 — /);

    // The head reads the same; another agency reads its own (nothing of A's).
    expect(await readiness(a.chair)).toEqual(r);
    const other = await readiness(b.secretary);
    expect(other.agencyId).toBe(b.agencyId);
    expect(byCode(other).quality_policy.passed).toBe(false);
    expect(JSON.stringify(other)).not.toContain(data.documents.policy.id);
  });

  it('without a scope, wants any TTHC procedure in force', async () => {
    const r = await readiness(a.secretary, '');
    expect(r.scope).toEqual([]);
    expect(byCode(r).procedures).toMatchObject({
      passed: false,
      detail: 'Chưa có quy trình giải quyết thủ tục hành chính nào có hiệu lực.',
    });
    // The parameter repeated, and spaces around codes, read as one list.
    const repeated = await readiness(a.secretary, '?tthcCodes=1.000948&tthcCodes=2.000123');
    expect(repeated.scope).toEqual(['1.000948', '2.000123']);
    expect((await readiness(a.secretary, '?tthcCodes=%201.000948%20,')).scope).toEqual(['1.000948']);
  });

  it('refuses a malformed scope with 400 and a Vietnamese message', async () => {
    for (const query of ['?tthcCodes=1.000948,mã%20sai!', `?tthcCodes=${'9'.repeat(41)}`]) {
      const res = await apiAs(ctx, a.secretary).get(`/conformity/readiness${query}`);
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(res.body.message).toMatch(/Phạm vi công bố/);
    }
    const many = Array.from({ length: 201 }, (_, i) => `1.${String(i).padStart(6, '0')}`).join(',');
    expect((await apiAs(ctx, a.secretary).get(`/conformity/readiness?tthcCodes=${many}`)).status).toBe(400);
  });

  it('is read only by the head and the ISO secretary of an agency', async () => {
    const staff = await ctx.newUser({ roles: [Role.Staff], agencyId: a.agencyId });
    const overseer = await ctx.newUser({ roles: [Role.Overseer], agencyId: b.agencyId });
    const admin = await ctx.newUser({ roles: [Role.Admin] });
    for (const user of [staff, a.head, a.auditor, a.circle.drafter, overseer, admin]) {
      const res = await apiAs(ctx, user).get('/conformity/readiness');
      expect({ user: user.roles, status: res.status }).toEqual({ user: user.roles, status: 403 });
    }
    expect((await ctx.http().get('/api/v1/conformity/readiness')).status).toBe(401);
  });

  it('turns ready once each prerequisite is met the way an agency meets it', async () => {
    const { procedureId, reviewId } = await bringToReadiness(ctx, clock, a, data, {
      on: '2027-04-20',
      tthcCodes: ['1.000948', '2.000123'],
    });
    const r = await readiness(a.chair);
    expect(r.checks.filter((c) => !c.passed).map((c) => [c.code, c.missing])).toEqual([]);
    expect(r.ready).toBe(true);
    const c = byCode(r);
    expect(c.procedures.found).toEqual([
      {
        label: 'QT-TTHC-01 — Quy trình cấp Phiếu lý lịch tư pháp',
        subjectType: 'document',
        subjectId: procedureId,
      },
    ]);
    expect(c.procedures.detail).toBe('Cả 2 thủ tục hành chính trong phạm vi đều có quy trình có hiệu lực.');
    expect(c.internal_audit.found[0]).toMatchObject({ subjectType: 'audit', subjectId: data.auditId });
    expect(c.internal_audit.detail).toMatch(/^Cuộc đánh giá số \d{2}\/2026 kết thúc ngày 20\/04\/2027\.$/);
    expect(c.management_review.found[0]).toMatchObject({
      subjectType: 'management_review',
      subjectId: reviewId,
    });
    expect(c.management_review.detail).toBe('Cuộc họp xem xét số 01/2027 ngày 20/04/2027.');
    expect(c.major_nonconformities).toMatchObject({ passed: true, missing: [] });
    // Agency B is untouched by A's work.
    expect((await readiness(b.secretary)).ready).toBe(false);
  });

  it('a year and a day later, the audit, the review and the objectives are due again', async () => {
    clock.set(noonVn('2028-04-21'));
    const r = await readiness(a.secretary);
    expect(r.ready).toBe(false);
    expect(r.checks.filter((c) => !c.passed).map((c) => c.code)).toEqual([
      'objectives',
      'internal_audit',
      'management_review',
    ]);
    expect(byCode(r).internal_audit.detail).toMatch(/kết thúc ngày 20\/04\/2027, đã quá 12 tháng\.$/);
  });
});

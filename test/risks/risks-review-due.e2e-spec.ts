import { JOB_QUEUE, JOB_SCHEDULES, JobName, QueueName, Role } from '@eiso/common';
import { JOB_LABELS } from '@eiso/jobs';
import { JobHandlerRegistry, JobSummary } from '@eiso/queue';
import { FixedClock } from '../support/fixed-clock';
import { apiAs } from '../support/api-as';
import { createTestContext, TestContext, TestUser } from '../support/test-app';

interface Notice {
  kind: string;
  title: string;
  body: string;
  link: string;
  entityId: string | null;
}

/**
 * risks.review-due with a fixed clock: open risks whose review date has come are reminded of once
 * per review date — to the owner user, else the owner unit's heads, else the ISO secretaries; a
 * rerun sends nothing, a closed or not-yet-due risk nothing, a new review date reminds again, and a
 * run after missed days catches up once. Nothing crosses agencies.
 */
describe('risks.review-due job', () => {
  // 08:00 on 01/09/2026 in Vietnam.
  const clock = new FixedClock(new Date('2026-09-01T01:00:00Z'));
  let ctx: TestContext;
  let runs = 0;
  const u: Record<string, TestUser> = {};
  const risk: Record<string, string> = {};

  const run = async (): Promise<JobSummary> =>
    (await ctx
      .worker!.get(JobHandlerRegistry)
      .run(
        JobName.RisksReviewDue,
        {},
        { jobId: `test-risks-review-due-${++runs}`, attempt: 1 },
      )) as JobSummary;
  const notices = async (user: TestUser): Promise<Notice[]> => {
    const res = await apiAs(ctx, user).get('/notifications?pageSize=100');
    expect(res.status).toBe(200);
    return (res.body.items as Notice[]).filter((n) => n.kind === 'risk.review_due').reverse();
  };
  const reminded = async (user: TestUser) => (await notices(user)).map((n) => n.entityId);

  beforeAll(async () => {
    ctx = await createTestContext({}, { worker: true, clock });
    const agency = (await ctx.newAgency({ name: 'Sở Nội vụ' })).id;
    const agencyB = (await ctx.newAgency({ name: 'Sở Tài chính' })).id;
    const unit1 = (await ctx.newOrgUnit(agency, 'Phòng Tổ chức cán bộ')).id;
    const unit2 = (await ctx.newOrgUnit(agency, 'Phòng Văn thư')).id;
    const unitB = (await ctx.newOrgUnit(agencyB, 'Phòng Ngân sách')).id;
    u.head = await ctx.newUser({ roles: [Role.Reviewer], agencyId: agency, orgUnitId: unit1 });
    u.owner = await ctx.newUser({ roles: [Role.Reviewer], agencyId: agency, orgUnitId: unit1 });
    u.staff = await ctx.newUser({ roles: [Role.Staff], agencyId: agency, orgUnitId: unit1 });
    u.clerk = await ctx.newUser({ roles: [Role.Staff], agencyId: agency, orgUnitId: unit2 });
    u.secretary = await ctx.newUser({ roles: [Role.IsoSecretary], agencyId: agency });
    u.secretaryB = await ctx.newUser({ roles: [Role.IsoSecretary], agencyId: agencyB });
    const add = async (key: string, by: TestUser, body: object) => {
      const res = await apiAs(ctx, by).post('/risks', {
        kind: 'risk',
        context: 'internal_issue',
        description: `Rủi ro ${key}`,
        likelihood: 2,
        impact: 3,
        treatment: 'Theo dõi định kỳ',
        ownerOrgUnitId: unit1,
        ...body,
      });
      expect(res.status).toBe(201);
      risk[key] = res.body.id as string;
    };
    await add('owned', u.secretary, { ownerUserId: u.owner.id, reviewDate: '2026-09-05' });
    await add('unit', u.secretary, { reviewDate: '2026-09-10' });
    await add('headless', u.secretary, { ownerOrgUnitId: unit2, reviewDate: '2026-09-08' });
    await add('later', u.secretary, { ownerUserId: u.owner.id, reviewDate: '2026-09-20' });
    await add('closed', u.secretary, { ownerUserId: u.owner.id, reviewDate: '2026-09-05' });
    await add('other', u.secretaryB, { ownerOrgUnitId: unitB, reviewDate: '2026-09-02' });
    expect(
      (await apiAs(ctx, u.secretary).post(`/risks/${risk.closed}/close`, { reason: 'Không còn' })).status,
    ).toBe(200);
  });
  afterAll(() => ctx.close());

  it('is a daily job of the planning queue with its Vietnamese label', () => {
    expect(JOB_QUEUE[JobName.RisksReviewDue]).toBe(QueueName.Planning);
    expect(JOB_SCHEDULES.find((s) => s.job === JobName.RisksReviewDue)).toMatchObject({ cron: '45 6 * * *' });
    expect(JOB_LABELS[JobName.RisksReviewDue]).toBe('Nhắc xem xét lại các rủi ro và cơ hội đến hạn xem xét');
  });

  it('before any review date: nothing', async () => {
    expect(await run()).toEqual({ day: '2026-09-01', risksDue: 0, notifications: 0 });
  });

  it('on 10/09: the owner user, the unit heads, the secretaries when the unit has no head; once', async () => {
    clock.set('2026-09-10T01:00:00Z');
    expect(await run()).toEqual({ day: '2026-09-10', risksDue: 4, notifications: 5 });
    // The owner of one is also a head of the unit: both heads hear of the one without an owner.
    expect((await reminded(u.owner)).sort()).toEqual([risk.owned, risk.unit].sort());
    expect(await reminded(u.head)).toEqual([risk.unit]);
    expect(await reminded(u.staff)).toEqual([]);
    expect(await reminded(u.secretary)).toEqual([risk.headless]);
    expect(await reminded(u.clerk)).toEqual([]);
    expect(await reminded(u.secretaryB)).toEqual([risk.other]);
    const [notice] = (await notices(u.owner)).filter((n) => n.entityId === risk.owned);
    expect(notice).toMatchObject({
      title: 'Đến hạn xem xét lại rủi ro RR-001: Rủi ro owned',
      body:
        'Rủi ro RR-001 (Rủi ro owned) đến hạn xem xét lại ngày 05/09/2026. Mức hiện tại: trung bình (điểm 6). ' +
        'Vui lòng đánh giá lại khả năng xảy ra, mức độ ảnh hưởng và biện pháp xử lý.',
      link: `/risks/${risk.owned}`,
    });
    // A rerun the same day, and the next day, send nothing: once per risk and review date.
    expect(await run()).toEqual({ day: '2026-09-10', risksDue: 0, notifications: 0 });
    clock.set('2026-09-11T01:00:00Z');
    expect(await run()).toMatchObject({ risksDue: 0, notifications: 0 });
  });

  it('a new review date after a re-assessment reminds again; a run after missed days catches up once', async () => {
    const res = await apiAs(ctx, u.head).post(`/risks/${risk.owned}/assessments`, {
      likelihood: 1,
      impact: 3,
      note: 'Đã rà soát',
      reviewDate: '2026-09-15',
    });
    expect(res.status).toBe(201);
    clock.set('2026-09-12T01:00:00Z');
    expect(await run()).toMatchObject({ risksDue: 0 });
    // Missed 13–24/09: one run on the 25th reminds of both review dates that passed, once each.
    clock.set('2026-09-25T01:00:00Z');
    expect(await run()).toEqual({ day: '2026-09-25', risksDue: 2, notifications: 2 });
    expect((await reminded(u.owner)).sort()).toEqual([risk.owned, risk.owned, risk.unit, risk.later].sort());
    expect(await reminded(u.head)).toEqual([risk.unit]);
    expect(await run()).toMatchObject({ risksDue: 0, notifications: 0 });
    const rows = await ctx.sql<{ risk_id: string; review_date: string }>(
      `SELECT risk_id, review_date::text AS review_date FROM risk_reminder WHERE risk_id = $1 ORDER BY review_date`,
      [risk.owned],
    );
    expect(rows.map((r) => r.review_date)).toEqual(['2026-09-05', '2026-09-15']);
  });
});

import { JobName, Role } from '@eiso/common';
import { JobHandlerRegistry, JobSummary } from '@eiso/queue';
import { apiAs } from '../support/api-as';
import { FixedClock } from '../support/fixed-clock';
import { createObjective, recordMeasurement } from '../support/objective-flow';
import { createTestContext, TestContext, TestUser } from '../support/test-app';

interface Notice {
  kind: string;
  title: string;
  body: string;
  link: string;
  entityId: string | null;
}

/**
 * objectives.due with a fixed clock: which periods are missing (ended more than 5 days ago), who
 * is reminded (the owner unit's heads, else the agency's ISO secretaries), once per objective,
 * period and day (a rerun sends nothing), a run after missed days sends today's reminders once,
 * nothing for withdrawn objectives or across agencies.
 */
describe('objectives.due job', () => {
  // 08:00 on 10/04/2026 in Vietnam.
  const clock = new FixedClock(new Date('2026-04-10T01:00:00Z'));
  let ctx: TestContext;
  let runs = 0;
  let head: TestUser;
  let otherHead: TestUser;
  let secretary: TestUser;
  let headB: TestUser;
  let monthly: string;
  let quarterly: string;
  let lastYear: string;
  let withdrawn: string;
  let monthlyB: string;

  const run = async (): Promise<JobSummary> =>
    (await ctx
      .worker!.get(JobHandlerRegistry)
      .run(JobName.ObjectivesDue, {}, { jobId: `test-objectives-due-${++runs}`, attempt: 1 })) as JobSummary;
  const notices = async (user: TestUser): Promise<Notice[]> => {
    const res = await apiAs(ctx, user).get('/notifications?pageSize=100');
    expect(res.status).toBe(200);
    return (res.body.items as Notice[]).filter((n) => n.kind === 'objective.measurement_due').reverse();
  };

  beforeAll(async () => {
    ctx = await createTestContext({}, { worker: true, clock });
    const a = (await ctx.newAgency({ name: 'Sở Tư pháp' })).id;
    const b = (await ctx.newAgency({ name: 'Sở Y tế' })).id;
    const oneStop = (await ctx.newOrgUnit(a, 'Bộ phận Một cửa')).id;
    const noHeads = (await ctx.newOrgUnit(a, 'Phòng Bổ trợ tư pháp')).id;
    const legal = (await ctx.newOrgUnit(a, 'Phòng Hành chính tư pháp')).id;
    const unitB = (await ctx.newOrgUnit(b, 'Văn phòng Sở')).id;
    secretary = await ctx.newUser({ roles: [Role.IsoSecretary], agencyId: a });
    head = await ctx.newUser({ roles: [Role.Reviewer], agencyId: a, orgUnitId: oneStop });
    otherHead = await ctx.newUser({ roles: [Role.Reviewer], agencyId: a, orgUnitId: legal });
    headB = await ctx.newUser({ roles: [Role.Reviewer], agencyId: b, orgUnitId: unitB });
    const secretaryB = await ctx.newUser({ roles: [Role.IsoSecretary], agencyId: b });
    const api = apiAs(ctx, secretary);

    monthly = (await createObjective(api, oneStop, { statement: '≥ 98% hồ sơ đúng hạn' })).id;
    await recordMeasurement(api, monthly, '2026-01', 99);
    quarterly = (
      await createObjective(api, noHeads, {
        statement: '100% TTHC có quy trình',
        frequency: 'quarterly',
        target: 100,
      })
    ).id;
    lastYear = (await createObjective(api, oneStop, { statement: 'Mục tiêu năm 2025', year: 2025 })).id;
    withdrawn = (await createObjective(api, oneStop, { statement: 'Mục tiêu đã hủy' })).id;
    await api.post(`/objectives/${withdrawn}/withdraw`, { reason: 'Không còn phù hợp' });
    monthlyB = (await createObjective(apiAs(ctx, secretaryB), unitB, { statement: 'Mục tiêu của Sở Y tế' }))
      .id;
  });

  afterAll(async () => ctx?.close());

  it('reminds the owner unit heads of each missing period, the secretaries when the unit has no head', async () => {
    const summary = await run();
    // monthly: 02, 03 (04 ended? no); quarterly: Q1; last year: 2025-12; agency B: 01, 02, 03.
    expect(summary).toMatchObject({ day: '2026-04-10', periodsMissing: 7, objectives: 4 });
    const headNotices = await notices(head);
    expect(headNotices.map((n) => [n.entityId, n.title])).toEqual(
      expect.arrayContaining([
        [monthly, 'Chưa có số liệu mục tiêu chất lượng: tháng 02/2026, tháng 03/2026'],
        [lastYear, 'Chưa có số liệu mục tiêu chất lượng: tháng 12/2025'],
      ]),
    );
    expect(headNotices).toHaveLength(2);
    expect(headNotices.find((n) => n.entityId === monthly)).toMatchObject({
      link: `/objectives/${monthly}`,
      body: expect.stringContaining(
        'Mục tiêu "≥ 98% hồ sơ đúng hạn" chưa có số liệu của tháng 02/2026, tháng 03/2026',
      ),
    });
    expect((await notices(secretary)).map((n) => [n.entityId, n.title])).toEqual([
      [quarterly, 'Chưa có số liệu mục tiêu chất lượng: quý 1/2026'],
    ]);
    expect(await notices(otherHead)).toEqual([]);
    expect((await notices(headB)).map((n) => n.entityId)).toEqual([monthlyB]);
    expect((await notices(head)).some((n) => n.entityId === withdrawn)).toBe(false);
  });

  it('a second run the same day sends nothing', async () => {
    expect(await run()).toMatchObject({ periodsMissing: 0, notifications: 0 });
    expect(await notices(head)).toHaveLength(2);
  });

  it('after missed days it reminds once of what is still missing today', async () => {
    await recordMeasurement(apiAs(ctx, head), monthly, '2026-02', 98);
    clock.set('2026-04-14T01:00:00Z');
    const summary = await run();
    expect(summary).toMatchObject({ day: '2026-04-14', periodsMissing: 6, objectives: 4 });
    const latest = (await notices(head)).filter((n) => n.entityId === monthly);
    expect(latest.map((n) => n.title)).toEqual([
      'Chưa có số liệu mục tiêu chất lượng: tháng 02/2026, tháng 03/2026',
      'Chưa có số liệu mục tiêu chất lượng: tháng 03/2026',
    ]);
    const rows = await ctx.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM objective_reminder WHERE objective_id = $1 AND day = '2026-04-14'`,
      [monthly],
    );
    expect(rows[0].n).toBe(1);
  });

  it('a month is due from the 6th day after it ends', async () => {
    await recordMeasurement(apiAs(ctx, head), monthly, '2026-03', 98);
    clock.set('2026-05-05T01:00:00Z');
    await run();
    expect((await notices(head)).filter((n) => n.entityId === monthly)).toHaveLength(2);
    clock.set('2026-05-06T01:00:00Z');
    await run();
    expect((await notices(head)).filter((n) => n.entityId === monthly).at(-1)?.title).toBe(
      'Chưa có số liệu mục tiêu chất lượng: tháng 04/2026',
    );
  });
});

import { randomUUID } from 'node:crypto';
import { JobName, Role } from '@eiso/common';
import { JobHandlerRegistry, JobSummary } from '@eiso/queue';
import { FixedClock } from '../support/fixed-clock';
import { createTestContext, TestContext, TestUser } from '../support/test-app';
import { apiAs } from '../support/api-as';

interface Notice {
  kind: string;
  title: string;
  body: string;
  link: string;
  entityType: string | null;
  entityId: string | null;
}

/**
 * capa.due with a fixed clock, on rows written directly: who is reminded of what, once per item and
 * day (a rerun sends nothing), a run after missed days sends today's reminders once, nothing
 * crosses agencies, nothing is said of a corrective action not yet started, and an owner is told
 * of an escalation only when an approver was told.
 */
describe('capa.due job', () => {
  // 08:00 on 10/03/2027 in Vietnam.
  const clock = new FixedClock(new Date('2027-03-10T01:00:00Z'));
  let ctx: TestContext;
  let runs = 0;
  const u: Record<string, TestUser> = {};
  const ca: Record<string, string> = {};
  const task: Record<string, string> = {};

  const run = async (): Promise<JobSummary> =>
    (await ctx
      .worker!.get(JobHandlerRegistry)
      .run(JobName.CapaDue, {}, { jobId: `test-capa-due-${++runs}`, attempt: 1 })) as JobSummary;
  const notices = async (user: TestUser): Promise<Notice[]> => {
    const res = await apiAs(ctx, user).get('/notifications?pageSize=100');
    expect(res.status).toBe(200);
    return (res.body.items as Notice[]).filter((n) => n.kind.startsWith('capa.')).reverse();
  };
  const kinds = async (user: TestUser) => (await notices(user)).map((n) => n.kind);

  async function nonconformity(agencyId: string, serial: number, year: number, title: string, by: TestUser) {
    const id = randomUUID();
    await ctx.sql(
      `INSERT INTO nonconformity (id, agency_id, year, serial, source, severity, title, description, detected_on, detected_by)
       VALUES ($1, $2, $3, $4, 'self', 'minor', $5, $5, $6, $7)`,
      [id, agencyId, year, serial, title, `${year}-01-15`, by.id],
    );
    return id;
  }
  async function correctiveAction(
    key: string,
    agencyId: string,
    ncId: string,
    state: string,
    by: TestUser,
    verification: { verifier?: TestUser; due?: string } = {},
  ) {
    ca[key] = randomUUID();
    await ctx.sql(
      `INSERT INTO corrective_action (id, agency_id, nonconformity_id, state, created_by, verifier_id, verification_due)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [ca[key], agencyId, ncId, state, by.id, verification.verifier?.id ?? null, verification.due ?? null],
    );
  }
  let position = 0;
  async function action(
    key: string,
    caKey: string,
    agencyId: string,
    owner: TestUser,
    due: string,
    done?: string,
  ) {
    task[key] = randomUUID();
    await ctx.sql(
      `INSERT INTO corrective_action_task
         (id, corrective_action_id, agency_id, round, position, description, owner_id, due_date, done_on, created_by)
       VALUES ($1, $2, $3, 1, $4, $5, $6, $7, $8, $6)`,
      [
        task[key],
        ca[caKey],
        agencyId,
        ++position,
        `Hành động ${key}: rà soát quy trình tiếp nhận hồ sơ`,
        owner.id,
        due,
        done ?? null,
      ],
    );
  }

  beforeAll(async () => {
    ctx = await createTestContext({}, { worker: true, clock });
    const a = (await ctx.newAgency({ name: 'Sở Tư pháp' })).id;
    const b = (await ctx.newAgency({ name: 'Sở Y tế' })).id;
    const c = (await ctx.newAgency({ name: 'Sở Tài chính' })).id;
    const d = (await ctx.newAgency({ name: 'Sở Xây dựng' })).id;
    u.headA = await ctx.newUser({ roles: [Role.Approver], agencyId: a, fullName: 'Trần Văn Giám' });
    u.deputyA = await ctx.newUser({ roles: [Role.Approver, Role.Reviewer], agencyId: a });
    u.secretaryA = await ctx.newUser({ roles: [Role.IsoSecretary], agencyId: a });
    u.owner1 = await ctx.newUser({ roles: [Role.Staff], agencyId: a, fullName: 'Nguyễn Thị Hoa' });
    u.owner2 = await ctx.newUser({ roles: [Role.Staff], agencyId: a, fullName: 'Lê Văn Nam' });
    u.verifierA = await ctx.newUser({ roles: [Role.Auditor], agencyId: a });
    u.headB = await ctx.newUser({ roles: [Role.Approver], agencyId: b });
    u.ownerB = await ctx.newUser({ roles: [Role.Staff], agencyId: b, fullName: 'Phạm Minh Đức' });
    u.secretaryB = await ctx.newUser({ roles: [Role.IsoSecretary], agencyId: b });
    u.headC = await ctx.newUser({ roles: [Role.Approver], agencyId: c });
    u.ownerC = await ctx.newUser({ roles: [Role.Staff], agencyId: c, fullName: 'Đỗ Văn Chờ' });
    u.secretaryC = await ctx.newUser({ roles: [Role.IsoSecretary], agencyId: c });
    // Agency D has no approver: an overdue action there escalates to nobody.
    u.ownerD = await ctx.newUser({ roles: [Role.Staff], agencyId: d, fullName: 'Vũ Thị Dung' });
    u.secretaryD = await ctx.newUser({ roles: [Role.IsoSecretary], agencyId: d });

    const nc1 = await nonconformity(a, 3, 2027, 'Hồ sơ trễ hạn tại bộ phận Một cửa', u.secretaryA);
    await correctiveAction('main', a, nc1, 'in_progress', u.secretaryA);
    await action('soon3', 'main', a, u.owner1, '2027-03-13'); // due in 3 days
    await action('today', 'main', a, u.owner2, '2027-03-10'); // due today
    await action('later', 'main', a, u.owner1, '2027-03-14'); // due in 4 days: not yet
    await action('over', 'main', a, u.owner1, '2027-03-05'); // 5 days late
    await action('over2', 'main', a, u.owner2, '2027-02-20'); // 18 days late
    await action('done', 'main', a, u.owner1, '2027-03-01', '2027-02-28');
    const nc2 = await nonconformity(a, 12, 2026, 'Sai sót trong sổ theo dõi văn bản', u.secretaryA);
    await correctiveAction('closed', a, nc2, 'closed', u.secretaryA);
    await action('ofClosed', 'closed', a, u.owner1, '2027-03-01');
    const nc3 = await nonconformity(a, 4, 2027, 'Chưa cập nhật danh mục tài liệu bên ngoài', u.secretaryA);
    await correctiveAction('check', a, nc3, 'verifying', u.secretaryA, {
      verifier: u.verifierA,
      due: '2027-03-10',
    });
    const nc4 = await nonconformity(a, 5, 2027, 'Thiếu biên bản họp xem xét', u.secretaryA);
    await correctiveAction('checkLater', a, nc4, 'verifying', u.secretaryA, {
      verifier: u.verifierA,
      due: '2027-03-11',
    });
    const nc5 = await nonconformity(a, 6, 2027, 'Chưa đo lường sự hài lòng', u.secretaryA);
    await correctiveAction('unassigned', a, nc5, 'verifying', u.secretaryA, { due: '2027-03-01' });
    const ncB = await nonconformity(b, 1, 2027, 'Hồ sơ cấp phép trễ hạn', u.secretaryB);
    await correctiveAction('b', b, ncB, 'in_progress', u.secretaryB);
    await action('overB', 'b', b, u.ownerB, '2027-03-08');
    // Planned, not started: its owner cannot report the action done yet, so nothing is said of it.
    const ncC = await nonconformity(c, 1, 2027, 'Chưa rà soát danh mục thủ tục', u.secretaryC);
    await correctiveAction('plannedC', c, ncC, 'planned', u.secretaryC);
    await action('pastDueC', 'plannedC', c, u.ownerC, '2027-03-01');
    await action('soonC', 'plannedC', c, u.ownerC, '2027-03-11');
    const ncD = await nonconformity(d, 1, 2027, 'Hồ sơ cấp phép xây dựng trễ hạn', u.secretaryD);
    await correctiveAction('d', d, ncD, 'in_progress', u.secretaryD);
    await action('overD', 'd', d, u.ownerD, '2027-03-07');
  });
  afterAll(() => ctx.close());

  it('reminds owners from three days before, escalates overdue actions, asks for due checks', async () => {
    expect(await run()).toEqual({
      day: '2027-03-10',
      actionDueSoon: 2,
      actionOverdue: 4, // over, over2, B's and D's (C's corrective action is only planned)
      verificationDue: 2,
      agenciesEscalated: 2, // A and B; D has no approver to tell
      notifications: 11,
    });

    const owner1 = await notices(u.owner1);
    expect(owner1.map((n) => [n.kind, n.title])).toEqual(
      expect.arrayContaining([
        ['capa.action_due_soon', 'Hành động khắc phục sắp đến hạn (13/03/2027)'],
        ['capa.action_overdue', 'Hành động khắc phục đã quá hạn 5 ngày'],
      ]),
    );
    expect(owner1).toHaveLength(2);
    const soon = owner1.find((n) => n.kind === 'capa.action_due_soon')!;
    expect(soon.body).toBe(
      'Sự không phù hợp số 03/2027: hành động "Hành động soon3: rà soát quy trình tiếp nhận hồ sơ" do anh/chị ' +
        'thực hiện đến hạn ngày 13/03/2027 (còn 3 ngày). Khi hoàn thành, đề nghị cập nhật ngày hoàn thành và ' +
        'bằng chứng thực hiện.',
    );
    expect(soon).toMatchObject({
      link: `/corrective-actions/${ca.main}`,
      entityType: 'corrective_action',
      entityId: ca.main,
    });
    expect(owner1.find((n) => n.kind === 'capa.action_overdue')!.body).toBe(
      'Sự không phù hợp số 03/2027: hành động "Hành động over: rà soát quy trình tiếp nhận hồ sơ" do anh/chị ' +
        'thực hiện đã quá hạn (hạn ngày 05/03/2027, trễ 5 ngày) và đã được báo cáo lãnh đạo cơ quan. ' +
        'Đề nghị hoàn thành ngay và cập nhật ngày hoàn thành cùng bằng chứng thực hiện.',
    );

    const owner2 = await notices(u.owner2);
    expect(owner2.map((n) => n.title).sort()).toEqual([
      'Hành động khắc phục đã quá hạn 18 ngày',
      'Hành động khắc phục đến hạn hôm nay (10/03/2027)',
    ]);
    expect(owner2.find((n) => n.kind === 'capa.action_due_soon')!.body).toContain(
      'do anh/chị thực hiện đến hạn hôm nay, ngày 10/03/2027.',
    );

    // Both approvers of agency A get one notice naming both overdue actions, oldest first.
    for (const head of [u.headA, u.deputyA]) {
      const escalated = await notices(head);
      expect(escalated).toHaveLength(1);
      expect(escalated[0]).toMatchObject({
        kind: 'capa.action_overdue_escalated',
        title: 'Báo cáo 2 hành động khắc phục quá hạn',
        link: '/corrective-actions?overdue=true',
      });
      expect(escalated[0].body).toBe(
        'Đến ngày 10/03/2027, 2 hành động khắc phục chưa hoàn thành đã quá hạn:\n' +
          '- Sự không phù hợp số 03/2027: "Hành động over2: rà soát quy trình tiếp nhận hồ sơ" — hạn 20/02/2027, ' +
          'người thực hiện: Lê Văn Nam\n' +
          '- Sự không phù hợp số 03/2027: "Hành động over: rà soát quy trình tiếp nhận hồ sơ" — hạn 05/03/2027, ' +
          'người thực hiện: Nguyễn Thị Hoa',
      );
    }

    const verifier = await notices(u.verifierA);
    expect(verifier).toHaveLength(1);
    expect(verifier[0]).toMatchObject({
      kind: 'capa.verification_due',
      title: 'Đến hạn kiểm tra hiệu lực hành động khắc phục: Sự không phù hợp số 04/2027',
      link: `/corrective-actions/${ca.check}`,
    });
    expect(verifier[0].body).toBe(
      'Sự không phù hợp số 04/2027 — Chưa cập nhật danh mục tài liệu bên ngoài: các hành động khắc phục đã hoàn ' +
        'thành; việc kiểm tra hiệu lực đến hạn hôm nay, ngày 10/03/2027. Đề nghị kiểm tra và ghi nhận kết quả ' +
        '(có hiệu lực hoặc chưa có hiệu lực, kèm lý do).',
    );
    // No verifier named yet: the ISO secretaries are asked to name one.
    const secretary = await notices(u.secretaryA);
    expect(secretary).toHaveLength(1);
    expect(secretary[0].title).toBe(
      'Đến hạn kiểm tra hiệu lực hành động khắc phục: Sự không phù hợp số 06/2027',
    );
    expect(secretary[0].body).toContain(
      'đã quá hạn từ ngày 01/03/2027. Chưa phân công người kiểm tra hiệu lực',
    );
  });

  it('keeps each agency to itself: another agency’s head hears only of its own actions', async () => {
    const headB = await notices(u.headB);
    expect(headB).toHaveLength(1);
    expect(headB[0]).toMatchObject({
      kind: 'capa.action_overdue_escalated',
      title: 'Báo cáo hành động khắc phục quá hạn: Sự không phù hợp số 01/2027',
      link: `/corrective-actions/${ca.b}`,
    });
    expect(headB[0].body).toContain('người thực hiện: Phạm Minh Đức');
    expect(headB[0].body).not.toContain('số 03/2027');
    expect(await kinds(u.ownerB)).toEqual(['capa.action_overdue']);
    expect(await notices(u.headC)).toEqual([]);
    expect(await notices(u.ownerC)).toEqual([]);
    expect(await notices(u.secretaryB)).toEqual([]);
    // Nobody to escalate to in agency D: the owner is not told it was reported.
    const ownerD = await notices(u.ownerD);
    expect(ownerD.map((n) => n.kind)).toEqual(['capa.action_overdue']);
    expect(ownerD[0].body).toBe(
      'Sự không phù hợp số 01/2027: hành động "Hành động overD: rà soát quy trình tiếp nhận hồ sơ" do anh/chị ' +
        'thực hiện đã quá hạn (hạn ngày 07/03/2027, trễ 3 ngày). ' +
        'Đề nghị hoàn thành ngay và cập nhật ngày hoàn thành cùng bằng chứng thực hiện.',
    );
    for (const head of [u.headA, u.deputyA])
      expect((await notices(head))[0].body).not.toContain('Phạm Minh Đức');
  });

  it('sends nothing more when run again the same day', async () => {
    const before = await ctx.sql<{ n: string }>(
      `SELECT count(*) AS n FROM notification WHERE kind LIKE 'capa.%'`,
    );
    clock.set('2027-03-10T09:00:00Z'); // 16:00 the same day in Vietnam
    expect(await run()).toMatchObject({
      actionDueSoon: 0,
      actionOverdue: 0,
      verificationDue: 0,
      notifications: 0,
    });
    const after = await ctx.sql<{ n: string }>(
      `SELECT count(*) AS n FROM notification WHERE kind LIKE 'capa.%'`,
    );
    expect(after).toEqual(before);
    expect(
      await ctx.sql(`SELECT kind, count(*)::int AS n FROM capa_reminder GROUP BY kind ORDER BY kind`),
    ).toEqual([
      { kind: 'action_due_soon', n: 2 },
      { kind: 'action_overdue', n: 4 },
      { kind: 'verification_due', n: 2 },
    ]);
  });

  it('says "due soon" once per action, escalates and asks again every day', async () => {
    clock.set('2027-03-11T01:00:00Z');
    expect(await run()).toEqual({
      day: '2027-03-11',
      actionDueSoon: 1, // "later" (due 14/03) enters its window; "soon3" was told yesterday
      actionOverdue: 5, // over, over2, B's, D's, and "today" (due yesterday)
      verificationDue: 3, // check (since yesterday), checkLater (today), unassigned
      agenciesEscalated: 2,
      notifications: 12,
    });
    expect(
      await ctx.sql(`SELECT kind, day::text AS day FROM capa_reminder WHERE item_id = $1 ORDER BY day`, [
        task.soon3,
      ]),
    ).toEqual([{ kind: 'action_due_soon', day: '2027-03-10' }]);
    const titles = async (user: TestUser, from: number) =>
      (await notices(user))
        .slice(from)
        .map((n) => n.title)
        .sort();
    expect(await titles(u.owner1, 2)).toEqual([
      'Hành động khắc phục sắp đến hạn (14/03/2027)',
      'Hành động khắc phục đã quá hạn 6 ngày',
    ]);
    expect(await titles(u.owner2, 2)).toEqual([
      'Hành động khắc phục đã quá hạn 1 ngày',
      'Hành động khắc phục đã quá hạn 19 ngày',
    ]);
    expect((await notices(u.headA)).map((n) => n.title)).toEqual([
      'Báo cáo 2 hành động khắc phục quá hạn',
      'Báo cáo 3 hành động khắc phục quá hạn',
    ]);
    expect(await titles(u.verifierA, 1)).toEqual([
      'Đến hạn kiểm tra hiệu lực hành động khắc phục: Sự không phù hợp số 04/2027',
      'Đến hạn kiểm tra hiệu lực hành động khắc phục: Sự không phù hợp số 05/2027',
    ]);
    expect(await notices(u.secretaryA)).toHaveLength(2);
  });

  it('after missed days, reminds once of today’s state (no reminder for the days missed)', async () => {
    await ctx.sql(`UPDATE corrective_action_task SET done_on = '2027-03-12' WHERE id = $1`, [task.over]);
    await ctx.sql(`UPDATE corrective_action SET state = 'closed' WHERE id = $1`, [ca.unassigned]);
    clock.set('2027-03-16T01:00:00Z'); // 12–15/03 were missed
    expect(await run()).toEqual({
      day: '2027-03-16',
      actionDueSoon: 0,
      actionOverdue: 6, // soon3, today, later, over2, B's and D's; "over" is done now
      verificationDue: 2, // check and checkLater, still due; the closed one no more
      agenciesEscalated: 2,
      notifications: 11,
    });
    // One reminder per item for today; nothing is written for the days nobody ran.
    expect(await ctx.sql(`SELECT DISTINCT day::text AS day FROM capa_reminder ORDER BY day`)).toEqual([
      { day: '2027-03-10' },
      { day: '2027-03-11' },
      { day: '2027-03-16' },
    ]);
    // "soon3" fell due while nobody ran: it is reported overdue now.
    expect(
      await ctx.sql(`SELECT kind, day::text AS day FROM capa_reminder WHERE item_id = $1 ORDER BY day`, [
        task.soon3,
      ]),
    ).toEqual([
      { kind: 'action_due_soon', day: '2027-03-10' },
      { kind: 'action_overdue', day: '2027-03-16' },
    ]);
    const owner1 = (await notices(u.owner1)).slice(4).map((n) => n.title);
    expect(owner1.sort()).toEqual([
      'Hành động khắc phục đã quá hạn 2 ngày',
      'Hành động khắc phục đã quá hạn 3 ngày',
    ]);
    const headA = await notices(u.headA);
    expect(headA).toHaveLength(3);
    expect(headA[2].title).toBe('Báo cáo 4 hành động khắc phục quá hạn');
    expect(headA[2].body).not.toContain('Hành động over:');
    expect(
      (await notices(u.verifierA))
        .slice(3)
        .map((n) => n.title)
        .sort(),
    ).toEqual([
      'Đến hạn kiểm tra hiệu lực hành động khắc phục: Sự không phù hợp số 04/2027',
      'Đến hạn kiểm tra hiệu lực hành động khắc phục: Sự không phù hợp số 05/2027',
    ]);
    expect(await notices(u.secretaryA)).toHaveLength(2);
    expect(await notices(u.headC)).toEqual([]);
    // Again the same day: nothing.
    expect(await run()).toMatchObject({ actionOverdue: 0, verificationDue: 0, notifications: 0 });
  });

  it('takes the day in Vietnam: 00:30 on 17/03 there is 17:30 on 16/03 UTC', async () => {
    clock.set('2027-03-16T17:30:00Z');
    expect(await run()).toMatchObject({ day: '2027-03-17', actionOverdue: 6, verificationDue: 2 });
    // Still nothing for the planned corrective action's actions.
    expect(await notices(u.ownerC)).toEqual([]);
  });
});

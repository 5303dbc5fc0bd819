import { Role } from '@eiso/common';
import { samplePdf } from '../support/files';
import { FixedClock } from '../support/fixed-clock';
import { createTestContext, TestContext, TestUser } from '../support/test-app';
import { apiAs } from '../support/api-as';
import { auditActions } from '../support/audit-actions';
import { runRetention } from '../support/record-flow';

interface Notification {
  kind: string;
  title: string;
  body: string;
  link: string;
}

/** records.retention with a fixed clock: set-based, hold respected, one notice per agency per run. */
describe('records retention job', () => {
  const clock = new FixedClock(new Date('2027-01-10T02:00:00Z'));
  let ctx: TestContext;
  let secretaryA: TestUser;
  let secretaryA2: TestUser;
  let staffA: TestUser;
  let secretaryB: TestUser;
  let agencyA: string;
  let agencyB: string;
  const ids: Record<string, string> = {};

  const dueNotices = async (user: TestUser): Promise<Notification[]> =>
    ((await apiAs(ctx, user).get('/notifications?pageSize=100')).body.items as Notification[]).filter(
      (n) => n.kind === 'record.retention_due',
    );
  const state = async (key: string): Promise<Record<string, unknown>> =>
    (await apiAs(ctx, staffA).get(`/records/${ids[key]}`)).body as Record<string, unknown>;
  const retentionEvents = () =>
    ctx.sql<{
      agency_id: string;
      actor_username: string;
      after: { date: string; count: number; recordIds: string };
    }>(
      `SELECT agency_id, actor_username, after FROM audit_event WHERE action = 'record.retention_due' ORDER BY seq`,
    );

  beforeAll(async () => {
    ctx = await createTestContext({}, { worker: true, clock });
    agencyA = (await ctx.newAgency({ name: 'Sở Nội vụ' })).id;
    agencyB = (await ctx.newAgency({ name: 'Sở Xây dựng' })).id;
    const unitA = await ctx.newOrgUnit(agencyA, 'Văn phòng Sở');
    const unitB = await ctx.newOrgUnit(agencyB, 'Văn phòng Sở');
    secretaryA = await ctx.newUser({ roles: [Role.IsoSecretary], agencyId: agencyA });
    secretaryA2 = await ctx.newUser({ roles: [Role.IsoSecretary, Role.Drafter], agencyId: agencyA });
    staffA = await ctx.newUser({ roles: [Role.Staff], agencyId: agencyA });
    secretaryB = await ctx.newUser({ roles: [Role.IsoSecretary], agencyId: agencyB });
    const type = async (user: TestUser, code: string, unitId: string, retention: object) =>
      (
        await apiAs(ctx, user).post('/record-types', {
          code,
          name: `Loại hồ sơ ${code}`,
          storagePlace: 'Kho lưu trữ',
          responsibleOrgUnitId: unitId,
          ...retention,
        })
      ).body.id as string;
    const yearA = await type(secretaryA, 'HS-01', unitA.id, { retentionMonths: 12 });
    const foreverA = await type(secretaryA, 'HS-VV', unitA.id, { permanent: true });
    const twoYearsB = await type(secretaryB, 'HS-02', unitB.id, { retentionMonths: 24 });
    const file = async (user: TestUser, key: string, typeId: string, title: string, recordDate: string) => {
      const res = await apiAs(ctx, user).post('/records', { recordTypeId: typeId, title, recordDate });
      expect(res.status).toBe(201);
      ids[key] = res.body.id as string;
    };
    await file(staffA, 'past', yearA, 'Hồ sơ hội nghị cán bộ', '2025-12-01'); // ended 01/12/2026
    await file(staffA, 'today', yearA, 'Hồ sơ thi đua khen thưởng', '2026-01-10'); // ends today
    await file(staffA, 'tomorrow', yearA, 'Hồ sơ tuyển dụng viên chức', '2026-01-11'); // ends tomorrow
    await file(staffA, 'held', yearA, 'Hồ sơ khiếu nại', '2025-01-01');
    await file(staffA, 'forever', foreverA, 'Quyết định thành lập', '2001-01-01');
    await file(staffA, 'older', yearA, 'Hồ sơ đào tạo, bồi dưỡng', '2025-06-01'); // ended 01/06/2026
    await file(secretaryB, 'other', twoYearsB, 'Hồ sơ cấp phép xây dựng', '2024-01-01');
    const held = await apiAs(ctx, secretaryA).post(`/records/${ids.held}/hold`, {
      reason: 'Đang giải quyết khiếu nại',
    });
    expect(held.status).toBe(200);
    expect(held.body).toMatchObject({
      state: 'active',
      onHold: true,
      hold: { reason: 'Đang giải quyết khiếu nại' },
    });
  });
  afterAll(() => ctx.close());

  it('moves records whose retention ended (today included) to due_for_disposal, not held or permanent ones', async () => {
    await runRetention(ctx);
    for (const key of ['past', 'today', 'older']) {
      expect(await state(key)).toMatchObject({
        state: 'due_for_disposal',
        stateLabel: 'Đến hạn hủy',
        dueAt: '2027-01-10T02:00:00.000Z',
      });
    }
    for (const key of ['tomorrow', 'held', 'forever']) expect((await state(key)).state).toBe('active');
    const due = await apiAs(ctx, staffA).get('/records?state=due_for_disposal&sort=retentionEnd:asc');
    expect(due.body.items.map((r: { id: string }) => r.id)).toEqual([ids.older, ids.past, ids.today]);
    expect((await apiAs(ctx, secretaryB).get(`/records/${ids.other}`)).body.state).toBe('due_for_disposal');
  });

  it('tells each agency’s ISO secretaries once per run, listing the records', async () => {
    for (const user of [secretaryA, secretaryA2]) {
      const notices = await dueNotices(user);
      expect(notices).toHaveLength(1);
      expect(notices[0].title).toBe('3 hồ sơ đến hạn hủy');
      expect(notices[0].body).toContain('Ngày 10/01/2027: 3 hồ sơ đã hết thời hạn lưu trữ');
      expect(notices[0].body).toContain('- Hồ sơ đào tạo, bồi dưỡng: hết hạn lưu trữ ngày 01/06/2026');
      expect(notices[0].body).toContain('- Hồ sơ hội nghị cán bộ: hết hạn lưu trữ ngày 01/12/2026');
      expect(notices[0].body).toContain('- Hồ sơ thi đua khen thưởng: hết hạn lưu trữ ngày 10/01/2027');
      expect(notices[0].body).not.toContain('khiếu nại');
      expect(notices[0].link).toBe('/records?state=due_for_disposal');
    }
    const other = await dueNotices(secretaryB);
    expect(other.map((n) => n.title)).toEqual(['1 hồ sơ đến hạn hủy']);
    expect(other[0].body).toContain('Hồ sơ cấp phép xây dựng');
    expect(await dueNotices(staffA)).toEqual([]);
  });

  it('writes one audit event per agency and run, listing every record it moved', async () => {
    const events = await retentionEvents();
    expect(events).toHaveLength(2);
    const a = events.find((e) => e.agency_id === agencyA)!;
    expect(a.actor_username).toBe('system');
    expect({ ...a.after, recordIds: a.after.recordIds.split(',').sort() }).toEqual({
      date: '2027-01-10',
      count: 3,
      recordIds: [ids.past, ids.today, ids.older].sort(),
    });
    expect(events.find((e) => e.agency_id === agencyB)!.after.recordIds).toBe(ids.other);
  });

  it('changes nothing when run again the same day', async () => {
    const before = await ctx.sql<{ n: number }>('SELECT count(*)::int AS n FROM audit_event');
    await runRetention(ctx, 'again');
    expect(await dueNotices(secretaryA)).toHaveLength(1);
    expect(await retentionEvents()).toHaveLength(2);
    expect(await ctx.sql<{ n: number }>('SELECT count(*)::int AS n FROM audit_event')).toEqual(before);
  });

  it('refuses new files once a record is due', async () => {
    const upload = await apiAs(ctx, staffA).upload(
      `/records/${ids.past}/files`,
      'muon.pdf',
      await samplePdf('x'),
    );
    expect(upload.status).toBe(409);
    expect(upload.body.code).toBe('RECORD_NOT_ACTIVE');
  });

  it('picks up the next day’s records, and a released record on the next run', async () => {
    clock.set('2027-01-11T02:00:00Z');
    await runRetention(ctx, 'next-day');
    expect((await state('tomorrow')).state).toBe('due_for_disposal');
    expect((await state('held')).state).toBe('active');
    expect((await dueNotices(secretaryA)).map((n) => n.title)).toEqual([
      '1 hồ sơ đến hạn hủy',
      '3 hồ sơ đến hạn hủy',
    ]);

    const released = await apiAs(ctx, secretaryA).post(`/records/${ids.held}/release`);
    expect(released.body).toMatchObject({ state: 'active', onHold: false, hold: null });
    await runRetention(ctx, 'after-release');
    expect((await state('held')).state).toBe('due_for_disposal');
    expect((await state('forever')).state).toBe('active');
    expect(await auditActions(ctx, ids.held)).toEqual(['record.created', 'record.held', 'record.released']);
    expect(await retentionEvents()).toHaveLength(4);
  });
});

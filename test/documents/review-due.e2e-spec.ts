import { JobName, Role } from '@eiso/common';
import { JobHandlerRegistry } from '@eiso/queue';
import { FixedClock } from '../support/fixed-clock';
import { createTestContext, TestContext, TestUser, USER_PASSWORD } from '../support/test-app';
import { samplePdf } from '../support/files';

/** documents.review-due with a fixed clock: flagged in lists, owners told once per document per day. */
describe('periodic review reminders', () => {
  const clock = new FixedClock(new Date('2026-12-01T02:00:00Z'));
  let ctx: TestContext;
  let reviewer: TestUser;
  let secretary: TestUser;
  let outsider: TestUser;
  let dueId: string;
  let laterId: string;

  const runJob = () =>
    ctx
      .worker!.get(JobHandlerRegistry)
      .dispatch(JobName.DocumentsReviewDue, {}, { jobId: 'test', attempt: 1 });
  const reminders = async (user: TestUser) =>
    (
      await ctx.http().get('/api/v1/notifications?pageSize=100').set('Authorization', user.auth)
    ).body.items.filter((n: { kind: string }) => n.kind === 'document.review_due') as {
      title: string;
      body: string;
    }[];

  beforeAll(async () => {
    ctx = await createTestContext({}, { worker: true, clock });
    const agency = await ctx.newAgency();
    const unit = await ctx.newOrgUnit(agency.id, 'Văn phòng Sở');
    const drafter = await ctx.newUser({ roles: [Role.Drafter], agencyId: agency.id });
    reviewer = await ctx.newUser({ roles: [Role.Reviewer], agencyId: agency.id, orgUnitId: unit.id });
    const approver = await ctx.newUser({ roles: [Role.Approver], agencyId: agency.id });
    secretary = await ctx.newUser({ roles: [Role.IsoSecretary], agencyId: agency.id });
    outsider = await ctx.newUser({ roles: [Role.Reviewer], agencyId: agency.id });
    const issue = async (code: string, effectiveFrom: string, interval: number): Promise<string> => {
      const as =
        (u: TestUser) =>
        (path: string, body: object = {}) =>
          ctx.http().post(`/api/v1${path}`).set('Authorization', u.auth).send(body);
      const doc = await as(drafter)('/documents', {
        code,
        title: `Quy trình ${code}`,
        type: 'procedure',
        ownerOrgUnitId: unit.id,
        reviewIntervalMonths: interval,
      });
      const path = `/documents/${doc.body.id}/versions/${doc.body.currentVersion.id}`;
      await ctx
        .http()
        .post(`/api/v1${path}/files`)
        .set('Authorization', drafter.auth)
        .field('kind', 'primary')
        .attach('file', await samplePdf(code), 'qt.pdf');
      await as(drafter)(`${path}/submit`);
      await as(reviewer)(`${path}/review`, { decision: 'approve' });
      await as(approver)(`${path}/approve`, { password: USER_PASSWORD });
      const issued = await as(secretary)(`${path}/issue`, { password: USER_PASSWORD, effectiveFrom });
      expect(issued.status).toBe(200);
      return doc.body.id as string;
    };
    dueId = await issue('QT-01', '2025-12-20', 12); // review 20/12/2026: within 30 days
    laterId = await issue('QT-02', '2026-06-01', 12); // review 01/06/2027
  });
  afterAll(() => ctx.close());

  it('flags documents due within 30 days in lists', async () => {
    const due = await ctx.http().get('/api/v1/documents?reviewDue=true').set('Authorization', secretary.auth);
    expect(due.body.items.map((d: { id: string }) => d.id)).toEqual([dueId]);
    const one = await ctx.http().get(`/api/v1/documents/${laterId}`).set('Authorization', secretary.auth);
    expect(one.body).toMatchObject({ reviewDue: false, nextReviewDate: '2027-06-01' });
  });

  it('tells the owner unit’s reviewer and the ISO secretary once a day, however often it runs', async () => {
    await runJob();
    await runJob();
    for (const user of [reviewer, secretary]) {
      const items = await reminders(user);
      expect(items).toHaveLength(1);
      expect(items[0].title).toBe('Đến hạn xem xét định kỳ QT-01');
      expect(items[0].body).toContain('20/12/2026');
    }
    expect(await reminders(outsider)).toEqual([]);

    clock.set('2026-12-02T02:00:00Z');
    await runJob();
    expect(await reminders(secretary)).toHaveLength(2);
  });
});

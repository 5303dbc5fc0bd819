import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JOB_SCHEDULES, JobName, Role } from '@eiso/common';
import { CatchUpService, JOB_LABELS, lastFireAt, nextFireAfter } from '@eiso/jobs';
import { JobAttempt, JobQueue, JobRunLog } from '@eiso/queue';
import { FixedClock } from '../support/fixed-clock';
import { waitForQueuesToDrain } from '../support/queue-helpers';
import { createTestContext, TestContext, TestUser } from '../support/test-app';

interface RunRow {
  job_name: string;
  trigger: string;
  outcome: string | null;
  scheduled_for: Date | null;
  attempts: number;
  error: string | null;
}

const SCHEDULED_JOBS = [...new Set(JOB_SCHEDULES.map((s) => s.job))];

/**
 * Jobs on the embedded profile (in-process queue, no Redis): the catch-up at start, the record
 * of every run, and the admin API over them.
 */
describe('jobs on the embedded profile: catch-up, job_run, /admin/jobs', () => {
  // 09:00 on 10/01/2027 in Hà Nội: every daily schedule has fired today.
  const clock = new FixedClock(new Date('2027-01-10T02:00:00Z'));
  let ctx: TestContext;
  let dataDir: string;
  let secretary: TestUser;
  let unitId: string;

  const catchUpRuns = () =>
    ctx.sql<RunRow>(
      `SELECT job_name, trigger, outcome, scheduled_for, attempts, error FROM job_run
        WHERE trigger = 'catch-up' ORDER BY job_name, scheduled_for`,
    );
  const as = (user: TestUser) => ({
    get: (path: string) => ctx.http().get(`/api/v1${path}`).set('Authorization', user.auth),
    post: (path: string, body: object = {}) =>
      ctx.http().post(`/api/v1${path}`).set('Authorization', user.auth).send(body),
  });

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'eiso-jobs-'));
    // No S3, no Redis: the handlers run in the API process. The scheduler is on, as in production.
    ctx = await createTestContext(
      { S3_ENDPOINT: '', REDIS_URL: '', EISO_DATA_DIR: dataDir, EISO_SCHEDULER: 'true' },
      { clock },
    );
    const agency = await ctx.newAgency({ name: 'Sở Tài chính' });
    secretary = await ctx.newUser({ roles: [Role.IsoSecretary], agencyId: agency.id });
    unitId = (await ctx.newOrgUnit(agency.id, 'Văn phòng Sở')).id;
    await waitForQueuesToDrain(ctx.app);
  });
  afterAll(async () => {
    await ctx?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  describe('catch-up at start', () => {
    it('ran every schedule that never succeeded, once, for its last period', async () => {
      const expected = JOB_SCHEDULES.map((s) => ({
        job_name: s.job,
        trigger: 'catch-up',
        outcome: 'succeeded',
        scheduled_for: lastFireAt(s.cron, clock.now()),
        attempts: 1,
        error: null,
      }));
      const matchers: unknown[] = expected.map((e): unknown => expect.objectContaining(e));
      expect(await catchUpRuns()).toEqual(expect.arrayContaining(matchers));
      expect(await catchUpRuns()).toHaveLength(expected.length);
    });

    it('does not run a period again once it succeeded (a second start the same day)', async () => {
      expect(await ctx.app.get(CatchUpService).catchUp()).toEqual([]);
      await waitForQueuesToDrain(ctx.app);
      expect(await catchUpRuns()).toHaveLength(JOB_SCHEDULES.length);
    });

    it('runs a missed period once when two starts race: one row claims it', async () => {
      clock.set('2027-01-11T02:00:00Z'); // the next morning: last night's runs were missed
      const catchUp = ctx.app.get(CatchUpService);
      // Two processes do not see each other's in-memory queue: only the claim can stop the second.
      const unseen = jest.spyOn(ctx.app.get(JobQueue), 'hasUnfinished').mockResolvedValue(false);
      const [first, second] = await Promise.all([catchUp.catchUp(), catchUp.catchUp()]);
      unseen.mockRestore();
      await waitForQueuesToDrain(ctx.app);
      expect([...first, ...second].map((r) => r.job).sort()).toEqual(JOB_SCHEDULES.map((s) => s.job).sort());
      const today = (await catchUpRuns()).filter((r) => r.scheduled_for! > new Date('2027-01-10T12:00:00Z'));
      expect(today.map((r) => [r.job_name, r.outcome]).sort()).toEqual(
        JOB_SCHEDULES.map((s) => [s.job, 'succeeded']).sort(),
      );
    });

    it('fails the runs a stopped process left unfinished, which frees a catch-up period', async () => {
      clock.set('2027-01-12T02:00:00Z');
      const retention = JOB_SCHEDULES.find((s) => s.job === JobName.RecordsRetention)!;
      const period = lastFireAt(retention.cron, clock.now());
      // The PC was switched off while the catch-up of retention ran.
      await ctx.sql(
        `INSERT INTO job_run (id, job_name, job_id, trigger, scheduled_for, requested_at, started_at, attempts)
         VALUES (gen_random_uuid(), $1, 'mat-dien', 'catch-up', $2, $3, $3, 1)`,
        [JobName.RecordsRetention, period, new Date(clock.now().getTime() - 3_600_000)],
      );
      const catchUp = ctx.app.get(CatchUpService);
      // The claim of the period is still held: nothing runs twice for it.
      const blocked = await catchUp.catchUp();
      expect(blocked.map((r) => r.job)).not.toContain(JobName.RecordsRetention);
      await waitForQueuesToDrain(ctx.app);

      expect(await catchUp.failInterrupted()).toBe(1);
      const [interrupted] = await ctx.sql<RunRow>(`SELECT * FROM job_run WHERE job_id = 'mat-dien'`);
      expect(interrupted).toMatchObject({
        outcome: 'failed',
        error: 'Tiến trình đã dừng khi công việc chưa chạy xong (máy tắt hoặc khởi động lại).',
      });
      const again = await catchUp.catchUp();
      expect(again.map((r) => r.job)).toEqual([JobName.RecordsRetention]);
      expect(again[0].scheduledFor).toEqual(period);
      await waitForQueuesToDrain(ctx.app);
      const runs = await ctx.sql<RunRow>(
        `SELECT outcome FROM job_run WHERE job_name = $1 AND scheduled_for = $2 ORDER BY requested_at`,
        [JobName.RecordsRetention, period],
      );
      expect(runs.map((r) => r.outcome)).toEqual(['failed', 'succeeded']);
    });
  });

  describe('GET /admin/jobs', () => {
    it('lists every schedule with its Vietnamese label, cron, next run and last run', async () => {
      const res = await as(ctx.admin).get('/admin/jobs');
      expect(res.status).toBe(200);
      expect(res.body.failureDays).toBe(7);
      expect(res.body.items.map((i: { key: string }) => i.key)).toEqual(JOB_SCHEDULES.map((s) => s.key));
      for (const [i, s] of JOB_SCHEDULES.entries()) {
        const item = res.body.items[i];
        expect(item).toMatchObject({
          key: s.key,
          job: s.job,
          label: JOB_LABELS[s.job],
          cron: s.cron,
          timeZone: 'Asia/Ho_Chi_Minh',
          nextRunAt: nextFireAfter(s.cron, clock.now()).toISOString(),
          lastSuccessAt: clock.now().toISOString(),
          // The run the switched-off PC left unfinished.
          failures: s.job === JobName.RecordsRetention ? 1 : 0,
        });
        expect(item.label).toMatch(/[àáảãạăâđêôơư]/i);
        expect(item.lastRun).toMatchObject({ job: s.job, state: 'succeeded', outcome: 'succeeded' });
      }
    });

    it('counts the failures of the last N days; per-item jobs keep only their final failures', async () => {
      const runLog = ctx.app.get(JobRunLog);
      const attempt = (name: JobName, jobId: string, n: number): JobAttempt => ({
        name,
        jobId,
        attempt: n,
        attempts: 2,
        trigger: 'event',
      });
      // A scheduled job: a failed attempt keeps the run open with its error, the last one fails it.
      const first = attempt(JobName.AuditVerifyChain, 'verify-by-hand', 1);
      const runId = await runLog.started(first);
      expect(runId).toEqual(expect.any(String));
      await runLog.finished(first, runId, { outcome: 'failed', error: 'mất kết nối', final: false });
      let [row] = await ctx.sql<RunRow>(`SELECT * FROM job_run WHERE id = $1`, [runId]);
      expect(row).toMatchObject({ outcome: null, error: 'mất kết nối', attempts: 1 });
      const second = attempt(JobName.AuditVerifyChain, 'verify-by-hand', 2);
      expect(await runLog.started(second)).toBe(runId);
      await runLog.finished(second, runId, { outcome: 'failed', error: 'vẫn mất kết nối', final: true });
      [row] = await ctx.sql<RunRow>(`SELECT * FROM job_run WHERE id = $1`, [runId]);
      expect(row).toMatchObject({
        outcome: 'failed',
        error: 'vẫn mất kết nối',
        attempts: 2,
        trigger: 'event',
      });

      // A per-item job: nothing for its successes and retries, one row for its final failure.
      const send = attempt(JobName.NotificationsSend, 'notifications.send/x', 1);
      expect(await runLog.started(send)).toBeNull();
      await runLog.finished(send, null, { outcome: 'succeeded', summary: null });
      await runLog.finished(send, null, { outcome: 'failed', error: 'SMTP 421', final: false });
      await runLog.finished(send, null, { outcome: 'failed', error: 'SMTP 550', final: true });
      const sends = await ctx.sql<RunRow>(`SELECT * FROM job_run WHERE job_name = $1`, [
        JobName.NotificationsSend,
      ]);
      expect(sends).toEqual([
        expect.objectContaining({ outcome: 'failed', error: 'SMTP 550', trigger: 'event' }),
      ]);

      const res = await as(ctx.admin).get('/admin/jobs?failureDays=30');
      expect(res.status).toBe(200);
      expect(res.body.failureDays).toBe(30);
      const failures = Object.fromEntries(
        res.body.items.map((i: { job: string; failures: number }) => [i.job, i.failures]),
      );
      const failed: string[] = [JobName.AuditVerifyChain, JobName.RecordsRetention];
      expect(failures).toEqual(
        Object.fromEntries(SCHEDULED_JOBS.map((job) => [job, failed.includes(job) ? 1 : 0])),
      );
      expect((await as(ctx.admin).get('/admin/jobs?failureDays=0')).status).toBe(400);
      expect((await as(ctx.admin).get('/admin/jobs?failureDays=91')).status).toBe(400);
    });
  });

  it('prunes finished runs older than 90 days after a success, keeping each job its last success', async () => {
    const daysAgo = (n: number) => new Date(clock.now().getTime() - n * 86_400_000);
    const insert = (job: string, outcome: string | null, at: Date) =>
      ctx.sql(
        `INSERT INTO job_run (id, job_name, job_id, trigger, requested_at, started_at, finished_at, attempts, outcome)
         VALUES (gen_random_uuid(), $1, 'old-' || gen_random_uuid(), 'schedule', $2, $2, $3, 1, $4)`,
        [job, at, outcome === null ? null : at, outcome],
      );
    await insert('legacy.job', 'succeeded', daysAgo(200)); // its last success: kept
    await insert('legacy.job', 'succeeded', daysAgo(300));
    await insert('legacy.job', 'failed', daysAgo(150));
    await insert('legacy.job', 'failed', daysAgo(80)); // within 90 days: kept
    await insert('legacy.job', null, daysAgo(120)); // unfinished: not this pruning's business

    const runLog = ctx.app.get(JobRunLog);
    const attempt: JobAttempt = {
      name: JobName.AuditVerifyChain,
      jobId: 'prune-trigger',
      attempt: 1,
      attempts: 1,
      trigger: 'schedule',
    };
    await runLog.finished(attempt, await runLog.started(attempt), { outcome: 'succeeded', summary: null });

    const left = await ctx.sql<{ outcome: string | null; started_at: Date }>(
      `SELECT outcome, started_at FROM job_run WHERE job_name = 'legacy.job' ORDER BY started_at`,
    );
    expect(left).toEqual([
      { outcome: 'succeeded', started_at: daysAgo(200) },
      { outcome: null, started_at: daysAgo(120) },
      { outcome: 'failed', started_at: daysAgo(80) },
    ]);
  });

  describe('POST /admin/jobs/{name}/run', () => {
    it('queues a manual run, on the audit trail, that runs in this process and keeps its counts', async () => {
      const type = await as(secretary).post('/record-types', {
        code: 'HS-TC-01',
        name: 'Hồ sơ quyết toán',
        retentionMonths: 12,
        storagePlace: 'Kho lưu trữ Sở',
        responsibleOrgUnitId: unitId,
      });
      expect(type.status).toBe(201);
      const record = await as(secretary).post('/records', {
        recordTypeId: type.body.id,
        title: 'Hồ sơ quyết toán năm 2025',
        recordDate: '2025-12-01',
      });
      expect(record.status).toBe(201);

      clock.set('2027-01-12T03:00:00Z');
      const res = await as(ctx.admin).post(`/admin/jobs/${JobName.RecordsRetention}/run`);
      expect(res.status).toBe(202);
      expect(res.headers.location).toBe(`/api/v1/admin/jobs/runs/${res.body.id}`);
      expect(res.body).toMatchObject({
        job: JobName.RecordsRetention,
        label: JOB_LABELS[JobName.RecordsRetention],
        trigger: 'manual',
        requestedBy: { id: ctx.admin.id, username: 'admin' },
      });
      await waitForQueuesToDrain(ctx.app);

      const run = await as(ctx.admin).get(`/admin/jobs/runs/${res.body.id}`);
      expect(run.status).toBe(200);
      expect(run.body).toMatchObject({
        state: 'succeeded',
        outcome: 'succeeded',
        attempts: 1,
        error: null,
        summary: { recordsMoved: 1, agencies: 1, notifications: 1, disposalsRequeued: 0 },
      });
      expect((await as(secretary).get(`/records/${record.body.id}`)).body.state).toBe('due_for_disposal');

      const trail = await as(ctx.admin).get(`/audit-events?entityType=job_run&entityId=${res.body.id}`);
      expect(trail.status).toBe(200);
      expect(trail.body.items).toEqual([
        expect.objectContaining({
          action: 'job_run.requested',
          actorUsername: 'admin',
          redacted: false,
          after: { job: JobName.RecordsRetention, trigger: 'manual' },
        }),
      ]);

      const overview = await as(ctx.admin).get('/admin/jobs');
      const retention = overview.body.items.find((i: { job: JobName }) => i.job === JobName.RecordsRetention);
      expect(retention.lastRun).toMatchObject({ id: res.body.id, trigger: 'manual' });
      const page = await as(ctx.admin).get(`/admin/jobs/${JobName.RecordsRetention}/runs?pageSize=2`);
      expect(page.status).toBe(200);
      expect(page.body.items[0].id).toBe(res.body.id);
      expect(page.body.items).toHaveLength(2);
      expect(page.body.total).toBeGreaterThan(2);
    });

    it('answers 404 JOB_NOT_FOUND for a name that is no scheduled job', async () => {
      for (const name of ['khong-co', JobName.NotificationsSend, JobName.PdfControlledCopy]) {
        const res = await as(ctx.admin).post(`/admin/jobs/${encodeURIComponent(name)}/run`);
        expect({ name, status: res.status, code: res.body.code }).toEqual({
          name,
          status: 404,
          code: 'JOB_NOT_FOUND',
        });
        expect(res.body.message).toBe(
          `Không có công việc chạy theo lịch tên "${name}". Các công việc: ${SCHEDULED_JOBS.join(', ')}.`,
        );
        expect((await as(ctx.admin).get(`/admin/jobs/${encodeURIComponent(name)}/runs`)).status).toBe(404);
      }
      const missing = await as(ctx.admin).get('/admin/jobs/runs/00000000-0000-4000-8000-000000000000');
      expect(missing.status).toBe(404);
      expect(missing.body.code).toBe('JOB_RUN_NOT_FOUND');
      expect(await ctx.sql(`SELECT 1 FROM job_run WHERE job_name = 'khong-co'`)).toEqual([]);
    });

    it('is for the system admin only', async () => {
      const agency = await ctx.newAgency();
      const routes = [
        ['get', '/admin/jobs'],
        ['get', `/admin/jobs/${JobName.RecordsRetention}/runs`],
        ['get', '/admin/jobs/runs/00000000-0000-4000-8000-000000000000'],
        ['post', `/admin/jobs/${JobName.RecordsRetention}/run`],
      ] as const;
      for (const [method, path] of routes) {
        expect({ path, status: (await ctx.http()[method](`/api/v1${path}`)).status }).toEqual({
          path,
          status: 401,
        });
      }
      const before = await ctx.sql(`SELECT id FROM job_run`);
      for (const role of Object.values(Role).filter((r) => r !== Role.Admin)) {
        const user = await ctx.newUser({ roles: [role], agencyId: agency.id });
        for (const [method, path] of routes) {
          const res = await ctx.http()[method](`/api/v1${path}`).set('Authorization', user.auth);
          expect({ role, path, status: res.status }).toEqual({ role, path, status: 403 });
        }
      }
      expect(await ctx.sql(`SELECT id FROM job_run`)).toHaveLength(before.length);
    });
  });

  it('answers /admin/queues with a Vietnamese 404: no Redis, no dashboard', async () => {
    for (const path of ['/admin/queues', '/admin/queues/api/queues']) {
      for (const auth of [ctx.admin.auth, undefined]) {
        const req = ctx.http().get(path);
        const res = await (auth ? req.set('Authorization', auth) : req);
        expect({ path, status: res.status, code: res.body.code }).toEqual({
          path,
          status: 404,
          code: 'QUEUE_DASHBOARD_UNAVAILABLE',
        });
        expect(res.body.message).toContain('hồ sơ services (BullMQ trên Redis)');
        expect(res.body.message).toContain('GET /api/v1/admin/jobs');
      }
    }
    const session = await as(ctx.admin).post('/admin/queues/session');
    expect(session.status).toBe(404);
    expect(session.body.code).toBe('QUEUE_DASHBOARD_UNAVAILABLE');
  });
});

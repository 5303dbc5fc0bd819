import { ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { INestApplication, INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { UnrecoverableError, Worker } from 'bullmq';
import { JobName, QueueName, Role } from '@eiso/common';
import { CatchUpService } from '@eiso/jobs';
import { BullmqJobQueue, JobHandlerRegistry, JobOutboxRelay, jobIdOf } from '@eiso/queue';
import { createApiApp } from '../../apps/api/src/create-api-app';
import { WorkerModule } from '../../apps/worker/src/worker.module';
import { apiAs } from '../support/api-as';
import { createTestContext, TestContext } from '../support/test-app';

/** A redis-server of this suite's own on a free loopback port, killed and started again at will. */
class OwnRedis {
  private child: ChildProcess | null = null;
  constructor(readonly port: number) {}

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    const child = spawn(
      'redis-server',
      ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    this.child = child;
    await new Promise<void>((resolve, reject) => {
      let out = '';
      child.stdout?.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        if (out.includes('Ready to accept connections')) resolve();
      });
      child.once('exit', (code) => reject(new Error(`redis-server exited (${code}): ${out}`)));
    });
  }

  async stop(): Promise<void> {
    const child = this.child;
    this.child = null;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function until<T>(
  what: string,
  probe: () => Promise<T | null | undefined | false>,
  timeoutMs = 30_000,
) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await sleep(100);
  }
}

const outboxRows = (ctx: TestContext) =>
  ctx.sql<{ job_name: string; job_id: string; attempts: number; last_error: string | null }>(
    `SELECT job_name, job_id, attempts, last_error FROM job_outbox ORDER BY id`,
  );

const runOutcome = async (ctx: TestContext, runId: string) =>
  (await ctx.sql<{ outcome: string | null }>(`SELECT outcome FROM job_run WHERE id = $1`, [runId]))[0]
    ?.outcome;

describe('job outbox on BullMQ: a committed change never loses its job', () => {
  let redis: OwnRedis;
  let ctx: TestContext;

  beforeAll(async () => {
    redis = new OwnRedis(await freePort());
    await redis.start();
    ctx = await createTestContext({ REDIS_URL: redis.url }, { worker: true });
  });

  afterAll(async () => {
    // Redis back first: closing the queues talks to it.
    await redis.start().catch(() => undefined);
    await ctx?.close();
    await redis.stop();
  });

  const requestRun = () =>
    ctx
      .http()
      .post(`/api/v1/admin/jobs/${JobName.AuditVerifyChain}/run`)
      .set('Authorization', ctx.admin.auth);

  it('answers at once while Redis is down, keeps the job in the outbox, and runs it once Redis is back', async () => {
    await redis.stop();

    const started = Date.now();
    const answer = await requestRun();
    const took = Date.now() - started;
    expect(answer.status).toBe(202);
    expect(took).toBeLessThan(2_000);
    const runId = answer.body.id as string;
    const jobId = jobIdOf(JobName.AuditVerifyChain, 'run', runId);

    // The relay tried, was refused, and keeps the row (with the reason) for its next try.
    const [row] = await until('a refused relay', async () => {
      const rows = await outboxRows(ctx);
      return rows[0]?.attempts > 0 ? rows : null;
    });
    expect(row).toMatchObject({ job_name: JobName.AuditVerifyChain, job_id: jobId });
    expect(row.last_error).toBeTruthy();
    expect(await runOutcome(ctx, runId)).toBeNull();

    // A second request during the outage answers as fast.
    const again = Date.now();
    expect((await requestRun()).status).toBe(202);
    expect(Date.now() - again).toBeLessThan(2_000);

    await redis.start();
    await until('the run to succeed after Redis came back', async () =>
      (await runOutcome(ctx, runId)) === 'succeeded' ? true : null,
    );
    await until('the outbox to empty', async () => ((await outboxRows(ctx)).length === 0 ? true : null));
  });

  it('relays at start what an API killed after its commit left in the outbox', async () => {
    // The API "dies" right after commit: its relay never runs.
    await ctx.app.get(JobOutboxRelay).stop();
    const answer = await requestRun();
    expect(answer.status).toBe(202);
    const runId = answer.body.id as string;
    await sleep(500);
    expect((await outboxRows(ctx)).map((r) => r.job_id)).toEqual([
      jobIdOf(JobName.AuditVerifyChain, 'run', runId),
    ]);
    expect(await runOutcome(ctx, runId)).toBeNull();

    // A new API process starts on the same database.
    const next: INestApplication = await createApiApp({
      config: ctx.config,
      databaseUrl: ctx.db.url,
      signingSecret: ctx.config.JWT_SECRET!,
    });
    try {
      await next.init();
      await until('the run to succeed', async () =>
        (await runOutcome(ctx, runId)) === 'succeeded' ? true : null,
      );
      expect(await outboxRows(ctx)).toEqual([]);
    } finally {
      await next.close();
    }
  });
});

describe('a signed disposal whose dispose job failed for good runs again at the daily re-queue', () => {
  let ctx: TestContext;
  let worker: INestApplicationContext | null = null;

  beforeAll(async () => {
    // The API alone: the dispose job is failed by a stand-in worker below.
    ctx = await createTestContext();
  });

  afterAll(async () => {
    await worker?.close();
    await ctx?.close();
  });

  it('the retention run re-queues it under the same job id and the batch is carried out', async () => {
    const agency = await ctx.newAgency({ name: 'Sở Xây dựng' });
    const unit = await ctx.newOrgUnit(agency.id, 'Văn phòng Sở');
    const secretary = await ctx.newUser({ roles: [Role.IsoSecretary], agencyId: agency.id });
    const approver = await ctx.newUser({ roles: [Role.Approver], agencyId: agency.id });
    const staff = await ctx.newUser({ roles: [Role.Staff], agencyId: agency.id });
    const type = await apiAs(ctx, secretary).post('/record-types', {
      code: 'HS-XD-01',
      name: 'Hồ sơ cấp phép xây dựng',
      retentionMonths: 12,
      storagePlace: 'Kho lưu trữ Văn phòng Sở',
      responsibleOrgUnitId: unit.id,
    });
    expect(type.status).toBe(201);
    const record = await apiAs(ctx, staff).post('/records', {
      recordTypeId: type.body.id,
      title: 'Hồ sơ cấp phép xây dựng năm 2023',
      reference: 'GPXD-2023',
      recordDate: '2023-12-31',
    });
    expect(record.status).toBe(201);
    // Past retention (what the daily run's first half does).
    await ctx.sql(
      `UPDATE record SET state = 'due_for_disposal', due_at = now(), version = version + 1 WHERE id = $1`,
      [record.body.id],
    );
    const proposed = await apiAs(ctx, secretary).post('/disposals', { recordIds: [record.body.id] });
    expect(proposed.status).toBe(201);
    const disposalId = proposed.body.id as string;
    const jobId = jobIdOf(JobName.RecordsDispose, disposalId);

    // The job may be tried once only, and the store is down for that try: it fails for good.
    const records = ctx.app.get(BullmqJobQueue).queueFor(QueueName.Records);
    const internals = records as unknown as { jobsOpts: Record<string, unknown> };
    const defaults = internals.jobsOpts;
    internals.jobsOpts = { ...defaults, attempts: 1 };
    const approved = await apiAs(ctx, approver).post(`/disposals/${disposalId}/approve`, {
      password: 'MatKhau-123',
    });
    expect(approved.status).toBe(200);
    const failing = new Worker(
      QueueName.Records,
      () => Promise.reject(new Error('Kho lưu trữ tệp không phản hồi')),
      { connection: { url: ctx.config.REDIS_URL }, prefix: ctx.config.QUEUE_PREFIX },
    );
    try {
      await until('the dispose job to fail', async () => (await records.getJobState(jobId)) === 'failed');
    } finally {
      await failing.close();
      internals.jobsOpts = defaults;
    }
    expect((await apiAs(ctx, approver).get(`/disposals/${disposalId}`)).body.state).toBe('approved');

    // The store is back; the real worker starts (no catch-up: the scheduler is off here) and the
    // daily retention run comes.
    worker = await NestFactory.createApplicationContext(
      WorkerModule.forRoot({
        config: ctx.config,
        databaseUrl: ctx.db.url,
        signingSecret: ctx.config.JWT_SECRET!,
      }),
      { logger: ['error'] },
    );
    await worker.init();
    await worker
      .get(JobHandlerRegistry)
      .dispatch(JobName.RecordsRetention, {}, { jobId: 'retention-after-outage', attempt: 1 });

    await until('the batch to be carried out', async () =>
      (await apiAs(ctx, approver).get(`/disposals/${disposalId}`)).body.state === 'completed' ? true : null,
    );
    expect(await records.getJobState(jobId)).toBe('completed');
  });
});

describe('failed jobs: the start-up catch-up and the operators run them again', () => {
  let ctx: TestContext;

  beforeAll(async () => {
    ctx = await createTestContext();
  });
  afterAll(() => ctx?.close());

  /** Queues the jobs and fails each once for good, as a worker would: transient or permanent. */
  async function failJobs(jobs: { jobId: string; permanent: boolean }[]): Promise<void> {
    const queue = ctx.app.get(BullmqJobQueue).queueFor(QueueName.Notifications);
    for (const { jobId } of jobs) {
      await queue.add(JobName.NotificationsSend, { notificationIds: [] }, { jobId, attempts: 1 });
    }
    const permanent = new Set(jobs.filter((j) => j.permanent).map((j) => j.jobId));
    const failing = new Worker(
      QueueName.Notifications,
      (job) =>
        Promise.reject(
          permanent.has(job.id!) ? new UnrecoverableError('dữ liệu hỏng') : new Error('SMTP không phản hồi'),
        ),
      { connection: { url: ctx.config.REDIS_URL }, prefix: ctx.config.QUEUE_PREFIX },
    );
    try {
      for (const { jobId } of jobs) {
        await until(`${jobId} to fail`, async () => (await queue.getJobState(jobId)) === 'failed');
      }
    } finally {
      await failing.close();
    }
  }

  it('the catch-up retries the transient failures only', async () => {
    await failJobs([
      { jobId: 'notifications.send/transient', permanent: false },
      { jobId: 'notifications.send/permanent', permanent: true },
    ]);
    const retried = await ctx.app.get(CatchUpService).retryTransientFailures();
    expect(retried).toEqual(['notifications.send/transient']);
    const queue = ctx.app.get(BullmqJobQueue).queueFor(QueueName.Notifications);
    expect(await queue.getJobState('notifications.send/transient')).toBe('waiting');
    expect(await queue.getJobState('notifications.send/permanent')).toBe('failed');
  });

  it('POST /admin/jobs/runs/{id}/retry runs a failed run again, audited; refuses others', async () => {
    await failJobs([{ jobId: 'notifications.send/by-hand', permanent: false }]);
    const [run] = await ctx.sql<{ id: string }>(
      `INSERT INTO job_run (id, job_name, job_id, trigger, requested_at, started_at, finished_at, attempts, outcome, error)
       VALUES (gen_random_uuid(), $1, $2, 'event', now(), now(), now(), 5, 'failed', 'SMTP không phản hồi')
       RETURNING id`,
      [JobName.NotificationsSend, 'notifications.send/by-hand'],
    );
    const retry = (id: string) =>
      ctx.http().post(`/api/v1/admin/jobs/runs/${id}/retry`).set('Authorization', ctx.admin.auth);

    const answer = await retry(run.id);
    expect(answer.status).toBe(202);
    expect(answer.body).toMatchObject({ id: run.id, job: JobName.NotificationsSend });
    const queue = ctx.app.get(BullmqJobQueue).queueFor(QueueName.Notifications);
    expect(await queue.getJobState('notifications.send/by-hand')).toBe('waiting');
    expect(
      await ctx.sql(`SELECT 1 FROM audit_event WHERE action = 'job_run.retried' AND entity_id = $1`, [
        run.id,
      ]),
    ).toHaveLength(1);

    // Not failed in the queue any more: nothing to run again.
    const twice = await retry(run.id);
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('JOB_RUN_NOT_RETRYABLE');
    const missing = await retry('00000000-0000-4000-8000-000000000000');
    expect(missing.status).toBe(404);

    // A failed scheduled run: a new manual run that names it.
    const [scheduled] = await ctx.sql<{ id: string }>(
      `INSERT INTO job_run (id, job_name, job_id, trigger, requested_at, started_at, finished_at, attempts, outcome, error)
       VALUES (gen_random_uuid(), $1, 'x', 'schedule', now(), now(), now(), 5, 'failed', 'S3 không phản hồi')
       RETURNING id`,
      [JobName.RecordsRetention],
    );
    const rerun = await retry(scheduled.id);
    expect(rerun.status).toBe(202);
    expect(rerun.body.id).not.toBe(scheduled.id);
    expect(rerun.body).toMatchObject({ job: JobName.RecordsRetention, trigger: 'manual', outcome: null });
    const staff = await ctx.newUser({ roles: [Role.Staff], agencyId: (await ctx.newAgency()).id });
    expect(
      (await ctx.http().post(`/api/v1/admin/jobs/runs/${run.id}/retry`).set('Authorization', staff.auth))
        .status,
    ).toBe(403);
  });
});

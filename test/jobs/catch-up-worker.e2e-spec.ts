import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Queue } from 'bullmq';
import { JOB_QUEUE, JOB_SCHEDULES, JobName } from '@eiso/common';
import { loadConfig } from '@eiso/config';
import { lastFireAt } from '@eiso/jobs';
import { BullmqJobQueue } from '@eiso/queue';
import { WorkerModule } from '../../apps/worker/src/worker.module';
import { createTestDatabase, TestDatabase } from '../support/database';
import { deleteQueueKeys, uniqueQueuePrefix, waitForQueuesToDrain } from '../support/queue-helpers';
import { testEnv } from '../support/test-app';

const REDIS_URL = process.env.EISO_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const DAY = 86_400_000;

interface RunRow {
  id: string;
  job_name: string;
  job_id: string;
  trigger: string;
  outcome: string | null;
  scheduled_for: Date | null;
  summary: Record<string, unknown> | null;
}

/**
 * The services profile: the worker process catches up at start what BullMQ's scheduler missed
 * while it was down (or Redis lost), once, however many workers start together.
 */
describe('catch-up at worker start (services profile, BullMQ)', () => {
  const prefix = uniqueQueuePrefix();
  let db: TestDatabase;
  const workers: INestApplicationContext[] = [];

  const sql = async <T>(query: string, params: unknown[] = []): Promise<T[]> => {
    const { Client } = await import('pg');
    const client = new Client({ connectionString: db.url });
    await client.connect();
    try {
      return (await client.query(query, params)).rows as T[];
    } finally {
      await client.end();
    }
  };
  const startWorker = async (): Promise<INestApplicationContext> => {
    const config = loadConfig(testEnv(db.url, { REDIS_URL, QUEUE_PREFIX: prefix, EISO_SCHEDULER: 'true' }));
    const worker = await NestFactory.createApplicationContext(
      WorkerModule.forRoot({ config, databaseUrl: db.url, signingSecret: config.JWT_SECRET! }),
      { logger: ['error'] },
    );
    await worker.init();
    workers.push(worker);
    return worker;
  };
  const stopWorkers = async () => {
    await Promise.all(workers.splice(0).map((w) => w.close()));
  };
  const runsOf = (job: JobName) =>
    sql<RunRow>(`SELECT * FROM job_run WHERE job_name = $1 ORDER BY requested_at`, [job]);
  const succeededAt = (job: JobName, at: Date) =>
    sql(
      `INSERT INTO job_run (id, job_name, job_id, trigger, requested_at, started_at, finished_at, attempts, outcome)
       VALUES (gen_random_uuid(), $1, $2, 'schedule', $3, $3, $3, 1, 'succeeded')`,
      [job, `seed-${job}-${at.getTime()}`, at],
    );

  beforeAll(async () => {
    db = await createTestDatabase();
    const now = new Date();
    // Every schedule ran at its last fire time, but retention's last success is three days old.
    for (const s of JOB_SCHEDULES) {
      const ran =
        s.job === JobName.RecordsRetention ? new Date(now.getTime() - 3 * DAY) : lastFireAt(s.cron, now);
      await succeededAt(s.job, ran);
    }
  });

  afterAll(async () => {
    await stopWorkers();
    await deleteQueueKeys(REDIS_URL, prefix);
    await db?.drop();
  });

  it('runs the missed retention once when two workers start together, and nothing else', async () => {
    const retention = JOB_SCHEDULES.find((s) => s.job === JobName.RecordsRetention)!;
    const period = lastFireAt(retention.cron, new Date());
    const [first] = await Promise.all([startWorker(), startWorker()]);
    await waitForQueuesToDrain(first, 30_000);

    const caughtUp = await sql<RunRow>(`SELECT * FROM job_run WHERE trigger = 'catch-up'`);
    expect(caughtUp).toEqual([
      expect.objectContaining({
        job_name: JobName.RecordsRetention,
        outcome: 'succeeded',
        scheduled_for: period,
        summary: { recordsMoved: 0, agencies: 0, notifications: 0, disposalsRequeued: 0 },
      }),
    ]);
    // A BullMQ job of its own, named after the run.
    expect(caughtUp[0].job_id).toBe(`${JobName.RecordsRetention}/run/${caughtUp[0].id}`);
    const queue = first.get(BullmqJobQueue).queueFor(JOB_QUEUE[JobName.RecordsRetention]);
    expect(await queue.getJobState(caughtUp[0].job_id)).toBe('completed');
  });

  it('does not run it again when the worker restarts', async () => {
    await stopWorkers();
    const worker = await startWorker();
    await waitForQueuesToDrain(worker, 30_000);
    expect(await sql(`SELECT 1 FROM job_run WHERE trigger = 'catch-up'`)).toHaveLength(1);
    await stopWorkers();
  });

  it('lets a run the queue still holds (fired while no worker was up) run late instead of doubling it', async () => {
    const job = JobName.DocumentsReviewDue;
    await sql(`UPDATE job_run SET started_at = started_at - interval '3 days' WHERE job_name = $1`, [job]);
    const queue = new Queue(JOB_QUEUE[job], { connection: { url: REDIS_URL }, prefix });
    let worker: INestApplicationContext;
    try {
      await queue.add(job, {}, { jobId: 'fired-while-down' });
      // Paused, the job is still waiting when the starting worker decides what to catch up.
      await queue.pause();
      worker = await startWorker();
      expect(await queue.getJobState('fired-while-down')).toBe('waiting');
      expect(await sql(`SELECT 1 FROM job_run WHERE job_name = $1 AND trigger = 'catch-up'`, [job])).toEqual(
        [],
      );
      await queue.resume();
    } finally {
      await queue.close();
    }
    await waitForQueuesToDrain(worker, 30_000);

    const runs = (await runsOf(job)).slice(1);
    expect(runs).toEqual([
      expect.objectContaining({ job_id: 'fired-while-down', trigger: 'event', outcome: 'succeeded' }),
    ]);
    expect(await sql(`SELECT 1 FROM job_run WHERE trigger = 'catch-up'`)).toHaveLength(1);
  });
});

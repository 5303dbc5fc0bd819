import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Queue, QueueEvents } from 'bullmq';
import { Client } from 'pg';
import { JobName, JOB_QUEUE } from '@eiso/common';
import { createTestDatabase, TestDatabase } from '../support/database';
import { deleteQueueKeys } from '../support/queue-helpers';
import { ROOT, RunningProcess, startProcess } from '../support/process';

const run = promisify(execFile);

const REDIS_URL = process.env.EISO_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** The services profile's worker process: no HTTP, BullMQ processors, the nightly chain check. */
describe('worker process (services profile)', () => {
  let db: TestDatabase;
  let worker: RunningProcess;
  let queue: Queue;
  let events: QueueEvents;
  const prefix = `${process.env.EISO_TEST_QUEUE_PREFIX ?? 'eiso-test'}-worker-${randomBytes(3).toString('hex')}`;

  const runVerifyJob = async (jobId: string): Promise<void> => {
    const job = await queue.add(JobName.AuditVerifyChain, {}, { jobId });
    await job.waitUntilFinished(events, 30_000);
  };

  const waitForOutput = async (text: string): Promise<void> => {
    const deadline = Date.now() + 10_000;
    while (!worker.output().includes(text) && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 100));
    expect(worker.output()).toContain(text);
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    // Links to verify, written the way the application writes them (the CLI import).
    await run(
      process.execPath,
      [
        join(ROOT, 'dist/apps/api/src/cli/main.js'),
        'import-agencies',
        join(ROOT, 'seed/kontum-agencies-2020.csv'),
      ],
      {
        env: { PATH: process.env.PATH ?? '', DATABASE_URL: db.url, JWT_SECRET: 'x'.repeat(40) },
      },
    );
    worker = startProcess('dist/apps/worker/src/main.js', {
      DATABASE_URL: db.url,
      REDIS_URL,
      QUEUE_PREFIX: prefix,
      S3_ENDPOINT: process.env.EISO_TEST_S3_ENDPOINT ?? '',
      S3_ACCESS_KEY: process.env.EISO_TEST_S3_ACCESS_KEY ?? '',
      S3_SECRET_KEY: process.env.EISO_TEST_S3_SECRET_KEY ?? '',
      S3_BUCKET: `eiso-worker-${randomBytes(3).toString('hex')}`,
      JWT_SECRET: randomBytes(32).toString('hex'),
      EISO_SCHEDULER: 'true',
    });
    queue = new Queue(JOB_QUEUE[JobName.AuditVerifyChain], { connection: { url: REDIS_URL }, prefix });
    events = new QueueEvents(queue.name, { connection: { url: REDIS_URL }, prefix });
    await events.waitUntilReady();
    await waitForOutput('eISO worker (hồ sơ services) đã sẵn sàng nhận công việc');
  }, 60_000);

  afterAll(async () => {
    await events?.close();
    await queue?.close();
    expect(await worker?.stop()).toBe(0);
    await deleteQueueKeys(REDIS_URL, prefix);
    await db?.drop();
  });

  it('registers the nightly audit-chain check once, in Vietnam time', async () => {
    const schedulers = await queue.getJobSchedulers();
    expect(schedulers).toEqual([
      expect.objectContaining({
        key: 'nightly-audit-verify-chain',
        pattern: '15 1 * * *',
        tz: 'Asia/Ho_Chi_Minh',
      }),
    ]);
  });

  it('runs audit.verify-chain and logs an intact chain', async () => {
    await runVerifyJob('verify-intact');
    await waitForOutput('Chuỗi nhật ký toàn vẹn: đã kiểm tra 148 bản ghi');
  });

  it('logs the first broken link once the trail was tampered with', async () => {
    const client = new Client({ connectionString: db.url });
    await client.connect();
    const { rows } = await client.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_event');
    expect(rows[0].n).toBeGreaterThan(0);
    await client.query('ALTER TABLE audit_event DISABLE TRIGGER tr_audit_event_append_only');
    await client.query(
      `UPDATE audit_event SET action = 'gia-mao' WHERE seq = (SELECT min(seq) FROM audit_event)`,
    );
    await client.query('ALTER TABLE audit_event ENABLE TRIGGER tr_audit_event_append_only');
    await client.end();
    await runVerifyJob('verify-tampered');
    await waitForOutput('Chuỗi nhật ký bị phá vỡ tại bản ghi seq=1');
  });
});

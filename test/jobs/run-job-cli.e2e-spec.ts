import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { NestFactory } from '@nestjs/core';
import { Queue } from 'bullmq';
import { Client } from 'pg';
import { JOB_QUEUE, JOB_SCHEDULES, JobName } from '@eiso/common';
import { loadConfig } from '@eiso/config';
import { WorkerModule } from '../../apps/worker/src/worker.module';
import { createTestDatabase, TestDatabase } from '../support/database';
import { ROOT } from '../support/process';
import { deleteQueueKeys, uniqueQueuePrefix, waitForQueuesToDrain } from '../support/queue-helpers';
import { testEnv } from '../support/test-app';

const run = promisify(execFile);
const REDIS_URL = process.env.EISO_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

interface Outcome {
  code: number;
  stdout: string;
}

/** `npm run cli -- run-job NAME`: the built command line, on both profiles. */
describe('command line: run-job', () => {
  let db: TestDatabase;
  let dataDir: string;
  const prefix = uniqueQueuePrefix();

  const cli = async (env: Record<string, string>, ...args: string[]): Promise<Outcome> => {
    try {
      const { stdout } = await run(process.execPath, [join(ROOT, 'dist/apps/api/src/cli/main.js'), ...args], {
        cwd: ROOT,
        env: { PATH: process.env.PATH ?? '', DATABASE_URL: db.url, JWT_SECRET: 'x'.repeat(40), ...env },
      });
      return { code: 0, stdout };
    } catch (error) {
      const failed = error as { code: number; stdout: string };
      return { code: failed.code, stdout: failed.stdout };
    }
  };
  const sql = async <T>(query: string, params: unknown[] = []): Promise<T[]> => {
    const client = new Client({ connectionString: db.url });
    await client.connect();
    try {
      return (await client.query(query, params)).rows as T[];
    } finally {
      await client.end();
    }
  };
  const runId = (stdout: string): string => {
    const id = /mã lượt chạy ([0-9a-f-]{36})/.exec(stdout)?.[1];
    if (!id) throw new Error(`no run id in: ${stdout}`);
    return id;
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    dataDir = await mkdtemp(join(tmpdir(), 'eiso-run-job-'));
  });
  afterAll(async () => {
    await deleteQueueKeys(REDIS_URL, prefix);
    await db?.drop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('without Redis runs the job in its own process, waits for it and prints its counts', async () => {
    const out = await cli({ EISO_DATA_DIR: dataDir }, 'run-job', JobName.RecordsRetention);
    expect(out.code).toBe(0);
    expect(out.stdout).toContain(
      'Đã chạy xong "Chuyển hồ sơ hết thời hạn lưu trữ sang trạng thái đến hạn hủy" (records.retention): ',
    );
    for (const count of ['recordsMoved=0', 'agencies=0', 'notifications=0', 'disposalsRequeued=0']) {
      expect(out.stdout).toContain(count);
    }
    const id = runId(out.stdout);
    expect(
      await sql(`SELECT trigger, outcome, requested_by, requested_by_username FROM job_run WHERE id = $1`, [
        id,
      ]),
    ).toEqual([
      { trigger: 'manual', outcome: 'succeeded', requested_by: null, requested_by_username: 'system' },
    ]);
    expect(await sql(`SELECT action, actor_username FROM audit_event WHERE entity_id = $1`, [id])).toEqual([
      { action: 'job_run.requested', actor_username: 'system' },
    ]);
    // It ran that job only: no schedule, no catch-up from the command line.
    expect(await sql(`SELECT 1 FROM job_run WHERE trigger <> 'manual'`)).toEqual([]);
  });

  it('refuses a name that is no scheduled job, listing them', async () => {
    const jobs = [...new Set(JOB_SCHEDULES.map((s) => s.job))].join(', ');
    for (const args of [['run-job', 'notifications.send'], ['run-job']]) {
      const out = await cli({ EISO_DATA_DIR: dataDir }, ...args);
      expect(out.code).toBe(2);
      expect(out.stdout).toContain(
        `Không có công việc chạy theo lịch tên "${args[1] ?? ''}". Các công việc: ${jobs}.`,
      );
    }
    const wait = await cli({ EISO_DATA_DIR: dataDir }, 'run-job', JobName.RecordsRetention, '--wait', 'mai');
    expect(wait.code).toBe(2);
  });

  it('with Redis queues it to BullMQ for the worker, and says so when no worker answers in time', async () => {
    const services = { EISO_DATA_DIR: dataDir, REDIS_URL, QUEUE_PREFIX: prefix };
    const out = await cli(services, 'run-job', JobName.AuditVerifyChain, '--wait', '1');
    expect(out.code).toBe(3);
    const id = runId(out.stdout);
    expect(out.stdout).toContain(`Sau 1 giây lượt chạy ${id} vẫn chưa xong (worker có đang chạy không?)`);
    const queue = new Queue(JOB_QUEUE[JobName.AuditVerifyChain], { connection: { url: REDIS_URL }, prefix });
    try {
      expect(await queue.getJobState(`${JobName.AuditVerifyChain}/run/${id}`)).toBe('waiting');
    } finally {
      await queue.close();
    }

    const config = loadConfig(testEnv(db.url, { REDIS_URL, QUEUE_PREFIX: prefix }));
    const worker = await NestFactory.createApplicationContext(
      WorkerModule.forRoot({ config, databaseUrl: db.url, signingSecret: config.JWT_SECRET! }),
      { logger: ['error'] },
    );
    try {
      await worker.init();
      await waitForQueuesToDrain(worker, 30_000);
    } finally {
      await worker.close();
    }
    const [row] = await sql<{ outcome: string; summary: Record<string, unknown> }>(
      `SELECT outcome, summary FROM job_run WHERE id = $1`,
      [id],
    );
    expect(row).toEqual({ outcome: 'succeeded', summary: expect.objectContaining({ intact: true }) });
  });
});

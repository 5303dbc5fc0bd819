import {
  JOB_QUEUE,
  JOB_SCHEDULES,
  JobName,
  PermanentJobError,
  QueueName,
  SCHEDULE_TIME_ZONE,
} from '@eiso/common';
import { loadConfig } from '@eiso/config';
import {
  BullmqJobQueue,
  JobAttempt,
  JobHandlerRegistry,
  JobQueue,
  jobIdOf,
  JobRunLog,
  QueueModule,
  redisProducerOptions,
  redisWorkerOptions,
} from '@eiso/queue';
import { Global, INestApplicationContext, Logger, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Redis } from 'ioredis';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  deleteQueueKeys,
  idleJobHandlers,
  ScriptedAuditJobHandler,
  uniqueQueuePrefix,
  waitForQueuesToDrain,
} from '../support/queue-helpers';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const BACKOFF_MS = 50;
const AUDIT_QUEUE = JOB_QUEUE[JobName.AuditVerifyChain];

/** Boots QueueModule on real Redis with a test handler, as the worker (or the API) would. */
async function boot(
  prefix: string,
  runWorkers: boolean,
  scheduler = false,
): Promise<INestApplicationContext> {
  const config = loadConfig({ REDIS_URL, QUEUE_PREFIX: prefix, EISO_SCHEDULER: String(scheduler) });
  @Module({
    imports: [QueueModule.forRoot({ config, runWorkers, retry: { backoffDelayMs: BACKOFF_MS } })],
    providers: [ScriptedAuditJobHandler, ...idleJobHandlers(JobName.AuditVerifyChain)],
  })
  class QueueTestModule {}
  return NestFactory.createApplicationContext(QueueTestModule, { logger: false, abortOnError: false });
}

/** Redis clients whose name starts with the prefix: ours (connectionName) and BullMQ's workers. */
async function clientsNamed(prefix: string): Promise<number> {
  const redis = new Redis(REDIS_URL);
  try {
    const list = (await redis.client('LIST')) as string;
    return list.split('\n').filter((line) => / name=(\S+)/.exec(line)?.[1].startsWith(prefix)).length;
  } finally {
    await redis.quit();
  }
}

describe('BullMQ job queue (real Redis)', () => {
  const runPrefix = uniqueQueuePrefix();

  afterAll(async () => {
    await deleteQueueKeys(REDIS_URL, runPrefix);
  });

  describe('worker process', () => {
    const prefix = `${runPrefix}-worker`;
    let app: INestApplicationContext;
    let jobs: JobQueue;
    let handler: ScriptedAuditJobHandler;
    let audit: ReturnType<BullmqJobQueue['queueFor']>;

    beforeAll(async () => {
      app = await boot(prefix, true);
      jobs = app.get(JobQueue);
      handler = app.get(ScriptedAuditJobHandler);
      audit = app.get(BullmqJobQueue).queueFor(AUDIT_QUEUE);
    });

    afterAll(async () => {
      await app.close();
    });

    beforeEach(() => {
      handler.calls.length = 0;
      handler.script = () => Promise.resolve();
    });

    it('is the BullMQ queue, prefixed and with the documented retry options', () => {
      expect(jobs).toBeInstanceOf(BullmqJobQueue);
      expect(audit.opts.prefix).toBe(prefix);
      expect(audit.defaultJobOptions).toMatchObject({
        attempts: 5,
        backoff: { type: 'exponential', delay: BACKOFF_MS },
        removeOnComplete: { age: 7 * 24 * 3600, count: 1000 },
        removeOnFail: false,
      });
    });

    it('hands an enqueued job to its handler with the payload', async () => {
      const jobId = jobIdOf(JobName.AuditVerifyChain, 'delivered');
      await jobs.enqueue(JobName.AuditVerifyChain, { requestedBy: 'u-1' }, { jobId });
      await waitForQueuesToDrain(app);

      expect(handler.calls).toEqual([{ payload: { requestedBy: 'u-1' }, context: { jobId, attempt: 1 } }]);
      expect(await audit.getJobState(jobId)).toBe('completed');
    });

    it('runs a job once when the same jobId is enqueued twice, even after it completed', async () => {
      const jobId = jobIdOf(JobName.AuditVerifyChain, 'dedup');
      await jobs.enqueue(JobName.AuditVerifyChain, { requestedBy: 'first' }, { jobId });
      await jobs.enqueue(JobName.AuditVerifyChain, { requestedBy: 'second' }, { jobId });
      await waitForQueuesToDrain(app);
      await jobs.enqueue(JobName.AuditVerifyChain, { requestedBy: 'third' }, { jobId });
      await waitForQueuesToDrain(app);

      expect(handler.calls.map((c) => c.payload.requestedBy)).toEqual(['first']);
    });

    it('retries a transient failure with backoff until it succeeds', async () => {
      const jobId = jobIdOf(JobName.AuditVerifyChain, 'transient');
      const startedAt: number[] = [];
      handler.script = ({ attempt }) => {
        startedAt.push(Date.now());
        return attempt < 3 ? Promise.reject(new Error(`Redis hiccup ${attempt}`)) : Promise.resolve();
      };
      await jobs.enqueue(JobName.AuditVerifyChain, {}, { jobId });
      await waitForQueuesToDrain(app);

      expect(handler.calls.map((c) => c.context.attempt)).toEqual([1, 2, 3]);
      expect(startedAt[1] - startedAt[0]).toBeGreaterThanOrEqual(BACKOFF_MS);
      expect(startedAt[2] - startedAt[1]).toBeGreaterThanOrEqual(2 * BACKOFF_MS);
      expect(await audit.getJobState(jobId)).toBe('completed');
    });

    it('keeps a job that ran out of attempts as failed', async () => {
      const jobId = jobIdOf(JobName.AuditVerifyChain, 'exhausted');
      handler.script = () => Promise.reject(new Error('still down'));
      await jobs.enqueue(JobName.AuditVerifyChain, {}, { jobId });
      await waitForQueuesToDrain(app);

      expect(handler.calls).toHaveLength(5);
      const failed = await audit.getJob(jobId);
      expect(await failed?.getState()).toBe('failed');
      expect(failed?.attemptsMade).toBe(5);
      expect(failed?.failedReason).toBe('still down');
    });

    it('runs a job that failed for good again when its id is enqueued again, all attempts anew', async () => {
      const jobId = jobIdOf(JobName.AuditVerifyChain, 'failed-then-back');
      handler.script = () => Promise.reject(new Error('store down'));
      await jobs.enqueue(JobName.AuditVerifyChain, { requestedBy: 'first' }, { jobId });
      await waitForQueuesToDrain(app);
      expect(await audit.getJobState(jobId)).toBe('failed');
      expect(handler.calls).toHaveLength(5);

      // The dependency is back; the same business key is asked for again (a daily re-queue).
      handler.calls.length = 0;
      handler.script = ({ attempt }) =>
        attempt < 2 ? Promise.reject(new Error('still warming up')) : Promise.resolve();
      await jobs.enqueue(JobName.AuditVerifyChain, { requestedBy: 'again' }, { jobId });
      await waitForQueuesToDrain(app);

      expect(handler.calls.map((c) => c.context)).toEqual([
        { jobId, attempt: 1 },
        { jobId, attempt: 2 },
      ]);
      // The job keeps the payload it was queued with: one id, one business key.
      expect(handler.calls[0].payload).toEqual({ requestedBy: 'first' });
      expect(await audit.getJobState(jobId)).toBe('completed');
    });

    it('uses a fail-fast connection for producers and a patient one for workers', () => {
      const config = loadConfig({ REDIS_URL, QUEUE_PREFIX: prefix });
      expect(redisProducerOptions(config)).toMatchObject({
        maxRetriesPerRequest: 1,
        enableOfflineQueue: false,
        commandTimeout: 5_000,
      });
      expect(redisWorkerOptions(config).maxRetriesPerRequest).toBeNull();
    });

    it('fails a PermanentJobError once, without retrying, and keeps the job', async () => {
      const jobId = jobIdOf(JobName.AuditVerifyChain, 'permanent');
      handler.script = () => Promise.reject(new PermanentJobError('chain record missing'));
      await jobs.enqueue(JobName.AuditVerifyChain, {}, { jobId });
      await waitForQueuesToDrain(app);

      expect(handler.calls).toHaveLength(1);
      const failed = (await audit.getFailed()).find((job) => job.id === jobId);
      expect(failed?.failedReason).toBe('chain record missing');
      expect(failed?.attemptsMade).toBe(1);
    });

    it('registers each schedule once however often it is called, and drops retired ones', async () => {
      await audit.upsertJobScheduler(
        'retired-schedule',
        { pattern: '0 3 * * *' },
        { name: JobName.AuditVerifyChain },
      );
      await jobs.schedule();
      await jobs.schedule();

      const schedulers = await audit.getJobSchedulers();
      const expected = JOB_SCHEDULES.filter((s) => JOB_QUEUE[s.job] === AUDIT_QUEUE);
      expect(schedulers.map((s) => s.key).sort()).toEqual(expected.map((s) => s.key).sort());
      for (const s of expected) {
        expect(schedulers.find((found) => found.key === s.key)).toMatchObject({
          name: s.job,
          pattern: s.cron,
          tz: SCHEDULE_TIME_ZONE,
        });
      }
      // One next run per scheduler, waiting for its time; the drain helper does not count it.
      expect(await audit.getDelayedCount()).toBe(expected.length);
      await waitForQueuesToDrain(app, 2_000);
    });
  });

  describe('API process (enqueue only)', () => {
    it('leaves jobs to the worker process, which then runs them', async () => {
      const prefix = `${runPrefix}-api`;
      const api = await boot(prefix, false);
      const jobId = jobIdOf(JobName.AuditVerifyChain, 'from-api');
      try {
        expect(() => api.get(JobHandlerRegistry)).toThrow();
        await api.get(JobQueue).enqueue(JobName.AuditVerifyChain, { requestedBy: 'api' }, { jobId });
        await sleep(300);
        expect(api.get(ScriptedAuditJobHandler).calls).toEqual([]);
        expect(await api.get(BullmqJobQueue).queueFor(AUDIT_QUEUE).getJobState(jobId)).toBe('waiting');
      } finally {
        await api.close();
      }

      const worker = await boot(prefix, true);
      try {
        await waitForQueuesToDrain(worker);
        expect(worker.get(ScriptedAuditJobHandler).calls.map((c) => c.context.jobId)).toEqual([jobId]);
      } finally {
        await worker.close();
      }
    });
  });

  describe('runs not yet done, with no worker up', () => {
    const prefix = `${runPrefix}-due`;
    let api: INestApplicationContext;
    let jobs: BullmqJobQueue;

    beforeAll(async () => {
      api = await boot(prefix, false);
      jobs = api.get(BullmqJobQueue);
    });
    afterAll(() => api.close());

    const nightly = JOB_SCHEDULES.find((s) => s.job === JobName.AuditVerifyChain)!;
    const nextRun = async () => {
      const scheduler = await jobs.queueFor(AUDIT_QUEUE).getJobScheduler(nightly.key);
      return jobs.queueFor(AUDIT_QUEUE).getJob(`repeat:${nightly.key}:${scheduler?.next}`);
    };

    it('counts a due scheduled run, a waiting or retrying job; not the next period nor other jobs', async () => {
      await jobs.schedule();
      const next = await nextRun();
      expect(await next?.getState()).toBe('delayed');
      expect(await jobs.hasUnfinished(JobName.AuditVerifyChain)).toBe(false);

      // Its time came while no worker was up.
      await next?.promote();
      expect(await jobs.hasUnfinished(JobName.AuditVerifyChain)).toBe(true);
      expect(await jobs.hasUnfinished(JobName.RecordsRetention)).toBe(false);
      await jobs.enqueue(JobName.RecordsRetention, {}, { jobId: 'retention-waiting' });
      expect(await jobs.hasUnfinished(JobName.RecordsRetention)).toBe(true);
    });

    it('leaves an unchanged scheduler alone at start: its due run is not replaced by the next period', async () => {
      const due = await nextRun();
      expect(await due?.getState()).toBe('waiting');
      await jobs.schedule();
      // An upsert would have removed the waiting run and queued the next one, delayed.
      expect(await jobs.queueFor(AUDIT_QUEUE).getJobState(due!.id!)).toBe('waiting');
      expect((await jobs.queueFor(AUDIT_QUEUE).getJobSchedulers()).map((s) => s.key)).toContain(nightly.key);
    });

    it('registers a scheduler again when its pattern changed', async () => {
      await jobs
        .queueFor(AUDIT_QUEUE)
        .upsertJobScheduler(
          nightly.key,
          { pattern: '0 3 * * *', tz: SCHEDULE_TIME_ZONE },
          { name: JobName.AuditVerifyChain, data: {} },
        );
      await jobs.schedule();
      expect(await jobs.queueFor(AUDIT_QUEUE).getJobScheduler(nightly.key)).toMatchObject({
        pattern: nightly.cron,
      });
      expect(await (await nextRun())?.getState()).toBe('delayed');
    });

    it('reports a run its scheduler fired as "schedule" to the run log, once a worker is up', async () => {
      const due = await nextRun();
      await due?.promote();
      const reported: JobAttempt[] = [];
      @Global()
      @Module({
        providers: [
          {
            provide: JobRunLog,
            useValue: {
              started: (attempt: JobAttempt) => {
                reported.push(attempt);
                return Promise.resolve(null);
              },
              finished: () => Promise.resolve(),
            },
          },
        ],
        exports: [JobRunLog],
      })
      class RunLogTestModule {}
      const config = loadConfig({ REDIS_URL, QUEUE_PREFIX: prefix, EISO_SCHEDULER: 'false' });
      @Module({
        imports: [RunLogTestModule, QueueModule.forRoot({ config, runWorkers: true })],
        providers: [ScriptedAuditJobHandler, ...idleJobHandlers(JobName.AuditVerifyChain)],
      })
      class WorkerTestModule {}
      const worker = await NestFactory.createApplicationContext(WorkerTestModule, { logger: false });
      try {
        await waitForQueuesToDrain(worker);
      } finally {
        await worker.close();
      }
      expect(reported).toContainEqual(
        expect.objectContaining({ name: JobName.AuditVerifyChain, jobId: due!.id, trigger: 'schedule' }),
      );
      const queued = reported.find((a) => a.jobId === 'retention-waiting');
      expect(queued).toMatchObject({ name: JobName.RecordsRetention, trigger: 'event', attempts: 5 });
    });
  });

  describe('waitForQueuesToDrain without Redis', () => {
    it('waits for the in-process queue, retries included', async () => {
      @Module({
        imports: [
          QueueModule.forRoot({
            config: loadConfig({ EISO_SCHEDULER: 'false' }),
            runWorkers: false,
            retry: { backoffDelayMs: BACKOFF_MS },
          }),
        ],
        providers: [ScriptedAuditJobHandler, ...idleJobHandlers(JobName.AuditVerifyChain)],
      })
      class EmbeddedTestModule {}
      const app = await NestFactory.createApplicationContext(EmbeddedTestModule, {
        logger: false,
        abortOnError: false,
      });
      try {
        const handler = app.get(ScriptedAuditJobHandler);
        handler.script = ({ attempt }) =>
          attempt < 2 ? Promise.reject(new Error('once')) : Promise.resolve();
        await app.get(JobQueue).enqueue(JobName.AuditVerifyChain, {}, { delayMs: 100 });
        await waitForQueuesToDrain(app);
        expect(handler.calls.map((c) => c.context.attempt)).toEqual([1, 2]);
      } finally {
        await app.close();
      }
    });
  });

  describe('lifecycle', () => {
    it('registers the schedules at bootstrap when EISO_SCHEDULER is true', async () => {
      const prefix = `${runPrefix}-sched`;
      const app = await boot(prefix, false, true);
      try {
        const keys = (await app.get(BullmqJobQueue).queueFor(AUDIT_QUEUE).getJobSchedulers()).map(
          (s) => s.key,
        );
        const expected = JOB_SCHEDULES.filter((s) => JOB_QUEUE[s.job] === AUDIT_QUEUE).map((s) => s.key);
        expect(keys.sort()).toEqual(expected.sort());
      } finally {
        await app.close();
      }
    });

    it('logs the mode and closes every Redis connection on app.close()', async () => {
      const prefix = `${runPrefix}-life`;
      const log = jest.spyOn(Logger.prototype, 'log');
      const app = await boot(prefix, true);
      expect(log).toHaveBeenCalledWith(
        expect.stringMatching(/^Hàng đợi công việc: BullMQ trên Redis redis:\/\//),
      );
      log.mockRestore();
      // Touch every queue so its connection is open for sure.
      for (const name of Object.values(QueueName))
        await app.get(BullmqJobQueue).queueFor(name).getJobCounts();
      expect(await clientsNamed(prefix)).toBeGreaterThan(0);

      await app.close();
      await sleep(100);
      expect(await clientsNamed(prefix)).toBe(0);
    });
  });
});

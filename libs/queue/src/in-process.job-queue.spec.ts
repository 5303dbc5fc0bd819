import { JOB_SCHEDULES, JobName, JobPayloads, PermanentJobError } from '@eiso/common';
import { INestApplicationContext, Injectable, Module } from '@nestjs/common';
import { AsyncLocalStorage } from 'node:async_hooks';
import { DiscoveryModule, NestFactory } from '@nestjs/core';
import { InProcessJobQueue } from './in-process.job-queue';
import { JobContext, JobHandlerContract } from './job-handler.contract';
import { JobHandler } from './job-handler.decorator';
import { EXPECTED_JOB_NAMES, JobHandlerRegistry } from './job-handler.registry';
import { JobRetryOptions } from './job-options';
import { JobAttempt, JobAttemptResult, JobRunLog } from './job-run-log';
import { JobRunner } from './job-runner';

type Payload = JobPayloads[JobName.AuditVerifyChain];

@Injectable()
@JobHandler(JobName.AuditVerifyChain)
class ScriptedHandler implements JobHandlerContract<JobName.AuditVerifyChain> {
  readonly calls: { payload: Payload; context: JobContext }[] = [];
  script: (context: JobContext) => Promise<void> = () => Promise.resolve();

  async handle(payload: Payload, context: JobContext): Promise<void> {
    this.calls.push({ payload, context });
    await this.script(context);
  }
}

const FAST: JobRetryOptions = { attempts: 3, backoffDelayMs: 5 };
// Only timers and Date are faked: Nest and promises keep the real microtask queue.
function useFakeTimers(now?: Date): void {
  jest.useFakeTimers({ doNotFake: ['nextTick', 'queueMicrotask', 'setImmediate'], now });
}

describe('InProcessJobQueue', () => {
  let app: INestApplicationContext;
  let queue: InProcessJobQueue;
  let handler: ScriptedHandler;

  async function boot(retry: JobRetryOptions = FAST, runLog?: JobRunLog): Promise<void> {
    @Module({
      imports: [DiscoveryModule],
      providers: [
        JobHandlerRegistry,
        ScriptedHandler,
        { provide: EXPECTED_JOB_NAMES, useValue: [JobName.AuditVerifyChain] },
        {
          provide: InProcessJobQueue,
          useFactory: (registry: JobHandlerRegistry) =>
            new InProcessJobQueue(new JobRunner(registry, runLog), retry),
          inject: [JobHandlerRegistry],
        },
      ],
    })
    class InProcessTestModule {}
    app = await NestFactory.createApplicationContext(InProcessTestModule, {
      logger: false,
      abortOnError: false,
    });
    queue = app.get(InProcessJobQueue);
    handler = app.get(ScriptedHandler);
  }

  const failUntilAttempt = (success: number) => (context: JobContext) =>
    context.attempt < success ? Promise.reject(new Error(`transient ${context.attempt}`)) : Promise.resolve();

  afterEach(async () => {
    jest.useRealTimers();
    await app.close();
  });

  it('runs the handler later, never inside the caller, with payload and context', async () => {
    await boot();
    await queue.enqueue(JobName.AuditVerifyChain, { requestedBy: 'u-1' }, { jobId: 'audit.verify-chain/1' });
    expect(handler.calls).toHaveLength(0);

    await queue.whenIdle();
    expect(handler.calls).toEqual([
      { payload: { requestedBy: 'u-1' }, context: { jobId: 'audit.verify-chain/1', attempt: 1 } },
    ]);
  });

  it('hands the handler a JSON copy of the payload, as Redis would', async () => {
    await boot();
    const payload: Payload = { requestedBy: 'u-1' };
    await queue.enqueue(JobName.AuditVerifyChain, payload);
    payload.requestedBy = 'changed after enqueue';
    await queue.whenIdle();
    expect(handler.calls[0].payload).toEqual({ requestedBy: 'u-1' });
  });

  it("runs a job outside its caller's async context, so it never logs as the caller's request", async () => {
    await boot();
    // nestjs-pino keeps each request's logger in an AsyncLocalStorage like this one.
    const request = new AsyncLocalStorage<string>();
    const seen: (string | undefined)[] = [];
    handler.script = (context) => {
      seen.push(request.getStore());
      return context.attempt < 2 ? Promise.reject(new Error('transient')) : Promise.resolve();
    };
    await request.run('request r-1', () => queue.enqueue(JobName.AuditVerifyChain, {}));
    await queue.whenIdle();
    expect(seen).toEqual([undefined, undefined]);
  });

  it('gives a job without jobId an id of its own', async () => {
    await boot();
    await queue.enqueue(JobName.AuditVerifyChain, {});
    await queue.enqueue(JobName.AuditVerifyChain, {});
    await queue.whenIdle();
    const ids = handler.calls.map((c) => c.context.jobId);
    expect(ids).toHaveLength(2);
    expect(new Set(ids).size).toBe(2);
  });

  it('ignores a second job with the same jobId while the first is pending', async () => {
    await boot();
    await queue.enqueue(JobName.AuditVerifyChain, { requestedBy: 'first' }, { jobId: 'same' });
    await queue.enqueue(JobName.AuditVerifyChain, { requestedBy: 'second' }, { jobId: 'same' });
    await queue.enqueue(JobName.AuditVerifyChain, { requestedBy: 'other' }, { jobId: 'other' });
    await queue.whenIdle();
    expect(handler.calls.map((c) => c.payload.requestedBy)).toEqual(['first', 'other']);
  });

  it('says whether a job of a name is still to run (waiting, delayed, retrying, running)', async () => {
    await boot();
    useFakeTimers();
    expect(await queue.hasUnfinished(JobName.AuditVerifyChain)).toBe(false);
    handler.script = failUntilAttempt(2);
    await queue.enqueue(JobName.AuditVerifyChain, {}, { delayMs: 1_000 });
    expect(await queue.hasUnfinished(JobName.AuditVerifyChain)).toBe(true);
    expect(await queue.hasUnfinished(JobName.RecordsRetention)).toBe(false);
    await jest.advanceTimersByTimeAsync(1_000); // the first attempt fails: a retry waits
    expect(handler.calls).toHaveLength(1);
    expect(await queue.hasUnfinished(JobName.AuditVerifyChain)).toBe(true);
    await jest.advanceTimersByTimeAsync(FAST.backoffDelayMs);
    expect(handler.calls).toHaveLength(2);
    expect(await queue.hasUnfinished(JobName.AuditVerifyChain)).toBe(false);
  });

  it('rejects job ids BullMQ would reject', async () => {
    await boot();
    await expect(queue.enqueue(JobName.AuditVerifyChain, {}, { jobId: 'doc:1' })).rejects.toThrow(/':'/);
    await expect(queue.enqueue(JobName.AuditVerifyChain, {}, { jobId: '42' })).rejects.toThrow(/integer/);
  });

  it('waits delayMs before running', async () => {
    await boot();
    useFakeTimers();
    await queue.enqueue(JobName.AuditVerifyChain, {}, { delayMs: 1_000 });
    await jest.advanceTimersByTimeAsync(999);
    expect(handler.calls).toHaveLength(0);
    await jest.advanceTimersByTimeAsync(1);
    expect(handler.calls).toHaveLength(1);
  });

  it('retries a transient failure with exponential backoff, then succeeds', async () => {
    await boot({ attempts: 5, backoffDelayMs: 1_000 });
    useFakeTimers();
    handler.script = failUntilAttempt(3);
    await queue.enqueue(JobName.AuditVerifyChain, {}, { jobId: 'flaky' });

    await jest.advanceTimersByTimeAsync(0);
    expect(handler.calls).toHaveLength(1);
    await jest.advanceTimersByTimeAsync(999);
    expect(handler.calls).toHaveLength(1);
    await jest.advanceTimersByTimeAsync(1); // 1 s after the 1st failure
    expect(handler.calls).toHaveLength(2);
    await jest.advanceTimersByTimeAsync(1_999);
    expect(handler.calls).toHaveLength(2);
    await jest.advanceTimersByTimeAsync(1); // 2 s after the 2nd failure
    expect(handler.calls.map((c) => c.context)).toEqual([
      { jobId: 'flaky', attempt: 1 },
      { jobId: 'flaky', attempt: 2 },
      { jobId: 'flaky', attempt: 3 },
    ]);
    await queue.whenIdle();
    expect(queue.failed()).toEqual([]);
  });

  it('keeps a job that runs out of attempts as failed', async () => {
    await boot();
    handler.script = () => Promise.reject(new Error('database down'));
    await queue.enqueue(JobName.AuditVerifyChain, { requestedBy: 'u-2' }, { jobId: 'doomed' });
    await queue.whenIdle();

    expect(handler.calls).toHaveLength(FAST.attempts);
    expect(queue.failed()).toEqual([
      expect.objectContaining({
        jobId: 'doomed',
        name: JobName.AuditVerifyChain,
        payload: { requestedBy: 'u-2' },
        attempts: FAST.attempts,
        permanent: false,
        error: 'database down',
      }),
    ]);
  });

  it('does not retry a PermanentJobError and records it as failed', async () => {
    await boot();
    handler.script = () => Promise.reject(new PermanentJobError('chain record missing'));
    await queue.enqueue(JobName.AuditVerifyChain, {}, { jobId: 'broken' });
    await queue.whenIdle();

    expect(handler.calls).toHaveLength(1);
    expect(queue.failed()).toEqual([
      expect.objectContaining({
        jobId: 'broken',
        attempts: 1,
        permanent: true,
        error: 'chain record missing',
      }),
    ]);
  });

  it('on close, waits for running handlers, drops jobs not started, refuses new ones', async () => {
    await boot();
    let release: () => void = () => undefined;
    handler.script = () => new Promise((resolve) => (release = resolve));
    await queue.enqueue(JobName.AuditVerifyChain, {}, { jobId: 'running' });
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(handler.calls).toHaveLength(1);
    await queue.enqueue(JobName.AuditVerifyChain, {}, { jobId: 'later', delayMs: 60_000 });

    let closed = false;
    const closing = queue.close().then(() => (closed = true));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(closed).toBe(false);
    release();
    await closing;

    expect(handler.calls.map((c) => c.context.jobId)).toEqual(['running']);
    await queue.whenIdle();
    await expect(queue.enqueue(JobName.AuditVerifyChain, {})).rejects.toThrow(/closed/);
  });

  describe('schedules', () => {
    const nightly = JOB_SCHEDULES.find((s) => s.key === 'nightly-audit-verify-chain');

    it('runs a schedule at its cron time in Asia/Ho_Chi_Minh', async () => {
      expect(nightly?.cron).toBe('15 1 * * *');
      await boot();
      // 01:14 in Hà Nội (UTC+7) is 18:14 UTC the day before.
      useFakeTimers(new Date('2025-01-01T18:14:00Z'));
      await queue.schedule();

      await jest.advanceTimersByTimeAsync(59_999);
      expect(handler.calls).toHaveLength(0);
      await jest.advanceTimersByTimeAsync(10); // the fire time, plus the tick the job waits for
      const firedAt = Date.parse('2025-01-01T18:15:00Z');
      expect(handler.calls).toEqual([
        { payload: {}, context: { jobId: `nightly-audit-verify-chain@${firedAt}`, attempt: 1 } },
      ]);

      await jest.advanceTimersByTimeAsync(24 * 60 * 60 * 1000);
      expect(handler.calls).toHaveLength(2);
      expect(handler.calls[1].context.jobId).toBe(
        `nightly-audit-verify-chain@${firedAt + 24 * 60 * 60 * 1000}`,
      );
    });

    it('reports a fired schedule to the run log as "schedule", a queued job as "event"', async () => {
      const reported: [JobAttempt, JobAttemptResult][] = [];
      const runLog = new (class extends JobRunLog {
        started(): Promise<string | null> {
          return Promise.resolve(null);
        }
        finished(attempt: JobAttempt, _runId: string | null, result: JobAttemptResult): Promise<void> {
          reported.push([attempt, result]);
          return Promise.resolve();
        }
      })();
      await boot(FAST, runLog);
      useFakeTimers(new Date('2025-01-01T18:14:59Z'));
      await queue.schedule();
      await queue.enqueue(JobName.AuditVerifyChain, {}, { jobId: 'by-hand' });
      await jest.advanceTimersByTimeAsync(1_010);

      const firedAt = Date.parse('2025-01-01T18:15:00Z');
      expect(reported.map(([attempt]) => attempt)).toEqual([
        { name: JobName.AuditVerifyChain, jobId: 'by-hand', attempt: 1, attempts: 3, trigger: 'event' },
        {
          name: JobName.AuditVerifyChain,
          jobId: `nightly-audit-verify-chain@${firedAt}`,
          attempt: 1,
          attempts: 3,
          trigger: 'schedule',
        },
      ]);
      expect(reported.map(([, result]) => result.outcome)).toEqual(['succeeded', 'succeeded']);
    });

    it('registering again replaces the timers instead of adding more', async () => {
      await boot();
      useFakeTimers();
      await queue.schedule();
      await queue.schedule();
      expect(queue.scheduledKeys().sort()).toEqual(JOB_SCHEDULES.map((s) => s.key).sort());
      expect(jest.getTimerCount()).toBe(JOB_SCHEDULES.length);
    });

    it('stops the schedules on close', async () => {
      await boot();
      useFakeTimers();
      await queue.schedule();
      await queue.close();
      expect(queue.scheduledKeys()).toEqual([]);
      expect(jest.getTimerCount()).toBe(0);
    });
  });
});

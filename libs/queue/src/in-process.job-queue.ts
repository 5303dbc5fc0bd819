import {
  JOB_SCHEDULES,
  JobName,
  JobPayloads,
  JobSchedule,
  PermanentJobError,
  SCHEDULE_TIME_ZONE,
} from '@eiso/common';
import { Logger, OnModuleDestroy } from '@nestjs/common';
import { CronExpressionParser } from 'cron-parser';
import { AsyncResource } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import { backoffDelayMs, JobRetryOptions } from './job-options';
import { assertValidJobId } from './job-id';
import { EnqueueOptions, JobQueue } from './job-queue';
import { JobAttempt } from './job-run-log';
import { JobRunner } from './job-runner';

/** A job that ran out of attempts or failed permanently; kept in memory for inspection. */
export interface FailedJob {
  readonly jobId: string;
  readonly name: JobName;
  readonly payload: JobPayloads[JobName];
  readonly attempts: number;
  readonly permanent: boolean;
  readonly error: string;
  readonly failedAt: Date;
}

interface PendingJob {
  readonly id: string;
  readonly name: JobName;
  readonly payload: JobPayloads[JobName];
  readonly trigger: JobAttempt['trigger'];
  attempt: number;
  timer?: NodeJS.Timeout;
}

// setTimeout fires at once beyond 2^31-1 ms (~24.8 days); longer waits are chained.
const MAX_TIMER_DELAY_MS = 2 ** 31 - 1;

/**
 * JobQueue of the embedded profile (no Redis): handlers run in this process on a later tick —
 * never inside the caller's call stack or transaction — with the same retry and failure rules
 * as BullMQ. Pending jobs live in memory and are lost if the process stops.
 */
export class InProcessJobQueue extends JobQueue implements OnModuleDestroy {
  private readonly logger = new Logger(InProcessJobQueue.name);
  private readonly pending = new Map<string, PendingJob>();
  private readonly running = new Set<Promise<void>>();
  private readonly scheduleTimers = new Map<string, NodeJS.Timeout>();
  private readonly failures: FailedJob[] = [];
  private idleWaiters: (() => void)[] = [];
  private closed = false;
  /**
   * The async context the queue was made in (the app's start, outside any request). Jobs run in
   * it rather than in their caller's: a job enqueued while serving a request must not log as that
   * request (nestjs-pino keeps the request's logger in an AsyncLocalStorage), nor see any other
   * per-request store — as with BullMQ, where the job runs in another process.
   */
  private readonly detached = new AsyncResource('eiso.in-process-job');

  constructor(
    private readonly runner: JobRunner,
    private readonly retry: JobRetryOptions,
  ) {
    super();
  }

  enqueue<J extends JobName>(name: J, payload: JobPayloads[J], options: EnqueueOptions = {}): Promise<void> {
    return this.add(name, payload, options, 'event');
  }

  /** Is a job of this name waiting, delayed, retrying or running? */
  hasUnfinished(name: JobName): Promise<boolean> {
    return Promise.resolve([...this.pending.values()].some((job) => job.name === name));
  }

  private add<J extends JobName>(
    name: J,
    payload: JobPayloads[J],
    options: EnqueueOptions,
    trigger: JobAttempt['trigger'],
  ): Promise<void> {
    // A throw inside the executor becomes the rejection, as with BullMQ's async add().
    return new Promise((resolve) => {
      if (this.closed) throw new Error(`Job queue is closed; cannot enqueue ${name}`);
      if (options.jobId !== undefined) assertValidJobId(options.jobId);
      const id = options.jobId ?? randomUUID();
      if (this.pending.has(id)) {
        this.logger.debug(`Job ${name} (id ${id}) is already pending; ignored`);
      } else {
        // A JSON copy, as Redis stores it: later changes by the caller do not leak in, and a payload
        // that does not survive JSON (a Date, a Map) breaks here as it would in production.
        const copy = JSON.parse(JSON.stringify(payload)) as JobPayloads[J];
        const job: PendingJob = { id, name, payload: copy, trigger, attempt: 0 };
        this.pending.set(id, job);
        this.startLater(job, options.delayMs ?? 0);
      }
      resolve();
    });
  }

  /** Arms one timer per schedule key at the next cron time in Asia/Ho_Chi_Minh; re-arming replaces. */
  schedule(): Promise<void> {
    for (const schedule of JOB_SCHEDULES) this.arm(schedule, new Date());
    return Promise.resolve();
  }

  /** Keys of the armed schedules. */
  scheduledKeys(): string[] {
    return [...this.scheduleTimers.keys()];
  }

  /** Jobs that failed for good, oldest first. */
  failed(): readonly FailedJob[] {
    return [...this.failures];
  }

  /** Resolves once no job is waiting, delayed, retrying or running. */
  whenIdle(): Promise<void> {
    if (this.pending.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Drops jobs not yet started, stops the schedules, and waits for running handlers. */
  async close(): Promise<void> {
    this.closed = true;
    for (const timer of this.scheduleTimers.values()) clearTimeout(timer);
    this.scheduleTimers.clear();
    let dropped = 0;
    for (const job of this.pending.values()) {
      if (!job.timer) continue;
      clearTimeout(job.timer);
      this.pending.delete(job.id);
      dropped++;
    }
    if (dropped > 0) this.logger.warn(`Dừng hàng đợi: bỏ ${dropped} công việc chưa chạy`);
    await Promise.all([...this.running]);
    this.notifyIfIdle();
  }

  async onModuleDestroy(): Promise<void> {
    await this.close();
  }

  private startLater(job: PendingJob, delayMs: number): void {
    job.timer = this.detached.runInAsyncScope(() =>
      setTimeout(() => {
        job.timer = undefined;
        const run = this.run(job);
        this.running.add(run);
        void run.finally(() => this.running.delete(run));
      }, delayMs),
    );
  }

  // Never rejects: every outcome is a retry, a failure record, or success.
  private async run(job: PendingJob): Promise<void> {
    job.attempt += 1;
    const label = `Job ${job.name} (id ${job.id}) attempt ${job.attempt}/${this.retry.attempts}`;
    try {
      await this.runner.run(
        job.name,
        job.payload,
        { jobId: job.id, attempt: job.attempt },
        { attempts: this.retry.attempts, trigger: job.trigger },
      );
    } catch (error) {
      const failure = error instanceof Error ? error : new Error(String(error));
      const permanent = failure instanceof PermanentJobError;
      if (!permanent && job.attempt < this.retry.attempts && !this.closed) {
        this.logger.warn(`${label} failed, will retry: ${failure.message}`);
        this.startLater(job, backoffDelayMs(this.retry, job.attempt));
        return;
      }
      const reason = permanent ? 'failed permanently, not retried' : 'failed, no attempts left';
      this.logger.error(`${label} ${reason}: ${failure.message}`, failure.stack);
      this.failures.push({
        jobId: job.id,
        name: job.name,
        payload: job.payload,
        attempts: job.attempt,
        permanent,
        error: failure.message,
        failedAt: new Date(),
      });
    }
    this.pending.delete(job.id);
    this.notifyIfIdle();
  }

  private notifyIfIdle(): void {
    if (this.pending.size > 0) return;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const resolve of waiters) resolve();
  }

  private arm(schedule: JobSchedule, after: Date): void {
    const fireAt = CronExpressionParser.parse(schedule.cron, { tz: SCHEDULE_TIME_ZONE, currentDate: after })
      .next()
      .toDate();
    this.waitUntil(schedule, fireAt);
  }

  private waitUntil(schedule: JobSchedule, fireAt: Date): void {
    clearTimeout(this.scheduleTimers.get(schedule.key));
    const delay = Math.min(Math.max(fireAt.getTime() - Date.now(), 0), MAX_TIMER_DELAY_MS);
    const timer = setTimeout(() => this.fire(schedule, fireAt), delay);
    // A schedule alone must not keep the process (or a test run) alive.
    timer.unref();
    this.scheduleTimers.set(schedule.key, timer);
  }

  private fire(schedule: JobSchedule, fireAt: Date): void {
    // Timers may wake early, and long waits are chained: only run once the time has come.
    if (Date.now() < fireAt.getTime()) return this.waitUntil(schedule, fireAt);
    // The next time is counted from this firing, so an early or late wake-up never runs it twice.
    this.arm(schedule, fireAt);
    this.add(schedule.job, {}, { jobId: `${schedule.key}@${fireAt.getTime()}` }, 'schedule').catch(
      (error: Error) =>
        this.logger.error(`Lịch "${schedule.key}" không đưa được công việc vào hàng đợi: ${error.message}`),
    );
  }
}

import {
  JOB_QUEUE,
  JOB_SCHEDULES,
  JobName,
  JobPayloads,
  JobSchedule,
  QueueName,
  SCHEDULE_TIME_ZONE,
} from '@eiso/common';
import { Logger } from '@nestjs/common';
import { UnrecoverableError } from 'bullmq';
import type { Job, JobsOptions, JobType, Queue } from 'bullmq';
import { assertValidJobId } from './job-id';
import { EnqueueOptions, JobQueue } from './job-queue';

/** JobQueue on BullMQ: one Queue per QueueName, created and closed by @nestjs/bullmq. */
export class BullmqJobQueue extends JobQueue {
  private readonly logger = new Logger(BullmqJobQueue.name);

  constructor(private readonly queues: ReadonlyMap<QueueName, Queue>) {
    super();
    // An EventEmitter 'error' with no listener crashes the process; a Redis outage should not.
    for (const [name, queue] of queues) {
      queue.on('error', (error) => this.logger.error(`Queue ${name}: ${error.message}`));
    }
  }

  async enqueue<J extends JobName>(
    name: J,
    payload: JobPayloads[J],
    options: EnqueueOptions = {},
  ): Promise<void> {
    const opts: JobsOptions = {};
    if (options.jobId !== undefined) {
      assertValidJobId(options.jobId);
      opts.jobId = options.jobId;
    }
    if (options.delayMs !== undefined) opts.delay = options.delayMs;
    const queue = this.queueFor(JOB_QUEUE[name]);
    // BullMQ ignores an add whose jobId already exists, which is the deduplication we want while
    // the job is pending or completed. A job that failed for good (its dependency was down through
    // every retry) would be dropped the same way: asked for again, it runs again, all its attempts
    // anew (its payload is the one it was queued with: a job id stands for one business key).
    if (opts.jobId !== undefined && (await this.retryIfFailed(queue, opts.jobId))) return;
    await queue.add(name, payload, opts);
  }

  override async retryFailed(jobId: string): Promise<boolean> {
    for (const queue of this.queues.values()) {
      if (await this.retryIfFailed(queue, jobId)) return true;
    }
    return false;
  }

  override async retryTransientFailures(): Promise<string[]> {
    const retried: string[] = [];
    for (const queue of this.queues.values()) {
      for (const job of await queue.getFailed()) {
        if (!job.id || failedPermanently(job)) continue;
        if (await this.retryIfFailed(queue, job.id)) retried.push(job.id);
      }
    }
    return retried;
  }

  /**
   * Moves the failed job with this id back to waiting, with all its attempts; true if it did.
   * BullMQ's retry is atomic: of two processes asking at once, one retries, the other finds it
   * waiting again and its add is ignored as a duplicate.
   */
  private async retryIfFailed(queue: Queue, jobId: string): Promise<boolean> {
    const job = await queue.getJob(jobId);
    if (!job || !(await job.isFailed())) return false;
    try {
      await job.retry('failed', { resetAttemptsMade: true, resetAttemptsStarted: true });
    } catch (error) {
      if (await job.isFailed()) throw error;
      return false;
    }
    this.logger.warn(`Công việc ${job.name} (id ${jobId}) đã thất bại trước đó: chạy lại theo yêu cầu mới`);
    return true;
  }

  /**
   * Upserts each schedule under its stable key and removes schedulers no longer in JOB_SCHEDULES.
   * An unchanged scheduler is left alone: an upsert replaces its pending job with the next period's,
   * so a run that fired while no worker was up would be dropped instead of run late.
   */
  async schedule(): Promise<void> {
    for (const [queueName, queue] of this.queues) {
      const wanted = JOB_SCHEDULES.filter((s) => JOB_QUEUE[s.job] === queueName);
      for (const s of wanted) {
        if (await this.isRegistered(queue, s)) continue;
        await queue.upsertJobScheduler(
          s.key,
          { pattern: s.cron, tz: SCHEDULE_TIME_ZONE },
          // Scheduled jobs carry an empty payload: their payload type must accept {}.
          { name: s.job, data: {} satisfies JobPayloads[typeof s.job] },
        );
      }
      // A renamed or dropped schedule would otherwise keep firing a job nobody handles.
      const keys = new Set(wanted.map((s) => s.key));
      for (const existing of await queue.getJobSchedulers()) {
        if (keys.has(existing.key)) continue;
        await queue.removeJobScheduler(existing.key);
        this.logger.warn(`Đã gỡ lịch chạy cũ "${existing.key}" khỏi hàng đợi ${queueName}`);
      }
    }
  }

  async hasUnfinished(name: JobName): Promise<boolean> {
    const jobs = await this.queueFor(JOB_QUEUE[name]).getJobs(UNFINISHED_STATES);
    const now = Date.now();
    return jobs.some((job) => job.name === (name as string) && !isNextScheduledRun(job, now));
  }

  /** Registered as in JOB_SCHEDULES, with its next job still in the queue (a deleted one would stop it). */
  private async isRegistered(queue: Queue, s: JobSchedule): Promise<boolean> {
    const existing = await queue.getJobScheduler(s.key);
    if (
      existing?.pattern !== s.cron ||
      existing.tz !== SCHEDULE_TIME_ZONE ||
      existing.name !== (s.job as string)
    ) {
      return false;
    }
    return existing.next !== undefined && !!(await queue.getJob(`repeat:${s.key}:${existing.next}`));
  }

  /** The BullMQ queue itself, for health checks, admin views and tests. */
  queueFor(name: QueueName): Queue {
    const queue = this.queues.get(name);
    if (!queue) throw new Error(`Queue "${name}" is not registered`);
    return queue;
  }

  async close(): Promise<void> {
    await Promise.all([...this.queues.values()].map((queue) => queue.close()));
  }
}

/**
 * The worker fails a PermanentJobError (and an unknown job name) with BullMQ's UnrecoverableError:
 * the last stack BullMQ kept of the job names it.
 */
function failedPermanently(job: Job): boolean {
  const last = job.stacktrace?.at(-1) ?? '';
  return last.startsWith(UnrecoverableError.name);
}

const UNFINISHED_STATES: JobType[] = ['active', 'waiting', 'prioritized', 'waiting-children', 'delayed'];

/** A scheduler's job waiting for its time, never attempted: the next period, not unfinished work. */
function isNextScheduledRun(job: Job, now: number): boolean {
  return !!job.repeatJobKey && job.attemptsMade === 0 && job.timestamp + job.delay > now;
}

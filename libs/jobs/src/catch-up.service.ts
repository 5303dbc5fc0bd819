import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Clock, JOB_SCHEDULES, JobName, JobSchedule } from '@eiso/common';
import { AppConfig } from '@eiso/config';
import { TransactionRunner } from '@eiso/database';
import { JobOutbox, JobQueue, QUEUE_MODULE_OPTIONS, ResolvedQueueModuleOptions } from '@eiso/queue';
import { JobRunRepository } from './job-run.repository';
import { JOB_MESSAGES } from './jobs.messages';
import { JOBS_MODULE_OPTIONS, JobsModuleOptions } from './jobs-module.options';
import { missedFire } from './schedule-times';
import { runJobId } from './scheduled-jobs';

/** A catch-up run queued at start. */
export interface CaughtUpRun {
  readonly runId: string;
  readonly job: JobName;
  readonly scheduledFor: Date;
}

/**
 * At start, every schedule whose last period passed with no successful run (the PC was off at
 * 00:30, the worker was down) gets one run now. Safe when processes start together: each period
 * is claimed by one row (ux_job_run_catch_up), and a run the queue still holds is not doubled.
 */
@Injectable()
export class CatchUpService implements OnApplicationBootstrap {
  private readonly logger = new Logger(CatchUpService.name);

  constructor(
    private readonly jobs: JobQueue,
    private readonly outbox: JobOutbox,
    private readonly tx: TransactionRunner,
    private readonly runs: JobRunRepository,
    private readonly clock: Clock,
    private readonly config: AppConfig,
    @Inject(QUEUE_MODULE_OPTIONS) private readonly queue: ResolvedQueueModuleOptions,
    @Inject(JOBS_MODULE_OPTIONS) private readonly options: JobsModuleOptions,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    // Only where the handlers run: the API on the embedded profile, the worker on services.
    if (!this.options.catchUpAtStart || !this.queue.runWorkers) return;
    // The in-process queue keeps its jobs in memory: what the last process left open is lost.
    if (!this.config.usesRedis) await this.failInterrupted();
    if (this.config.EISO_SCHEDULER !== 'true') return;
    await this.retryTransientFailures();
    await this.catchUp();
  }

  /**
   * Runs again the jobs that failed for good while a dependency was down (not a PermanentJobError):
   * a start is when a service that was out is likely back. Never throws: start goes on.
   */
  async retryTransientFailures(): Promise<string[]> {
    try {
      const retried = await this.jobs.retryTransientFailures();
      if (retried.length > 0) {
        this.logger.warn(
          `Chạy lại ${retried.length} công việc đã thất bại vì lỗi tạm thời: ${retried.join(', ')}`,
        );
      }
      return retried;
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      this.logger.error(`Không chạy lại được các công việc đã thất bại: ${reason}`);
      return [];
    }
  }

  /** Fails the runs left unfinished; call only where no other process runs jobs. */
  async failInterrupted(): Promise<number> {
    const count = await this.runs.failUnfinished(this.tx.db, this.clock.now(), JOB_MESSAGES.interrupted);
    if (count > 0) this.logger.warn(JOB_MESSAGES.interruptedCount(count));
    return count;
  }

  /** Queues one run of every schedule that missed its last period. Never throws: start goes on. */
  async catchUp(): Promise<CaughtUpRun[]> {
    const now = this.clock.now();
    const queued: CaughtUpRun[] = [];
    for (const schedule of JOB_SCHEDULES) {
      try {
        const run = await this.catchUpOne(schedule, now);
        if (run) queued.push(run);
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        this.logger.error(JOB_MESSAGES.catchUpFailed(schedule.job, reason));
      }
    }
    return queued;
  }

  private async catchUpOne(schedule: JobSchedule, now: Date): Promise<CaughtUpRun | null> {
    // First the queue, then the table: a run the queue holds (fired while no worker was up) runs
    // late by itself; one that finished in between has written its success before leaving the queue.
    if (await this.jobs.hasUnfinished(schedule.job)) return null;
    const db = this.tx.db;
    const lastSuccess = await this.runs.lastSuccessAt(db, schedule.job);
    const period = missedFire(schedule.cron, lastSuccess, now);
    if (!period) return null;
    const runId = randomUUID();
    const jobId = runJobId(schedule.job, runId);
    // The run's row and its job commit together (the job outbox): neither is ever without the other.
    const claimed = await this.tx.run(async (tx) => {
      const won = await this.runs.claimCatchUp(tx, {
        id: runId,
        jobName: schedule.job,
        jobId,
        scheduledFor: period,
        requestedAt: now,
      });
      if (won) await this.outbox.add(tx, schedule.job, {}, { jobId });
      return won;
    });
    // Another process starting at the same time has this period.
    if (!claimed) return null;
    this.logger.log(JOB_MESSAGES.caughtUp(schedule.job, period, lastSuccess));
    return { runId, job: schedule.job, scheduledFor: period };
  }
}

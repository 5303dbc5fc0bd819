import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import {
  Actor,
  Clock,
  DomainException,
  ErrorCode,
  JOB_SCHEDULES,
  JobName,
  offsetOf,
  Page,
  PageRequest,
  pageOf,
  SCHEDULE_TIME_ZONE,
} from '@eiso/common';
import { AuditTrailService } from '@eiso/audit-trail';
import { TransactionRunner } from '@eiso/database';
import { JobQueue } from '@eiso/queue';
import { JobRunRepository } from './job-run.repository';
import { JobRunView, JobsOverview, toJobRunView } from './job-run.view';
import { JOB_LABELS, JOB_MESSAGES } from './jobs.messages';
import { nextFireAfter } from './schedule-times';
import { isScheduledJob, runJobId } from './scheduled-jobs';

/** What operators see of the scheduled jobs, and a run started by hand (API and command line). */
@Injectable()
export class JobRunsService {
  private readonly logger = new Logger(JobRunsService.name);

  constructor(
    private readonly tx: TransactionRunner,
    private readonly runs: JobRunRepository,
    private readonly jobs: JobQueue,
    private readonly auditTrail: AuditTrailService,
    private readonly clock: Clock,
  ) {}

  /** Every schedule with its job's last run, last success, next run and failures of the last days. */
  async overview(failureDays: number): Promise<JobsOverview> {
    const db = this.tx.db;
    const now = this.clock.now();
    const names = [...new Set(JOB_SCHEDULES.map((s) => s.job))];
    const since = new Date(now.getTime() - failureDays * 86_400_000);
    const [latest, successes, failures] = await Promise.all([
      this.runs.latestRuns(db, names),
      this.runs.lastSuccesses(db, names),
      this.runs.failureCounts(db, names, since),
    ]);
    return {
      failureDays,
      items: JOB_SCHEDULES.map((s) => {
        const last = latest.get(s.job);
        return {
          key: s.key,
          job: s.job,
          label: JOB_LABELS[s.job],
          cron: s.cron,
          timeZone: SCHEDULE_TIME_ZONE,
          nextRunAt: nextFireAfter(s.cron, now).toISOString(),
          lastRun: last ? toJobRunView(last) : null,
          lastSuccessAt: successes.get(s.job)?.toISOString() ?? null,
          failures: failures.get(s.job) ?? 0,
        };
      }),
    };
  }

  /** One scheduled job's runs, newest first. */
  async runsOf(name: string, page: PageRequest): Promise<Page<JobRunView>> {
    const job = this.scheduledJob(name);
    const [rows, total] = await this.runs.findPageOfJob(this.tx.db, job, offsetOf(page), page.pageSize);
    return pageOf(rows, total, page, toJobRunView);
  }

  async run(id: string): Promise<JobRunView> {
    const run = await this.runs.findById(this.tx.db, id);
    if (!run) throw new DomainException(ErrorCode.JobRunNotFound, { id });
    return toJobRunView(run);
  }

  /** Polls the run until it has finished or `timeoutMs` passed; answers it as it then is. */
  async waitFor(id: string, timeoutMs: number, pollMs = 250): Promise<JobRunView> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const run = await this.run(id);
      if (run.outcome !== null || Date.now() >= deadline) return run;
      await new Promise((resolve) => setTimeout(resolve, Math.min(pollMs, deadline - Date.now())));
    }
  }

  /**
   * Records a manual run (on the audit trail, in the same transaction) and queues it: the worker
   * runs it on the services profile, this process on the embedded one. Answers the queued run.
   */
  async requestRun(actor: Actor, name: string): Promise<JobRunView> {
    const job = this.scheduledJob(name);
    const id = randomUUID();
    const jobId = runJobId(job, id);
    const now = this.clock.now();
    await this.tx.run(async (db) => {
      await this.runs.insert(db, {
        id,
        jobName: job,
        jobId,
        trigger: 'manual',
        scheduledFor: null,
        requestedBy: actor.userId || null,
        requestedByUsername: actor.username,
        requestedAt: now,
        startedAt: null,
        finishedAt: null,
        attempts: 0,
        outcome: null,
        error: null,
        summary: null,
      });
      await this.auditTrail.record(db, actor, {
        agencyId: null,
        entityType: 'job_run',
        entityId: id,
        action: 'job_run.requested',
        after: { job, trigger: 'manual' },
      });
    });
    try {
      // Scheduled jobs carry an empty payload, as their scheduler queues them.
      await this.jobs.enqueue(job, {}, { jobId });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      this.logger.error(JOB_MESSAGES.enqueueFailed(reason));
      await this.runs.fail(this.tx.db, id, null, this.clock.now(), JOB_MESSAGES.enqueueFailed(reason));
      throw new DomainException(ErrorCode.ServiceUnavailable, { reason: 'queue' });
    }
    return this.run(id);
  }

  private scheduledJob(name: string): JobName {
    if (!isScheduledJob(name)) {
      throw new DomainException(ErrorCode.JobNotFound, {
        name,
        jobs: [...new Set(JOB_SCHEDULES.map((s) => s.job))],
      });
    }
    return name;
  }
}

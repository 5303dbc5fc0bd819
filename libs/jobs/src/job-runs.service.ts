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
import { JobOutbox, JobQueue } from '@eiso/queue';
import { JobRunRepository } from './job-run.repository';
import { JobRunView, JobsOverview, toJobRunView } from './job-run.view';
import { JOB_LABELS, JOB_MESSAGES } from './jobs.messages';
import { nextFireAfter } from './schedule-times';
import { isScheduledJob, runJobId } from './scheduled-jobs';

/** How long an operator's retry waits for the queue (services profile: Redis) before a 503. */
const QUEUE_ANSWER_MS = 5_000;

/** What operators see of the scheduled jobs, and a run started by hand (API and command line). */
@Injectable()
export class JobRunsService {
  private readonly logger = new Logger(JobRunsService.name);

  constructor(
    private readonly tx: TransactionRunner,
    private readonly runs: JobRunRepository,
    private readonly outbox: JobOutbox,
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
   * Records a manual run (on the audit trail) and queues it, in one transaction (the job outbox):
   * the worker runs it on the services profile, this process on the embedded one. Answers the
   * queued run; never waits on the queue.
   */
  requestRun(actor: Actor, name: string): Promise<JobRunView> {
    return this.queueRun(actor, this.scheduledJob(name), null);
  }

  /**
   * An operator runs a failed run again. A scheduled job: a new manual run naming the failed one
   * (recorded, audited and queued in one transaction). Any other job (one e-mail batch, one
   * disposal): the queue runs its failed job again, with its payload and all its attempts anew,
   * audited on the failed run. Answers the run that will run.
   */
  async retry(actor: Actor, runId: string): Promise<JobRunView> {
    const run = await this.runs.findById(this.tx.db, runId);
    if (!run) throw new DomainException(ErrorCode.JobRunNotFound, { id: runId });
    if (run.outcome !== 'failed') {
      throw new DomainException(ErrorCode.JobRunNotRetryable, { id: runId, outcome: run.outcome });
    }
    if (isScheduledJob(run.jobName)) return this.queueRun(actor, run.jobName, run.id);
    if (!(await this.retryInQueue(run.jobId))) {
      throw new DomainException(ErrorCode.JobRunNotRetryable, { id: runId, outcome: run.outcome });
    }
    await this.tx.run((db) =>
      this.auditTrail.record(db, actor, {
        agencyId: null,
        entityType: 'job_run',
        entityId: run.id,
        action: 'job_run.retried',
        after: { job: run.jobName, jobId: run.jobId },
      }),
    );
    return toJobRunView(run);
  }

  /** The queue runs its failed job again; an unreachable queue answers 503 within a bound. */
  private async retryInQueue(jobId: string): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('no answer from the job queue')), QUEUE_ANSWER_MS);
    });
    const retried = this.jobs.retryFailed(jobId);
    retried.catch(() => undefined);
    try {
      return await Promise.race([retried, timeout]);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      this.logger.error(JOB_MESSAGES.enqueueFailed(reason));
      throw new DomainException(ErrorCode.ServiceUnavailable, { reason: 'queue' });
    } finally {
      clearTimeout(timer);
    }
  }

  private async queueRun(actor: Actor, job: JobName, retryOf: string | null): Promise<JobRunView> {
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
        action: retryOf ? 'job_run.retried' : 'job_run.requested',
        after: retryOf ? { job, trigger: 'manual', retryOf } : { job, trigger: 'manual' },
      });
      // Scheduled jobs carry an empty payload, as their scheduler queues them.
      await this.outbox.add(db, job, {}, { jobId });
    });
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

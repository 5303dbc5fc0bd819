import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { Clock } from '@eiso/common';
import { TransactionRunner } from '@eiso/database';
import { JobAttempt, JobAttemptResult, JobRunLog } from '@eiso/queue';
import { JobRunRepository } from './job-run.repository';
import { JOB_MESSAGES } from './jobs.messages';
import { isScheduledJob } from './scheduled-jobs';

/** Finished runs are kept this long (each job's last success for ever: the catch-up reads it). */
export const JOB_RUN_RETENTION_DAYS = 90;

/**
 * The job_run table as the queues' JobRunLog. Every run of a scheduled job is kept, whatever started
 * it: they are few (a handful a day) and are what the catch-up and operators read. Per-item jobs
 * (one e-mail batch, one PDF) run thousands of times a day: only their runs that failed for good
 * are kept, the ones an operator must act on. Old rows go after each successful scheduled run.
 */
@Injectable()
export class JobRunRecorder extends JobRunLog {
  private readonly logger = new Logger(JobRunRecorder.name);

  constructor(
    private readonly tx: TransactionRunner,
    private readonly runs: JobRunRepository,
    private readonly clock: Clock,
  ) {
    super();
  }

  async started(attempt: JobAttempt): Promise<string | null> {
    if (!isScheduledJob(attempt.name)) return null;
    const db = this.tx.db;
    const now = this.clock.now();
    // A catch-up or manual run was recorded when it was queued; a retry continues its run.
    const open = await this.runs.startOpen(db, attempt.name, attempt.jobId, attempt.attempt, now);
    if (open) return open;
    const id = randomUUID();
    await this.runs.insert(db, {
      id,
      jobName: attempt.name,
      jobId: attempt.jobId,
      trigger: attempt.trigger,
      scheduledFor: null,
      requestedBy: null,
      requestedByUsername: null,
      requestedAt: now,
      startedAt: now,
      finishedAt: null,
      attempts: attempt.attempt,
      outcome: null,
      error: null,
      summary: null,
    });
    return id;
  }

  async finished(attempt: JobAttempt, runId: string | null, result: JobAttemptResult): Promise<void> {
    const db = this.tx.db;
    const now = this.clock.now();
    if (runId === null) {
      // Per-item jobs: only a final failure. Scheduled ones whose start could not be written: the end.
      const kept = result.outcome === 'failed' ? result.final : isScheduledJob(attempt.name);
      if (kept) await this.insertFinished(attempt, result, now);
      return;
    }
    if (result.outcome === 'succeeded') {
      await this.runs.succeed(db, runId, attempt.attempt, now, result.summary);
      await this.prune(now);
    } else if (result.final) {
      await this.runs.fail(db, runId, attempt.attempt, now, result.error);
    } else {
      await this.runs.noteFailedAttempt(db, runId, attempt.attempt, result.error);
    }
  }

  private async insertFinished(attempt: JobAttempt, result: JobAttemptResult, now: Date): Promise<void> {
    await this.runs.insert(this.tx.db, {
      id: randomUUID(),
      jobName: attempt.name,
      jobId: attempt.jobId,
      trigger: attempt.trigger,
      scheduledFor: null,
      requestedBy: null,
      requestedByUsername: null,
      requestedAt: now,
      startedAt: now,
      finishedAt: now,
      attempts: attempt.attempt,
      outcome: result.outcome,
      error: result.outcome === 'failed' ? result.error : null,
      summary: result.outcome === 'succeeded' ? result.summary : null,
    });
  }

  private async prune(now: Date): Promise<void> {
    const before = new Date(now.getTime() - JOB_RUN_RETENTION_DAYS * 86_400_000);
    const pruned = await this.runs.prune(this.tx.db, before);
    if (pruned > 0) this.logger.log(JOB_MESSAGES.pruned(pruned, JOB_RUN_RETENTION_DAYS));
  }
}

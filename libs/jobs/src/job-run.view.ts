import { JobName } from '@eiso/common';
import type { JobSummary, JobTrigger } from '@eiso/queue';
import { JobRunEntity, JobRunOutcome } from './job-run.entity';
import { JOB_LABELS } from './jobs.messages';

/** queued → running (retries included) → succeeded | failed. */
export type JobRunState = 'queued' | 'running' | JobRunOutcome;

export interface JobRunView {
  id: string;
  job: string;
  label: string;
  trigger: JobTrigger;
  state: JobRunState;
  /** The period a catch-up run stands for. */
  scheduledFor: string | null;
  /** Who asked for a manual run (user id null for the command line). */
  requestedBy: { id: string | null; username: string } | null;
  requestedAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  attempts: number;
  outcome: JobRunOutcome | null;
  /** The last attempt's error (also while a retry is pending). */
  error: string | null;
  summary: JobSummary | null;
}

export interface ScheduledJobView {
  /** The schedule's stable key. */
  key: string;
  job: JobName;
  label: string;
  cron: string;
  timeZone: string;
  nextRunAt: string;
  lastRun: JobRunView | null;
  lastSuccessAt: string | null;
  /** Runs that failed in the last `failureDays` days. */
  failures: number;
}

export interface JobsOverview {
  failureDays: number;
  items: ScheduledJobView[];
}

export function toJobRunView(run: JobRunEntity): JobRunView {
  return {
    id: run.id,
    job: run.jobName,
    label: JOB_LABELS[run.jobName as JobName] ?? run.jobName,
    trigger: run.trigger,
    state: run.outcome ?? (run.startedAt ? 'running' : 'queued'),
    scheduledFor: run.scheduledFor?.toISOString() ?? null,
    requestedBy: run.requestedByUsername ? { id: run.requestedBy, username: run.requestedByUsername } : null,
    requestedAt: run.requestedAt.toISOString(),
    startedAt: run.startedAt?.toISOString() ?? null,
    finishedAt: run.finishedAt?.toISOString() ?? null,
    attempts: run.attempts,
    outcome: run.outcome,
    error: run.error,
    summary: run.summary,
  };
}

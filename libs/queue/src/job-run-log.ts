import type { JobName } from '@eiso/common';
import type { JobSummary } from './job-handler.contract';

/**
 * What started a run: the queue's own scheduler, the start-up catch-up of a missed period, an
 * operator, or the application itself (a job queued by a service, e.g. after a signature).
 */
export type JobTrigger = 'schedule' | 'catch-up' | 'manual' | 'event';

export const JOB_TRIGGERS: readonly JobTrigger[] = ['schedule', 'catch-up', 'manual', 'event'];

/** One attempt of a job, as the queue runs it. */
export interface JobAttempt {
  readonly name: JobName;
  readonly jobId: string;
  /** 1 for the first run, 2 for the first retry, ... */
  readonly attempt: number;
  /** Attempts the queue allows; a failure of the last one is final. */
  readonly attempts: number;
  /**
   * `schedule` when the queue's scheduler fired it, else `event`. A run recorded before it was
   * queued (catch-up, manual) keeps the trigger it was recorded with.
   */
  readonly trigger: Extract<JobTrigger, 'schedule' | 'event'>;
}

export type JobAttemptResult =
  | { readonly outcome: 'succeeded'; readonly summary: JobSummary | null }
  | {
      readonly outcome: 'failed';
      readonly error: string;
      /** No retry follows: a permanent error, or the last attempt. */
      readonly final: boolean;
    };

/**
 * Where runs are kept (the `job_run` table, see @eiso/jobs). The queue reports every attempt; the
 * log decides what to keep, and stamps the times with its own clock. Optional: without one (unit
 * tests, a process that only queues) nothing is kept.
 */
export abstract class JobRunLog {
  /** Before the handler runs; answers the id of the run it belongs to, or null if none is kept. */
  abstract started(attempt: JobAttempt): Promise<string | null>;

  /** After the handler returned or threw; `runId` is what `started` answered (null if it failed). */
  abstract finished(attempt: JobAttempt, runId: string | null, result: JobAttemptResult): Promise<void>;
}

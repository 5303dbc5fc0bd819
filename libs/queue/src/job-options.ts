import type { DefaultJobOptions } from 'bullmq';

/** How often a failing job runs, and how long it waits between runs. */
export interface JobRetryOptions {
  /** Total runs, the first one included. */
  readonly attempts: number;
  /** Wait before the 2nd run; doubles for each later run (exponential backoff). */
  readonly backoffDelayMs: number;
}

export const JOB_ATTEMPTS = 5;
export const JOB_BACKOFF_DELAY_MS = 5_000;

export const DEFAULT_JOB_RETRY: JobRetryOptions = {
  attempts: JOB_ATTEMPTS,
  backoffDelayMs: JOB_BACKOFF_DELAY_MS,
};

/** Completed jobs stay a week (their jobId keeps deduplicating), at most 1000 per queue. */
export const COMPLETED_JOB_RETENTION = { age: 7 * 24 * 60 * 60, count: 1000 } as const;

/** Jobs one worker runs at the same time on each queue. */
export const WORKER_CONCURRENCY = 4;

/** BullMQ default options of every job; failed jobs are never removed so operators can inspect them. */
export function defaultJobOptions(retry: JobRetryOptions = DEFAULT_JOB_RETRY): DefaultJobOptions {
  return {
    attempts: retry.attempts,
    backoff: { type: 'exponential', delay: retry.backoffDelayMs },
    removeOnComplete: { ...COMPLETED_JOB_RETENTION },
    removeOnFail: false,
  };
}

/** Delay before run number `attempt + 1`, the same formula as BullMQ's exponential backoff. */
export function backoffDelayMs(retry: JobRetryOptions, failedAttempt: number): number {
  return retry.backoffDelayMs * 2 ** (failedAttempt - 1);
}

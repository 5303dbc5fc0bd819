import type { JobName, JobPayloads } from '@eiso/common';

export interface EnqueueOptions {
  /**
   * Deterministic id built from the business key (see `jobIdOf`), e.g. the document version id.
   * A second enqueue with the same id is ignored while the first job is pending — and, on BullMQ,
   * while it is kept as completed (7 days) or failed. Without it every call makes a new job.
   * No ':' and not all digits (BullMQ rules).
   */
  readonly jobId?: string;
  /** Run no earlier than this many milliseconds from now. */
  readonly delayMs?: number;
}

/**
 * The job queue. Services do not enqueue directly: they write their jobs with `JobOutbox.add` in
 * the transaction of the change, and the outbox relay enqueues here once it has committed (a
 * worker may pick a job up before `enqueue` even returns).
 */
export abstract class JobQueue {
  abstract enqueue<J extends JobName>(
    name: J,
    payload: JobPayloads[J],
    options?: EnqueueOptions,
  ): Promise<void>;

  /**
   * Is a job of this name still to finish: waiting, running, retrying, or due and not yet picked up
   * (a scheduled run that fired while no worker was up)? A scheduler's next run, not yet due, is not.
   */
  abstract hasUnfinished(name: JobName): Promise<boolean>;

  /**
   * Runs again, with all its attempts, the job with this id if it failed for good and the queue
   * still holds it (with its payload). True if it did. The in-process queue keeps nothing across
   * a restart and a re-enqueue of a failed id runs it anew: it answers false.
   */
  retryFailed(_jobId: string): Promise<boolean> {
    return Promise.resolve(false);
  }

  /**
   * Runs again every job that failed for good for a transient reason (not a PermanentJobError):
   * its dependency was down through every retry. Answers the ids retried.
   */
  retryTransientFailures(): Promise<string[]> {
    return Promise.resolve([]);
  }

  /** Registers every JOB_SCHEDULES entry under its stable key; calling it again replaces, never duplicates. */
  abstract schedule(): Promise<void>;

  /** Stops accepting work and releases timers or Redis connections. */
  abstract close(): Promise<void>;
}

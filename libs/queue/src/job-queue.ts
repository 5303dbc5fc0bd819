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
 * The job queue, the DI token services inject. Enqueue only after the transaction that produced
 * the work has committed: a worker may pick the job up before `enqueue` even returns.
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

  /** Registers every JOB_SCHEDULES entry under its stable key; calling it again replaces, never duplicates. */
  abstract schedule(): Promise<void>;

  /** Stops accepting work and releases timers or Redis connections. */
  abstract close(): Promise<void>;
}

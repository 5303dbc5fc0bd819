/** How the outbox relay paces itself. */
export interface JobOutboxOptions {
  /** Rows handed to the queue per transaction. */
  readonly batchSize: number;
  /** First wait after the queue refused a row; doubles up to `retryMaxMs` while it keeps refusing. */
  readonly retryMinMs: number;
  readonly retryMaxMs: number;
  /**
   * A look at the table this often, whatever happened: rows committed by a process that died
   * before relaying them are picked up by the others without waiting for a restart.
   */
  readonly pollMs: number;
  /**
   * An enqueue that has not answered by then counts as refused (BullMQ waits for a Redis it never
   * reached): the relay's transaction, holding the rows' locks, never outlives it by much.
   */
  readonly enqueueTimeoutMs: number;
}

export const DEFAULT_JOB_OUTBOX_OPTIONS: JobOutboxOptions = {
  batchSize: 100,
  retryMinMs: 500,
  retryMaxMs: 10_000,
  pollMs: 10_000,
  enqueueTimeoutMs: 5_000,
};

export const JOB_OUTBOX_OPTIONS = Symbol('JOB_OUTBOX_OPTIONS');

import type { JobName, JobPayloads } from '@eiso/common';

/** What a handler knows about the run in progress. */
export interface JobContext {
  /** Deterministic id from the business key (or a random one when the caller gave none). */
  readonly jobId: string;
  /** 1 for the first run, 2 for the first retry, ... */
  readonly attempt: number;
}

/**
 * What a run did, in counts an operator reads (`{ recordsMoved: 12, agencies: 3 }`): kept with the
 * run in `job_run.summary`. Flat, so that every value shows as it is.
 */
export type JobSummary = Readonly<Record<string, string | number | boolean | null>>;

/**
 * A provider that runs one job. Handlers must be safe to run twice (a retry, or a crash after the
 * work but before the ack); throw `PermanentJobError` when retrying cannot help, anything else to retry.
 * A handler may return a `JobSummary` of what it did; returning nothing is as good.
 */
export interface JobHandlerContract<J extends JobName> {
  handle(payload: JobPayloads[J], context: JobContext): Promise<JobSummary | void>;
}

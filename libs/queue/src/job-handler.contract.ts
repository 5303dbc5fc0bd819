import type { JobName, JobPayloads } from '@eiso/common';

/** What a handler knows about the run in progress. */
export interface JobContext {
  /** Deterministic id from the business key (or a random one when the caller gave none). */
  readonly jobId: string;
  /** 1 for the first run, 2 for the first retry, ... */
  readonly attempt: number;
}

/**
 * A provider that runs one job. Handlers must be safe to run twice (a retry, or a crash after the
 * work but before the ack); throw `PermanentJobError` when retrying cannot help, anything else to retry.
 */
export interface JobHandlerContract<J extends JobName> {
  handle(payload: JobPayloads[J], context: JobContext): Promise<void>;
}

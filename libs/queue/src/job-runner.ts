import { JobName, JobPayloads, PermanentJobError } from '@eiso/common';
import { Logger } from '@nestjs/common';
import { UnrecoverableError } from 'bullmq';
import type { JobContext } from './job-handler.contract';
import { JobHandlerRegistry } from './job-handler.registry';
import { JobAttempt, JobAttemptResult, JobRunLog } from './job-run-log';

/** What the queue knows of an attempt besides the handler's context. */
export interface AttemptOptions {
  /** Attempts the queue allows for this job. */
  readonly attempts: number;
  readonly trigger: JobAttempt['trigger'];
}

/**
 * Runs one attempt of a job for either queue: the handler through the registry, and the attempt
 * reported to the JobRunLog before and after. A log that cannot write never fails the job (it is
 * logged): the work matters more than its record, and a job re-run for a lost record is idempotent.
 */
export class JobRunner {
  private readonly logger = new Logger(JobRunner.name);

  constructor(
    private readonly registry: JobHandlerRegistry,
    private readonly runLog?: JobRunLog,
  ) {}

  /** Resolves when the handler succeeded; rethrows what it threw. */
  async run<J extends JobName>(
    name: J,
    payload: JobPayloads[J],
    context: JobContext,
    options: AttemptOptions,
  ): Promise<void> {
    const attempt: JobAttempt = {
      name,
      jobId: context.jobId,
      attempt: context.attempt,
      attempts: options.attempts,
      trigger: options.trigger,
    };
    const runId = await this.report(attempt, () => this.runLog?.started(attempt));
    let result: JobAttemptResult;
    try {
      const summary = await this.registry.run(name, payload, context);
      result = { outcome: 'succeeded', summary: summary ?? null };
    } catch (error) {
      const failure = error instanceof Error ? error : new Error(String(error));
      const final = isPermanent(failure) || context.attempt >= options.attempts;
      result = { outcome: 'failed', error: failure.message, final };
      await this.report(attempt, () => this.runLog?.finished(attempt, runId ?? null, result));
      throw error;
    }
    await this.report(attempt, () => this.runLog?.finished(attempt, runId ?? null, result));
  }

  private async report<T>(attempt: JobAttempt, write: () => Promise<T> | undefined): Promise<T | undefined> {
    try {
      return await write();
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      this.logger.error(
        `Không ghi được lượt chạy của công việc ${attempt.name} (id ${attempt.jobId}, lần ${attempt.attempt}): ${reason}`,
      );
      return undefined;
    }
  }
}

/** Errors no retry can fix: ours, and BullMQ's (an unknown job name). */
export function isPermanent(error: unknown): boolean {
  return error instanceof PermanentJobError || error instanceof UnrecoverableError;
}

import { JobName, PermanentJobError } from '@eiso/common';
import { Logger } from '@nestjs/common';
import { UnrecoverableError } from 'bullmq';
import type { JobSummary } from './job-handler.contract';
import type { JobHandlerRegistry } from './job-handler.registry';
import { JobAttempt, JobAttemptResult, JobRunLog } from './job-run-log';
import { JobRunner } from './job-runner';

class RecordingLog extends JobRunLog {
  readonly events: (['started', JobAttempt] | ['finished', JobAttempt, string | null, JobAttemptResult])[] =
    [];
  failWith?: Error;

  started(attempt: JobAttempt): Promise<string | null> {
    this.events.push(['started', attempt]);
    return this.failWith ? Promise.reject(this.failWith) : Promise.resolve(`run-of-${attempt.jobId}`);
  }

  finished(attempt: JobAttempt, runId: string | null, result: JobAttemptResult): Promise<void> {
    this.events.push(['finished', attempt, runId, result]);
    return this.failWith ? Promise.reject(this.failWith) : Promise.resolve();
  }
}

/** A registry whose one handler does what the test says. */
function registry(handle: () => Promise<JobSummary | undefined>): JobHandlerRegistry {
  return { run: jest.fn(handle) } as unknown as JobHandlerRegistry;
}

const CONTEXT = { jobId: 'records.retention/run/1', attempt: 1 };
const OPTIONS = { attempts: 3, trigger: 'schedule' as const };

describe('JobRunner', () => {
  let log: RecordingLog;
  beforeEach(() => {
    log = new RecordingLog();
  });
  afterEach(() => jest.restoreAllMocks());

  it('reports the attempt before and after, with the summary the handler returned', async () => {
    const runner = new JobRunner(
      registry(() => Promise.resolve({ recordsMoved: 12, agencies: 3 })),
      log,
    );
    await runner.run(JobName.RecordsRetention, {}, CONTEXT, OPTIONS);

    const attempt: JobAttempt = {
      name: JobName.RecordsRetention,
      jobId: CONTEXT.jobId,
      attempt: 1,
      attempts: 3,
      trigger: 'schedule',
    };
    expect(log.events).toEqual([
      ['started', attempt],
      [
        'finished',
        attempt,
        `run-of-${CONTEXT.jobId}`,
        { outcome: 'succeeded', summary: { recordsMoved: 12, agencies: 3 } },
      ],
    ]);
  });

  it('keeps handlers that return nothing working: no summary', async () => {
    await new JobRunner(
      registry(() => Promise.resolve(undefined)),
      log,
    ).run(JobName.RecordsRetention, {}, CONTEXT, OPTIONS);
    expect(log.events[1][3]).toEqual({ outcome: 'succeeded', summary: null });
  });

  it('rethrows a failure, final only on the last attempt or when permanent', async () => {
    const cases: [Error, number, boolean][] = [
      [new Error('database down'), 1, false],
      [new Error('database down'), 3, true],
      [new PermanentJobError('broken PDF'), 1, true],
      [new UnrecoverableError('unknown job'), 1, true],
    ];
    for (const [error, attempt, final] of cases) {
      log = new RecordingLog();
      const runner = new JobRunner(
        registry(() => Promise.reject(error)),
        log,
      );
      await expect(runner.run(JobName.RecordsRetention, {}, { ...CONTEXT, attempt }, OPTIONS)).rejects.toBe(
        error,
      );
      expect(log.events[1][3]).toEqual({ outcome: 'failed', error: error.message, final });
    }
  });

  it('never fails or repeats the job because the log cannot write', async () => {
    jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    log.failWith = new Error('job_run unreachable');
    const handler = registry(() => Promise.resolve({ checked: 3 }));
    await new JobRunner(handler, log).run(JobName.RecordsRetention, {}, CONTEXT, OPTIONS);
    expect(handler.run).toHaveBeenCalledTimes(1);
    expect(log.events.map((e) => e[0])).toEqual(['started', 'finished']);
    // The end is reported without a run id, so the log can still write the whole run.
    expect(log.events[1][2]).toBeNull();
  });

  it('runs without a log', async () => {
    const handler = registry(() => Promise.resolve(undefined));
    await new JobRunner(handler).run(JobName.RecordsRetention, {}, CONTEXT, OPTIONS);
    expect(handler.run).toHaveBeenCalledWith(JobName.RecordsRetention, {}, CONTEXT);
  });
});

import { JOB_SCHEDULES, JobName } from '@eiso/common';
import { jobIdOf } from '@eiso/queue';

/** Does a schedule run this job (so every run of it is kept, and operators may start it)? */
export function isScheduledJob(name: string): name is JobName {
  return JOB_SCHEDULES.some((s) => (s.job as string) === name);
}

/** The queue job id of a run recorded before it was queued (catch-up, manual): its row names it. */
export function runJobId(name: JobName, runId: string): string {
  return jobIdOf(name, 'run', runId);
}

import { JobName, QueueName } from '@eiso/common';

export const ALL_JOB_NAMES: readonly JobName[] = Object.values(JobName);
export const ALL_QUEUE_NAMES: readonly QueueName[] = Object.values(QueueName);

const known = new Set<string>(ALL_JOB_NAMES);

/** Job names read back from Redis are plain strings: an older deployment may have left unknown ones. */
export function isJobName(value: string): value is JobName {
  return known.has(value);
}

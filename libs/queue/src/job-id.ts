import type { JobName } from '@eiso/common';

/**
 * Builds a deterministic job id from the business key, e.g.
 * `jobIdOf(JobName.PdfControlledCopy, versionId)` → `pdf.controlled-copy/<versionId>`.
 */
export function jobIdOf(name: JobName, ...businessKey: readonly (string | number)[]): string {
  const id = [name, ...businessKey.map(String)].join('/');
  assertValidJobId(id);
  return id;
}

/**
 * BullMQ rejects ids with ':' (its key separator) and all-digit ids (its own counter); the
 * in-process queue checks the same rules so the embedded profile fails where production would.
 */
export function assertValidJobId(jobId: string): void {
  if (jobId === '') throw new Error('jobId must not be empty');
  if (jobId.includes(':')) throw new Error(`jobId must not contain ':' (got "${jobId}")`);
  if (/^-?\d+$/.test(jobId)) throw new Error(`jobId must not be an integer (got "${jobId}")`);
}

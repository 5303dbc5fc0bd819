import { JobName } from '@eiso/common';

export interface DuplicateJobHandler {
  readonly job: JobName;
  readonly handlers: readonly string[];
}

/** Start-up failure: some job has no handler, or more than one. */
export class JobHandlerSetupError extends Error {
  constructor(
    readonly missing: readonly JobName[],
    readonly duplicates: readonly DuplicateJobHandler[],
  ) {
    super(
      [
        'Job handlers are not set up: every JobName needs exactly one @JobHandler provider.',
        ...missing.map(
          (job) => `  - no handler for "${job}": add @JobHandler(JobName.${enumKey(job)}) to a provider`,
        ),
        ...duplicates.map(
          (d) => `  - "${d.job}" has ${d.handlers.length} handlers: ${d.handlers.join(', ')}`,
        ),
      ].join('\n'),
    );
    this.name = 'JobHandlerSetupError';
  }
}

function enumKey(job: JobName): string {
  return Object.entries(JobName).find(([, value]) => value === job)?.[0] ?? job;
}

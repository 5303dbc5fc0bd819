import { DynamicModule, Global, Module } from '@nestjs/common';
import { JobOutbox } from './job-outbox';
import { DEFAULT_JOB_OUTBOX_OPTIONS, JOB_OUTBOX_OPTIONS, JobOutboxOptions } from './job-outbox.options';
import { JobOutboxRelay } from './job-outbox.relay';
import { JobOutboxRepository } from './job-outbox.repository';

/**
 * The job outbox of the process (both profiles: one path to the queue). Needs the DatabaseModule
 * and the QueueModule; imported once, by JobsModule.
 */
@Global()
@Module({})
export class JobOutboxModule {
  static forRoot(options: Partial<JobOutboxOptions> = {}): DynamicModule {
    return {
      module: JobOutboxModule,
      providers: [
        { provide: JOB_OUTBOX_OPTIONS, useValue: { ...DEFAULT_JOB_OUTBOX_OPTIONS, ...options } },
        JobOutboxRepository,
        JobOutboxRelay,
        JobOutbox,
      ],
      exports: [JobOutbox, JobOutboxRelay],
    };
  }
}

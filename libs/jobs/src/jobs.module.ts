import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditTrailModule } from '@eiso/audit-trail';
import { JobOutboxModule, JobRunLog } from '@eiso/queue';
import { CatchUpService } from './catch-up.service';
import { JobRunAuditVisibility } from './job-run-audit-visibility';
import { JobRunEntity } from './job-run.entity';
import { JobRunRecorder } from './job-run.recorder';
import { JobRunRepository } from './job-run.repository';
import { JobRunsService } from './job-runs.service';
import { JOBS_MODULE_OPTIONS, JobsModuleOptions } from './jobs-module.options';

/**
 * Runs of jobs: kept in job_run (the queues report to it as their JobRunLog), caught up at start
 * when a period was missed, and shown to operators. Global, so that QueueModule finds the log.
 * Import once per process, beside QueueModule. Brings the job outbox (JobOutbox, its relay) too.
 */
@Module({})
export class JobsModule {
  static forRoot(options: JobsModuleOptions): DynamicModule {
    return {
      module: JobsModule,
      global: true,
      imports: [TypeOrmModule.forFeature([JobRunEntity]), AuditTrailModule, JobOutboxModule.forRoot()],
      providers: [
        { provide: JOBS_MODULE_OPTIONS, useValue: options },
        JobRunRepository,
        JobRunRecorder,
        { provide: JobRunLog, useExisting: JobRunRecorder },
        CatchUpService,
        JobRunsService,
        JobRunAuditVisibility,
      ],
      exports: [JobRunLog, JobRunsService, CatchUpService, JobOutboxModule],
    };
  }
}

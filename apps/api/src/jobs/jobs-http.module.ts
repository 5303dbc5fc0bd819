import { Module } from '@nestjs/common';
import { AdminJobsController } from './admin-jobs.controller';

/** HTTP routes of the scheduled jobs; JobsModule (global) is imported by the app module. */
@Module({
  controllers: [AdminJobsController],
})
export class JobsHttpModule {}

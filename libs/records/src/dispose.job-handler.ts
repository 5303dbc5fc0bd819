import { Injectable } from '@nestjs/common';
import { JobName, JobPayloads } from '@eiso/common';
import { JobContext, JobHandler, JobHandlerContract } from '@eiso/queue';
import { DisposalExecutor } from './disposal-executor';

/** After an approver signs a batch: delete its files and leave tombstones (safe to run twice). */
@Injectable()
@JobHandler(JobName.RecordsDispose)
export class DisposeJobHandler implements JobHandlerContract<JobName.RecordsDispose> {
  constructor(private readonly executor: DisposalExecutor) {}

  handle(payload: JobPayloads[JobName.RecordsDispose], context: JobContext): Promise<void> {
    return this.executor.dispose(payload.disposalId, context.jobId);
  }
}

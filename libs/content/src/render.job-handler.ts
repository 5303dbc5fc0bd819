import { Inject, Injectable } from '@nestjs/common';
import { JobName, JobPayloads } from '@eiso/common';
import {
  JobContext,
  JobHandler,
  JobHandlerContract,
  JobSummary,
  QUEUE_MODULE_OPTIONS,
  ResolvedQueueModuleOptions,
} from '@eiso/queue';
import { RenditionService } from './rendition.service';

/** After upload: the PDF rendition of a Word, ODF or spreadsheet file, then its text. */
@Injectable()
@JobHandler(JobName.ContentRender)
export class RenderJobHandler implements JobHandlerContract<JobName.ContentRender> {
  constructor(
    private readonly renditions: RenditionService,
    @Inject(QUEUE_MODULE_OPTIONS) private readonly queue: ResolvedQueueModuleOptions,
  ) {}

  async handle(payload: JobPayloads[JobName.ContentRender], context: JobContext): Promise<JobSummary> {
    const outcome = await this.renditions.render(
      payload.key,
      payload.generation,
      context.attempt >= this.queue.retry.attempts,
    );
    return { outcome };
  }
}

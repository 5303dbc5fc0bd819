import { Injectable } from '@nestjs/common';
import { JobName, JobPayloads } from '@eiso/common';
import { JobHandler, JobHandlerContract, JobSummary } from '@eiso/queue';
import { TextExtractionService } from './text-extraction.service';

/** After upload (or after the rendition): the file's text into the search index. */
@Injectable()
@JobHandler(JobName.ContentExtract)
export class ExtractJobHandler implements JobHandlerContract<JobName.ContentExtract> {
  constructor(private readonly extraction: TextExtractionService) {}

  async handle(payload: JobPayloads[JobName.ContentExtract]): Promise<JobSummary> {
    return { outcome: await this.extraction.extract(payload.key, payload.generation) };
  }
}

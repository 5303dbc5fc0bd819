import { Injectable } from '@nestjs/common';
import { DomainException, ErrorCode, JobName, JobPayloads, PermanentJobError } from '@eiso/common';
import { JobHandler, JobHandlerContract } from '@eiso/queue';
import { ControlledCopyService } from './controlled-copy.service';

/** After issue, supersession or withdrawal: render and store the copy so that downloads are instant. */
@Injectable()
@JobHandler(JobName.PdfControlledCopy)
export class ControlledCopyJobHandler implements JobHandlerContract<JobName.PdfControlledCopy> {
  constructor(private readonly copies: ControlledCopyService) {}

  async handle(payload: JobPayloads[JobName.PdfControlledCopy]): Promise<void> {
    try {
      await this.copies.ensureRendered(payload.versionId);
    } catch (error) {
      // A broken or encrypted PDF will not render on a retry either.
      if (error instanceof DomainException && error.code !== ErrorCode.StorageObjectNotFound) {
        throw new PermanentJobError(
          `${error.code}: không dựng được bản có kiểm soát cho phiên bản ${payload.versionId}`,
        );
      }
      throw error;
    }
  }
}

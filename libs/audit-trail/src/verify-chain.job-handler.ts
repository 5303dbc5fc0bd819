import { Injectable, Logger } from '@nestjs/common';
import { JobName, JobPayloads } from '@eiso/common';
import { JobHandler, JobHandlerContract, JobSummary } from '@eiso/queue';
import { AuditTrailService } from './audit-trail.service';

/** Nightly: recompute the chain and say loudly when it is broken. */
@Injectable()
@JobHandler(JobName.AuditVerifyChain)
export class VerifyChainJobHandler implements JobHandlerContract<JobName.AuditVerifyChain> {
  private readonly logger = new Logger(VerifyChainJobHandler.name);

  constructor(private readonly auditTrail: AuditTrailService) {}

  async handle(_payload: JobPayloads[JobName.AuditVerifyChain]): Promise<JobSummary> {
    const result = await this.auditTrail.verify();
    if (result.ok) {
      this.logger.log(
        `Chuỗi nhật ký toàn vẹn: đã kiểm tra ${result.checked} bản ghi, hash cuối ${result.lastHash}`,
      );
    } else {
      const broken = result.firstBroken;
      this.logger.error(
        `Chuỗi nhật ký bị phá vỡ tại bản ghi seq=${broken?.seq} id=${broken?.id} (${broken?.reason}): ` +
          'có bản ghi nhật ký đã bị sửa hoặc xóa trực tiếp trong cơ sở dữ liệu',
      );
    }
    return { intact: result.ok, checked: result.checked, firstBrokenSeq: result.firstBroken?.seq ?? null };
  }
}

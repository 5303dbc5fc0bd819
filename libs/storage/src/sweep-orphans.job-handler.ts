import { Injectable } from '@nestjs/common';
import { JobName, JobPayloads } from '@eiso/common';
import { JobHandler, JobHandlerContract, JobSummary } from '@eiso/queue';
import { OrphanSweepService } from './orphan-sweep.service';

/** Daily (and at start when a run was missed): stored objects no row names are deleted. */
@Injectable()
@JobHandler(JobName.StorageSweepOrphans)
export class SweepOrphansJobHandler implements JobHandlerContract<JobName.StorageSweepOrphans> {
  constructor(private readonly sweep: OrphanSweepService) {}

  /** `{ checked, removed, bytes }`: objects old enough to judge, those deleted, bytes freed. */
  async handle(_payload: JobPayloads[JobName.StorageSweepOrphans]): Promise<JobSummary> {
    const { checked, removed, bytes } = await this.sweep.sweep();
    return { checked, removed, bytes };
  }
}

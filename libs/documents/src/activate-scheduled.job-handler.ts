import { Injectable } from '@nestjs/common';
import { JobName, JobPayloads } from '@eiso/common';
import { JobHandler, JobHandlerContract, JobSummary } from '@eiso/queue';
import { ScheduledActivationService } from './scheduled-activation.service';

/** Daily, just after midnight (and at start when a run was missed): scheduled versions come into force. */
@Injectable()
@JobHandler(JobName.DocumentsActivateScheduled)
export class ActivateScheduledJobHandler implements JobHandlerContract<JobName.DocumentsActivateScheduled> {
  constructor(private readonly activation: ScheduledActivationService) {}

  /** `{ versionsDue, versionsActivated }`: fewer activated than due when a race or a withdrawal won. */
  async handle(_payload: JobPayloads[JobName.DocumentsActivateScheduled]): Promise<JobSummary> {
    const { due, activated } = await this.activation.activateDue();
    return { versionsDue: due, versionsActivated: activated };
  }
}

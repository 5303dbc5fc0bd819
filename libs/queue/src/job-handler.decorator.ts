import type { JobName } from '@eiso/common';
import { SetMetadata, type Type } from '@nestjs/common';
import type { JobHandlerContract } from './job-handler.contract';

export const JOB_HANDLER_METADATA = 'eiso:job-handler';

/**
 * Marks an `@Injectable()` provider as the one handler of `name`; the registry finds it at start-up.
 * The type parameter makes the compiler check that `handle` accepts that job's payload.
 *
 * @example
 * @Injectable()
 * @JobHandler(JobName.AuditVerifyChain)
 * export class VerifyChainJobHandler implements JobHandlerContract<JobName.AuditVerifyChain> { ... }
 */
export function JobHandler<J extends JobName>(name: J) {
  return <T extends Type<JobHandlerContract<J>>>(target: T): void => {
    SetMetadata(JOB_HANDLER_METADATA, name)(target);
  };
}

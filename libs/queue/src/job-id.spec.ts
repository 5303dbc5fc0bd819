import { JobName } from '@eiso/common';
import { assertValidJobId, jobIdOf } from './job-id';

describe('job ids', () => {
  it('builds a deterministic id from the job name and business key', () => {
    expect(jobIdOf(JobName.AuditVerifyChain, 'agency-1', 2025)).toBe('audit.verify-chain/agency-1/2025');
    expect(jobIdOf(JobName.AuditVerifyChain, 'agency-1', 2025)).toBe(
      jobIdOf(JobName.AuditVerifyChain, 'agency-1', 2025),
    );
  });

  it.each(['', 'a:b', '123', '-5'])('rejects %p as BullMQ would', (id) => {
    expect(() => assertValidJobId(id)).toThrow();
  });

  it('refuses a business key that would put a colon in the id', () => {
    expect(() => jobIdOf(JobName.AuditVerifyChain, '2025-01-01T00:00')).toThrow(/':'/);
  });
});

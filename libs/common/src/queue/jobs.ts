/** Queues (DESIGN §10). A queue groups jobs that share workers and limits. */
export enum QueueName {
  AuditTrail = 'audit-trail',
}

/** Job names are stable strings: they live in Redis across deployments. */
export enum JobName {
  AuditVerifyChain = 'audit.verify-chain',
}

/** Typed payload of every job. */
export interface JobPayloads {
  [JobName.AuditVerifyChain]: { requestedBy?: string };
}

export const JOB_QUEUE: Record<JobName, QueueName> = {
  [JobName.AuditVerifyChain]: QueueName.AuditTrail,
};

export interface JobSchedule {
  /** Stable scheduler key: re-registering replaces, never duplicates. */
  key: string;
  job: JobName;
  /** Cron pattern, evaluated in Asia/Ho_Chi_Minh. */
  cron: string;
}

/** Repeatable jobs. */
export const JOB_SCHEDULES: readonly JobSchedule[] = [
  { key: 'nightly-audit-verify-chain', job: JobName.AuditVerifyChain, cron: '15 1 * * *' },
];

export const SCHEDULE_TIME_ZONE = 'Asia/Ho_Chi_Minh';

import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { JobSummary, JobTrigger } from '@eiso/queue';

export type JobRunOutcome = 'succeeded' | 'failed';

/** One run of a job, across its retries (migration 1764431000000-job-runs). */
@Entity({ name: 'job_run' })
export class JobRunEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'job_name', type: 'text' })
  jobName: string;

  /** The queue's job id: how an attempt finds the run it belongs to. */
  @Column({ name: 'job_id', type: 'text' })
  jobId: string;

  @Column({ type: 'text' })
  trigger: JobTrigger;

  /** The fire time a catch-up run stands for. */
  @Column({ name: 'scheduled_for', type: 'timestamptz', nullable: true })
  scheduledFor: Date | null;

  @Column({ name: 'requested_by', type: 'uuid', nullable: true })
  requestedBy: string | null;

  @Column({ name: 'requested_by_username', type: 'text', nullable: true })
  requestedByUsername: string | null;

  @Column({ name: 'requested_at', type: 'timestamptz' })
  requestedAt: Date;

  /** The first attempt's start; null while queued. */
  @Column({ name: 'started_at', type: 'timestamptz', nullable: true })
  startedAt: Date | null;

  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true })
  finishedAt: Date | null;

  @Column({ type: 'integer' })
  attempts: number;

  /** Null while queued, running or waiting for a retry. */
  @Column({ type: 'text', nullable: true })
  outcome: JobRunOutcome | null;

  /** The last attempt's error. */
  @Column({ type: 'text', nullable: true })
  error: string | null;

  @Column({ type: 'jsonb', nullable: true })
  summary: JobSummary | null;
}

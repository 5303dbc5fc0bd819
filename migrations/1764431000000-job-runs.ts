import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Runs of jobs (DESIGN §13, "Jobs that never silently miss").
 *
 * One row per run of a job, across its retries: every run of a scheduled job (JOB_SCHEDULES), by
 * the scheduler, the start-up catch-up, an operator or the application; for the other jobs only
 * the runs that failed for good. `outcome` is null while the run is queued (`started_at` null),
 * running or waiting for a retry (`error` holds the last attempt's). A catch-up run names the
 * period it stands for (`scheduled_for`); `ux_job_run_catch_up` lets one process claim it, and a
 * failed claim frees the period for the next start. Rows older than 90 days are pruned, except
 * each job's last success, which the catch-up reads.
 */
export class JobRuns1764431000000 implements MigrationInterface {
  name = 'JobRuns1764431000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE job_run (
        id uuid NOT NULL,
        job_name text NOT NULL,
        job_id text NOT NULL,
        trigger text NOT NULL,
        scheduled_for timestamptz,
        requested_by uuid,
        requested_by_username text,
        requested_at timestamptz NOT NULL,
        started_at timestamptz,
        finished_at timestamptz,
        attempts integer NOT NULL DEFAULT 0,
        outcome text,
        error text,
        summary jsonb,
        CONSTRAINT pk_job_run PRIMARY KEY (id),
        CONSTRAINT fk_job_run_requested_by FOREIGN KEY (requested_by) REFERENCES app_user (id),
        CONSTRAINT ck_job_run_trigger CHECK (trigger IN ('schedule', 'catch-up', 'manual', 'event')),
        CONSTRAINT ck_job_run_outcome CHECK (outcome IN ('succeeded', 'failed')),
        CONSTRAINT ck_job_run_finished CHECK ((outcome IS NULL) = (finished_at IS NULL)),
        CONSTRAINT ck_job_run_catch_up CHECK ((trigger = 'catch-up') = (scheduled_for IS NOT NULL)),
        CONSTRAINT ck_job_run_attempts CHECK (attempts >= 0)
      )`);
    await q.query(`CREATE UNIQUE INDEX ux_job_run_catch_up ON job_run (job_name, scheduled_for)
      WHERE trigger = 'catch-up' AND (outcome IS NULL OR outcome = 'succeeded')`);
    await q.query(`CREATE INDEX ix_job_run_name_started ON job_run (job_name, started_at DESC)`);
    await q.query(`CREATE INDEX ix_job_run_open ON job_run (job_name, job_id) WHERE outcome IS NULL`);
    await q.query(`CREATE INDEX ix_job_run_requested ON job_run (requested_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE job_run`);
  }
}

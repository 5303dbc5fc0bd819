import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The transactional job outbox (DESIGN §13, "A committed change never loses its job").
 *
 * A service writes the job it owes in the same transaction as the change (JobOutbox.add); a relay
 * hands each row to the job queue once committed — at once, then retrying while the queue is
 * down, and at every start — and deletes it only after the queue accepted it. `job_id` is the
 * job's deterministic queue id: relaying a row twice queues one job, and a second add of a job
 * still waiting here is ignored, as the queue would. `not_before` is when the job may run (a
 * delayed job); the relay passes the time left. `attempts` and `last_error` tell operators why a
 * row is stuck.
 */
export class JobOutbox1764440000000 implements MigrationInterface {
  name = 'JobOutbox1764440000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE job_outbox (
        id bigint GENERATED ALWAYS AS IDENTITY,
        job_name text NOT NULL,
        job_id text NOT NULL,
        payload jsonb NOT NULL,
        not_before timestamptz NOT NULL,
        created_at timestamptz NOT NULL,
        attempts integer NOT NULL DEFAULT 0,
        last_error text,
        CONSTRAINT pk_job_outbox PRIMARY KEY (id),
        CONSTRAINT ux_job_outbox_job_id UNIQUE (job_id),
        CONSTRAINT ck_job_outbox_attempts CHECK (attempts >= 0)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE job_outbox`);
  }
}

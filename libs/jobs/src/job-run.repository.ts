import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { Db } from '@eiso/database';
import type { JobSummary } from '@eiso/queue';
import { JobRunEntity } from './job-run.entity';

/** Errors are kept to this many characters: a stack or a server's answer can be long. */
const MAX_ERROR_LENGTH = 2000;

function clip(error: string): string {
  return error.length > MAX_ERROR_LENGTH ? `${error.slice(0, MAX_ERROR_LENGTH - 1)}…` : error;
}

@Injectable()
export class JobRunRepository {
  async insert(db: Db, row: JobRunEntity): Promise<void> {
    await db
      .getRepository(JobRunEntity)
      .insert({ ...row, error: row.error === null ? null : clip(row.error) });
  }

  /**
   * Records a catch-up run of `jobName` for the period `scheduledFor`, unless another process has
   * claimed that period (and not failed it): ux_job_run_catch_up decides. True if this one won.
   */
  async claimCatchUp(
    db: Db,
    row: Pick<JobRunEntity, 'id' | 'jobName' | 'jobId' | 'scheduledFor' | 'requestedAt'>,
  ): Promise<boolean> {
    const inserted: { id: string }[] = await db.query(
      `INSERT INTO job_run (id, job_name, job_id, trigger, scheduled_for, requested_at, attempts)
       VALUES ($1, $2, $3, 'catch-up', $4, $5, 0)
       ON CONFLICT (job_name, scheduled_for)
         WHERE trigger = 'catch-up' AND (outcome IS NULL OR outcome = 'succeeded') DO NOTHING
       RETURNING id`,
      [row.id, row.jobName, row.jobId, row.scheduledFor, row.requestedAt],
    );
    return inserted.length === 1;
  }

  /**
   * An attempt starts: the unfinished run with this job id (queued before, or an earlier attempt)
   * takes it on. Answers its id, or null when there is none.
   */
  async startOpen(db: Db, jobName: string, jobId: string, attempt: number, at: Date): Promise<string | null> {
    const [rows]: [{ id: string }[], number] = await db.query(
      `UPDATE job_run SET started_at = COALESCE(started_at, $4), attempts = $3
        WHERE id = (SELECT id FROM job_run WHERE job_name = $1 AND job_id = $2 AND outcome IS NULL
                     ORDER BY requested_at DESC LIMIT 1)
       RETURNING id`,
      [jobName, jobId, attempt, at],
    );
    return rows[0]?.id ?? null;
  }

  /** An attempt failed and a retry follows: the run stays open with the error. */
  async noteFailedAttempt(db: Db, id: string, attempt: number, error: string): Promise<void> {
    await db.query(`UPDATE job_run SET attempts = $2, error = $3 WHERE id = $1 AND outcome IS NULL`, [
      id,
      attempt,
      clip(error),
    ]);
  }

  async succeed(db: Db, id: string, attempt: number, at: Date, summary: JobSummary | null): Promise<void> {
    await db.query(
      `UPDATE job_run SET attempts = $2, finished_at = $3, outcome = 'succeeded', error = NULL, summary = $4
        WHERE id = $1`,
      [id, attempt, at, summary === null ? null : JSON.stringify(summary)],
    );
  }

  async fail(db: Db, id: string, attempt: number | null, at: Date, error: string): Promise<void> {
    await db.query(
      `UPDATE job_run SET attempts = COALESCE($2, attempts), finished_at = $3, outcome = 'failed', error = $4
        WHERE id = $1`,
      [id, attempt, at, clip(error)],
    );
  }

  /**
   * Runs left unfinished by a process that is gone (the in-process queue keeps its jobs in memory):
   * failed with `error`. Answers how many.
   */
  async failUnfinished(db: Db, at: Date, error: string): Promise<number> {
    const [, count]: [unknown, number] = await db.query(
      `UPDATE job_run SET finished_at = $1, outcome = 'failed', error = $2 WHERE outcome IS NULL`,
      [at, clip(error)],
    );
    return count;
  }

  /** When the job's last successful run started; null if it never succeeded. */
  async lastSuccessAt(db: Db, jobName: string): Promise<Date | null> {
    const rows: { at: Date | null }[] = await db.query(
      `SELECT max(started_at) AS at FROM job_run WHERE job_name = $1 AND outcome = 'succeeded'`,
      [jobName],
    );
    return rows[0]?.at ?? null;
  }

  /** Each job's latest run (the last one queued or started), by job name. */
  async latestRuns(db: Db, jobNames: readonly string[]): Promise<Map<string, JobRunEntity>> {
    const ids: { id: string }[] = await db.query(
      `SELECT DISTINCT ON (job_name) id FROM job_run WHERE job_name = ANY($1)
        ORDER BY job_name, requested_at DESC, id`,
      [jobNames],
    );
    const rows = await this.findByIds(
      db,
      ids.map((r) => r.id),
    );
    return new Map(rows.map((r) => [r.jobName, r]));
  }

  /** Each job's last successful start, by job name. */
  async lastSuccesses(db: Db, jobNames: readonly string[]): Promise<Map<string, Date>> {
    const rows: { name: string; at: Date }[] = await db.query(
      `SELECT job_name AS name, max(started_at) AS at FROM job_run
        WHERE job_name = ANY($1) AND outcome = 'succeeded' GROUP BY job_name`,
      [jobNames],
    );
    return new Map(rows.map((r) => [r.name, r.at]));
  }

  /** Failed runs per job name that finished at or after `since`. */
  async failureCounts(db: Db, jobNames: readonly string[], since: Date): Promise<Map<string, number>> {
    const rows: { name: string; n: number }[] = await db.query(
      `SELECT job_name AS name, count(*)::int AS n FROM job_run
        WHERE job_name = ANY($1) AND outcome = 'failed' AND finished_at >= $2 GROUP BY job_name`,
      [jobNames, since],
    );
    return new Map(rows.map((r) => [r.name, r.n]));
  }

  findById(db: Db, id: string): Promise<JobRunEntity | null> {
    return db.getRepository(JobRunEntity).findOneBy({ id });
  }

  findByIds(db: Db, ids: readonly string[]): Promise<JobRunEntity[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return db.getRepository(JobRunEntity).findBy({ id: In([...ids]) });
  }

  /** The job name of each run, by run id. */
  async jobNamesOf(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
    const rows = await this.findByIds(db, ids);
    return new Map(rows.map((r) => [r.id, r.jobName]));
  }

  /** One job's runs, newest first. */
  findPageOfJob(db: Db, jobName: string, offset: number, limit: number): Promise<[JobRunEntity[], number]> {
    return db.getRepository(JobRunEntity).findAndCount({
      where: { jobName },
      order: { requestedAt: 'DESC', id: 'DESC' },
      skip: offset,
      take: limit,
    });
  }

  /**
   * Deletes finished runs queued before `before`, except each job's last success (the catch-up
   * reads it, however old). Answers how many.
   */
  async prune(db: Db, before: Date): Promise<number> {
    const [, count]: [unknown, number] = await db.query(
      `DELETE FROM job_run WHERE requested_at < $1 AND outcome IS NOT NULL
         AND id NOT IN (SELECT DISTINCT ON (job_name) id FROM job_run WHERE outcome = 'succeeded'
                         ORDER BY job_name, started_at DESC, id)`,
      [before],
    );
    return count;
  }
}

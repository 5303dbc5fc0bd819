import { Injectable } from '@nestjs/common';
import type { Db } from '@eiso/database';

/** A job written to the outbox and not yet accepted by the queue. */
export interface OutboxRow {
  readonly id: string;
  readonly jobName: string;
  readonly jobId: string;
  readonly payload: unknown;
  /** When the job may run: its delay is counted from the change, not from the relay. */
  readonly notBefore: Date;
}

export interface NewOutboxRow {
  readonly jobName: string;
  readonly jobId: string;
  readonly payload: unknown;
  readonly notBefore: Date;
  readonly createdAt: Date;
}

/** Errors are kept to this many characters. */
const MAX_ERROR_LENGTH = 1000;

/** The job_outbox table (migration 1764440000000-job-outbox). Every method takes the caller's `db`. */
@Injectable()
export class JobOutboxRepository {
  /** Writes the row; a job id already waiting here is left as it is. True if written. */
  async insert(db: Db, row: NewOutboxRow): Promise<boolean> {
    const inserted: { id: string }[] = await db.query(
      `INSERT INTO job_outbox (job_name, job_id, payload, not_before, created_at)
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (job_id) DO NOTHING
       RETURNING id`,
      [row.jobName, row.jobId, JSON.stringify(row.payload), row.notBefore, row.createdAt],
    );
    return inserted.length === 1;
  }

  /**
   * Locks up to `limit` rows, oldest first, skipping those another relay holds: call inside a
   * transaction, which keeps them locked until it ends.
   */
  async claim(db: Db, limit: number): Promise<OutboxRow[]> {
    const rows: { id: string; job_name: string; job_id: string; payload: unknown; not_before: Date }[] =
      await db.query(
        `SELECT id::text AS id, job_name, job_id, payload, not_before FROM job_outbox
          ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [limit],
      );
    return rows.map((r) => ({
      id: r.id,
      jobName: r.job_name,
      jobId: r.job_id,
      payload: r.payload,
      notBefore: r.not_before,
    }));
  }

  async delete(db: Db, ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    await db.query(`DELETE FROM job_outbox WHERE id = ANY($1::bigint[])`, [ids]);
  }

  /** The queue refused the row: counted, with the reason, for operators. */
  async noteFailure(db: Db, id: string, error: string): Promise<void> {
    const clipped = error.length > MAX_ERROR_LENGTH ? `${error.slice(0, MAX_ERROR_LENGTH - 1)}…` : error;
    await db.query(`UPDATE job_outbox SET attempts = attempts + 1, last_error = $2 WHERE id = $1::bigint`, [
      id,
      clipped,
    ]);
  }

  /** Rows still waiting for the queue. */
  async count(db: Db): Promise<number> {
    const rows: { n: number }[] = await db.query(`SELECT count(*)::int AS n FROM job_outbox`);
    return rows[0]?.n ?? 0;
  }
}

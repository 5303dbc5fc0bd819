import { Injectable } from '@nestjs/common';
import { Db } from '@eiso/database';

/** The state of one counter after a failure was counted. */
export interface FailureCount {
  failedCount: number;
  lockedUntil: Date | null;
}

/** Counters untouched for this long are forgotten (and their rows deleted). */
const FORGET_AFTER_MS = 86_400_000;

/**
 * Wrong passwords per login name and client address (`login_failure`). Names are keyed as typed,
 * lower-cased, whether or not an account holds them, so an unknown name locks exactly like a
 * known one.
 */
@Injectable()
export class LoginFailureRepository {
  /**
   * Serializes the failures of a name no account holds until the transaction ends, as the user
   * row's lock does for an account, so parallel attempts count and lock exactly alike.
   */
  async lockName(db: Db, name: string): Promise<void> {
    await db.query(`SELECT pg_advisory_xact_lock(731500, hashtext($1))`, [name]);
  }

  /** The latest lock still running on any of these counters of `name`, or null. */
  async lockedUntil(db: Db, name: string, addresses: string[], now: Date): Promise<Date | null> {
    const rows: { locked_until: Date | null }[] = await db.query(
      `SELECT max(locked_until) AS locked_until FROM login_failure
        WHERE login_name = $1 AND address = ANY ($2::text[]) AND locked_until > $3`,
      [name, addresses, now],
    );
    return rows[0]?.locked_until ?? null;
  }

  /**
   * One more failure, counted in SQL so parallel attempts never lose one: the `maxFailures`-th
   * locks the counter until `lockUntil` and starts it again. A counter already locked counts
   * nothing and answers its lock. Also deletes counters forgotten a day ago, so names an attacker
   * makes up do not pile up.
   */
  async recordFailure(
    db: Db,
    name: string,
    address: string,
    maxFailures: number,
    lockUntil: Date,
    now: Date,
  ): Promise<FailureCount> {
    const rows: { failed_count: number; locked_until: Date | null }[] = await db.query(
      `INSERT INTO login_failure AS f (login_name, address, failed_count, locked_until, updated_at)
       VALUES ($1, $2, CASE WHEN $3::int <= 1 THEN 0 ELSE 1 END,
               CASE WHEN $3::int <= 1 THEN $4::timestamptz END, $5)
       ON CONFLICT (login_name, address) DO UPDATE SET
         failed_count = CASE WHEN f.locked_until > $5 THEN f.failed_count
                             WHEN f.failed_count + 1 >= $3::int THEN 0
                             ELSE f.failed_count + 1 END,
         locked_until = CASE WHEN f.locked_until > $5 THEN f.locked_until
                             WHEN f.failed_count + 1 >= $3::int THEN $4::timestamptz
                             ELSE f.locked_until END,
         updated_at = $5
       RETURNING failed_count, locked_until`,
      [name, address, maxFailures, lockUntil, now],
    );
    await db.query(
      `DELETE FROM login_failure
        WHERE updated_at < $1 AND (locked_until IS NULL OR locked_until <= $2)`,
      [new Date(now.getTime() - FORGET_AFTER_MS), now],
    );
    return { failedCount: rows[0].failed_count, lockedUntil: rows[0].locked_until };
  }

  /** A right password from `address` starts that address's count again. */
  async clearAddress(db: Db, name: string, address: string): Promise<void> {
    await db.query(`DELETE FROM login_failure WHERE login_name = $1 AND address = $2`, [name, address]);
  }

  /** Forgets every counter and lock of `name`, from every address. */
  async clearName(db: Db, name: string): Promise<number> {
    const result: [unknown[], number] = await db.query(`DELETE FROM login_failure WHERE login_name = $1`, [
      name,
    ]);
    return result[1];
  }
}

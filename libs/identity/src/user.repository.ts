import { Injectable } from '@nestjs/common';
import { Role } from '@eiso/common';
import { Db, escapeLike, findOneForUpdate, saveIfVersion } from '@eiso/database';
import { UserEntity } from './user.entity';

export interface UserFilter {
  agencyId?: string;
  role?: Role;
  active?: boolean;
  q?: string;
}

/** Columns an edit never writes: login bookkeeping (saveLoginState and the counters). */
const NOT_EDITED = [
  'failedLoginCount',
  'lockedUntil',
  'lastLoginAt',
  'signingFailedCount',
  'signingLockedUntil',
] as const;

@Injectable()
export class UserRepository {
  /** Names of accounts, for the audit trail's subjects (unknown ids are left out). */
  async namesOf(db: Db, ids: string[]): Promise<{ id: string; fullName: string; username: string }[]> {
    const rows: { id: string; full_name: string; username: string }[] = await db.query(
      'SELECT id, full_name, username FROM app_user WHERE id = ANY($1::uuid[])',
      [ids],
    );
    return rows.map((r) => ({ id: r.id, fullName: r.full_name, username: r.username }));
  }

  findById(db: Db, id: string): Promise<UserEntity | null> {
    return db.getRepository(UserEntity).findOneBy({ id });
  }

  findByUsername(db: Db, username: string): Promise<UserEntity | null> {
    return db
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .where('lower(u.username) = lower(:username)', { username })
      .getOne();
  }

  /**
   * Locks the row for login bookkeeping, so concurrent attempts see each other's failures.
   * FOR NO KEY UPDATE, not FOR UPDATE: rows that merely reference the user (notifications,
   * signatures) need not wait for it.
   */
  findByIdForLoginState(db: Db, id: string): Promise<UserEntity | null> {
    return findOneForUpdate(db, UserEntity, { id }, 'for_no_key_update');
  }

  /**
   * The user behind an access token, only while its session (refresh-token family) is alive: a
   * logout, a replayed refresh token or a reset revokes the family, and the token stops at once.
   */
  findWithLiveSession(db: Db, id: string, sessionId: string): Promise<UserEntity | null> {
    return db
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .where('u.id = :id', { id })
      .andWhere(
        `EXISTS (SELECT 1 FROM refresh_token t WHERE t.family_id = :sessionId AND t.user_id = u.id
                   AND t.revoked_at IS NULL AND t.expires_at > now())`,
        { sessionId },
      )
      .getOne();
  }

  async usernameExists(db: Db, username: string): Promise<boolean> {
    return db
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .where('lower(u.username) = lower(:username)', { username })
      .getExists();
  }

  async count(db: Db): Promise<number> {
    return db.getRepository(UserEntity).count();
  }

  async insert(db: Db, user: UserEntity): Promise<void> {
    await db.getRepository(UserEntity).insert(user);
  }

  /**
   * Saves only when the row still has `expectedVersion`, else 412 (saveIfVersion). Login
   * bookkeeping is left out: a failure counted since the row was read must not be undone.
   */
  async updateIfVersion(db: Db, user: UserEntity, expectedVersion: number, at: Date): Promise<void> {
    await saveIfVersion(db, UserEntity, user, expectedVersion, at, NOT_EDITED);
  }

  /** Login bookkeeping does not bump the version: it is not an edit of the account. */
  async saveLoginState(db: Db, user: UserEntity): Promise<void> {
    await db.getRepository(UserEntity).update(
      { id: user.id },
      {
        failedLoginCount: user.failedLoginCount,
        lockedUntil: user.lockedUntil,
        lastLoginAt: user.lastLoginAt,
      },
    );
  }

  /**
   * Ends the account-wide lock, the signing lock and their counts (per-address counters live in
   * `login_failure`).
   */
  async clearLockout(db: Db, id: string): Promise<void> {
    await db
      .getRepository(UserEntity)
      .update(
        { id },
        { failedLoginCount: 0, lockedUntil: null, signingFailedCount: 0, signingLockedUntil: null },
      );
  }

  /**
   * One more wrong password, counted in SQL so parallel attempts never lose one: the
   * `maxFailures`-th locks the account until `lockUntil` and starts the count again.
   */
  async recordFailedPassword(
    db: Db,
    id: string,
    maxFailures: number,
    lockUntil: Date,
  ): Promise<{ failedLoginCount: number; lockedUntil: Date | null }> {
    const rows: { failed_login_count: number; locked_until: Date | null }[] = await db.query(
      `WITH failed AS (
         UPDATE app_user SET
           failed_login_count = CASE WHEN failed_login_count + 1 >= $2::int THEN 0
                                     ELSE failed_login_count + 1 END,
           locked_until = CASE WHEN failed_login_count + 1 >= $2::int THEN $3::timestamptz
                               ELSE locked_until END
         WHERE id = $1
         RETURNING failed_login_count, locked_until)
       SELECT failed_login_count, locked_until FROM failed`,
      [id, maxFailures, lockUntil],
    );
    return { failedLoginCount: rows[0].failed_login_count, lockedUntil: rows[0].locked_until };
  }

  /**
   * One more wrong signing password, counted in SQL like `recordFailedPassword`: the
   * `maxFailures`-th locks signing (not login) until `lockUntil` and starts the count again.
   */
  async recordFailedSignature(
    db: Db,
    id: string,
    maxFailures: number,
    lockUntil: Date,
  ): Promise<{ signingFailedCount: number; signingLockedUntil: Date | null }> {
    const rows: { signing_failed_count: number; signing_locked_until: Date | null }[] = await db.query(
      // A CTE, so that the query answers rows (an UPDATE answers [rows, count]).
      `WITH failed AS (
         UPDATE app_user SET
           signing_failed_count = CASE WHEN signing_failed_count + 1 >= $2::int THEN 0
                                       ELSE signing_failed_count + 1 END,
           signing_locked_until = CASE WHEN signing_failed_count + 1 >= $2::int THEN $3::timestamptz
                                       ELSE signing_locked_until END
         WHERE id = $1
         RETURNING signing_failed_count, signing_locked_until)
       SELECT signing_failed_count, signing_locked_until FROM failed`,
      [id, maxFailures, lockUntil],
    );
    return {
      signingFailedCount: rows[0].signing_failed_count,
      signingLockedUntil: rows[0].signing_locked_until,
    };
  }

  /** A right signing password starts the signing count again. */
  async clearSigningFailures(db: Db, id: string): Promise<void> {
    await db.getRepository(UserEntity).update({ id }, { signingFailedCount: 0 });
  }

  /** Active accounts of an agency holding a role, by id. */
  async activeIdsWithRole(db: Db, agencyId: string, role: Role): Promise<string[]> {
    const rows: { id: string }[] = await db.query(
      'SELECT id FROM app_user WHERE active AND agency_id = $1 AND $2 = ANY (roles) ORDER BY id',
      [agencyId, role],
    );
    return rows.map((r) => r.id);
  }

  async findPage(db: Db, filter: UserFilter, offset: number, limit: number): Promise<[UserEntity[], number]> {
    const qb = db.getRepository(UserEntity).createQueryBuilder('u');
    if (filter.agencyId) qb.andWhere('u.agency_id = :agencyId', { agencyId: filter.agencyId });
    if (filter.role) qb.andWhere(':role = ANY(u.roles)', { role: filter.role });
    if (filter.active !== undefined) qb.andWhere('u.active = :active', { active: filter.active });
    if (filter.q) {
      qb.andWhere(
        `(eiso_fold(u.full_name) LIKE '%' || eiso_fold(:q) || '%' OR lower(u.username) LIKE '%' || lower(:q) || '%')`,
        { q: escapeLike(filter.q) },
      );
    }
    return qb.orderBy('u.username', 'ASC').offset(offset).limit(limit).getManyAndCount();
  }
}

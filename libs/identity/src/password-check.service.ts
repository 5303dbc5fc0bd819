import { Injectable } from '@nestjs/common';
import { DomainException, ErrorCode } from '@eiso/common';
import { Db, TransactionRunner } from '@eiso/database';
import { AuditTrailService } from '@eiso/audit-trail';
import { actorOf } from './actor-of';
import { PasswordHasher } from './password.hasher';
import { UserEntity } from './user.entity';
import { UserRepository } from './user.repository';

export const MAX_FAILED_LOGINS = 5;
export const LOCKOUT_MINUTES = 15;

/** The codes a caller answers with; a locked account always answers AUTH_ACCOUNT_LOCKED. */
export interface PasswordRefusals {
  /** No such account. */
  unknown: ErrorCode;
  /** A wrong password that did not lock the account. */
  wrong: ErrorCode;
  /** The password changed while this one was checked against the old hash. */
  changed: ErrorCode;
  /** When set, a deactivated account is refused before its password is looked at. */
  inactive?: ErrorCode;
}

export interface PasswordCheck<T> {
  user: { username: string } | { id: string };
  password: string;
  requestId: string;
  refusals: PasswordRefusals;
  /** What a right password allows, in the transaction that re-read and locked the user row. */
  onVerified: (db: Db, user: UserEntity) => Promise<T>;
}

type Decision<T> = { value: T } | { error: ErrorCode; details?: Record<string, unknown> };

/**
 * The one place a user's password is verified (login and every signature). argon2 runs with no
 * database connection held: the row is read outside any transaction, verified, and only then
 * re-read under a row lock in a short transaction that refuses if the password changed or the
 * account was locked meanwhile, and counts a failure in SQL. Holding a transaction through
 * argon2 would keep a pooled connection and the row lock for its ~100 ms, and on the embedded
 * profile, where one transaction runs at a time, stall every other request.
 */
@Injectable()
export class PasswordCheckService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly users: UserRepository,
    private readonly hasher: PasswordHasher,
    private readonly auditTrail: AuditTrailService,
  ) {}

  /** Five wrong passwords lock the account for 15 minutes; failures are committed even when refused. */
  async verify<T>(check: PasswordCheck<T>): Promise<T> {
    const { refusals } = check;
    const seen =
      'username' in check.user
        ? await this.users.findByUsername(this.tx.db, check.user.username)
        : await this.users.findById(this.tx.db, check.user.id);
    if (!seen) {
      await this.hasher.burnTime(check.password);
      throw new DomainException(refusals.unknown);
    }
    if (refusals.inactive && !seen.active) throw new DomainException(refusals.inactive);
    const lockedBefore = lockedOf(seen, new Date());
    if (lockedBefore) throw new DomainException(lockedBefore.error, lockedBefore.details);

    const right = await this.hasher.verify(seen.passwordHash, check.password);

    const decision = await this.tx.run(async (db): Promise<Decision<T>> => {
      const user = await this.users.findByIdForLoginState(db, seen.id);
      if (!user) return { error: refusals.unknown };
      if (refusals.inactive && !user.active) return { error: refusals.inactive };
      if (user.passwordHash !== seen.passwordHash) return { error: refusals.changed };
      const now = new Date();
      const locked = lockedOf(user, now);
      if (locked) return locked;
      if (!right) return this.recordFailure(db, user, check.requestId, now, refusals.wrong);
      return { value: await check.onVerified(db, user) };
    });
    if ('error' in decision) throw new DomainException(decision.error, decision.details);
    return decision.value;
  }

  private async recordFailure(
    db: Db,
    user: UserEntity,
    requestId: string,
    now: Date,
    wrong: ErrorCode,
  ): Promise<Decision<never>> {
    const lockUntil = new Date(now.getTime() + LOCKOUT_MINUTES * 60_000);
    const state = await this.users.recordFailedPassword(db, user.id, MAX_FAILED_LOGINS, lockUntil);
    const locks = state.lockedUntil !== null && state.lockedUntil > now;
    await this.auditTrail.record(db, actorOf(user, requestId), {
      agencyId: user.agencyId,
      entityType: 'user',
      entityId: user.id,
      action: locks ? 'auth.locked' : 'auth.login_failed',
      after: locks
        ? { lockedUntil: state.lockedUntil?.toISOString() }
        : { failedLoginCount: state.failedLoginCount },
    });
    return locks
      ? { error: ErrorCode.AuthAccountLocked, details: { lockedUntil: state.lockedUntil?.toISOString() } }
      : { error: wrong };
  }
}

function lockedOf(
  user: UserEntity,
  now: Date,
): { error: ErrorCode; details: Record<string, unknown> } | null {
  if (!user.lockedUntil || user.lockedUntil <= now) return null;
  return { error: ErrorCode.AuthAccountLocked, details: { lockedUntil: user.lockedUntil.toISOString() } };
}

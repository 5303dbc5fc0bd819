import { Injectable } from '@nestjs/common';
import { DomainException, ErrorCode } from '@eiso/common';
import { Db, TransactionRunner } from '@eiso/database';
import { AuditTrailService } from '@eiso/audit-trail';
import { actorOf } from './actor-of';
import { LoginFailureRepository } from './login-failure.repository';
import { PasswordHasher } from './password.hasher';
import { UserEntity } from './user.entity';
import { UserRepository } from './user.repository';

/** Wrong passwords from one address that lock the account for that address. */
export const MAX_FAILURES_PER_ADDRESS = 5;
/** Wrong passwords from all addresses together that lock the account everywhere. */
export const MAX_FAILURES_PER_ACCOUNT = 50;
export const LOCKOUT_MINUTES = 15;
/** The `login_failure` address of a name's count over every address (names with no account). */
const EVERY_ADDRESS = '*';

/** The codes a caller answers with; a locked account always answers AUTH_ACCOUNT_LOCKED. */
export interface PasswordRefusals {
  /** No such account. A login by name answers it exactly like `wrong`, lockout included. */
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
  /** Where the attempt comes from: failures lock the account for this address first. */
  clientAddress: string;
  refusals: PasswordRefusals;
  /** What a right password allows, in the transaction that re-read and locked the user row. */
  onVerified: (db: Db, user: UserEntity) => Promise<T>;
}

type Refusal = { error: ErrorCode; details?: Record<string, unknown> };
type Decision<T> = { value: T } | Refusal;

/**
 * The one place a user's password is verified (login, every signature, a password change).
 * argon2 runs with no database connection held: the row is read outside any transaction,
 * verified, and only then re-read under a row lock in a short transaction that refuses if the
 * password changed or the account was locked meanwhile, and counts a failure in SQL. Holding a
 * transaction through argon2 would keep a pooled connection and the row lock for its ~100 ms,
 * and on the embedded profile, where one transaction runs at a time, stall every other request.
 *
 * Failures lock per account and address first (5 in a row lock that pair for 15 minutes), and
 * account-wide only at 50, so nobody can lock an account out from everywhere from one place. A
 * name no account holds is counted and locked the same way, so the answers never tell who exists.
 */
@Injectable()
export class PasswordCheckService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly users: UserRepository,
    private readonly failures: LoginFailureRepository,
    private readonly hasher: PasswordHasher,
    private readonly auditTrail: AuditTrailService,
  ) {}

  /** Failures are committed even when refused. */
  async verify<T>(check: PasswordCheck<T>): Promise<T> {
    const { refusals, clientAddress: address } = check;
    const seen =
      'username' in check.user
        ? await this.users.findByUsername(this.tx.db, check.user.username)
        : await this.users.findById(this.tx.db, check.user.id);
    if (!seen) {
      if ('username' in check.user) return this.refuseUnknownName(check.user.username, check);
      await this.hasher.burnTime(check.password);
      throw new DomainException(refusals.unknown);
    }
    const name = seen.username.toLowerCase();
    if (refusals.inactive && !seen.active) throw new DomainException(refusals.inactive);
    const lockedBefore =
      accountLockOf(seen, new Date()) ??
      lockRefusal(await this.failures.lockedUntil(this.tx.db, name, [address], new Date()));
    if (lockedBefore) throw new DomainException(lockedBefore.error, lockedBefore.details);

    const right = await this.hasher.verify(seen.passwordHash, check.password);

    const decision = await this.tx.run(async (db): Promise<Decision<T>> => {
      const user = await this.users.findByIdForLoginState(db, seen.id);
      if (!user) return { error: refusals.unknown };
      if (refusals.inactive && !user.active) return { error: refusals.inactive };
      if (user.passwordHash !== seen.passwordHash) return { error: refusals.changed };
      const now = new Date();
      // Every failure of this account takes its row lock first, so this read is current.
      const locked =
        accountLockOf(user, now) ?? lockRefusal(await this.failures.lockedUntil(db, name, [address], now));
      if (locked) return locked;
      if (!right) return this.recordFailure(db, user, check, now);
      await this.failures.clearAddress(db, name, address);
      return { value: await check.onVerified(db, user) };
    });
    if ('error' in decision) throw new DomainException(decision.error, decision.details);
    return decision.value;
  }

  /** Same steps, time and answers as a wrong password of an account, without an account. */
  private async refuseUnknownName(username: string, check: PasswordCheck<unknown>): Promise<never> {
    const name = username.toLowerCase();
    const address = check.clientAddress;
    const lockedBefore = lockRefusal(
      await this.failures.lockedUntil(this.tx.db, name, [address, EVERY_ADDRESS], new Date()),
    );
    if (lockedBefore) throw new DomainException(lockedBefore.error, lockedBefore.details);
    await this.hasher.burnTime(check.password);
    const refusal = await this.tx.run(async (db): Promise<Refusal> => {
      await this.failures.lockName(db, name);
      const now = new Date();
      const locked = lockRefusal(await this.failures.lockedUntil(db, name, [address, EVERY_ADDRESS], now));
      if (locked) return locked;
      const lockUntil = lockEnd(now);
      const pair = await this.failures.recordFailure(
        db,
        name,
        address,
        MAX_FAILURES_PER_ADDRESS,
        lockUntil,
        now,
      );
      const all = await this.failures.recordFailure(
        db,
        name,
        EVERY_ADDRESS,
        MAX_FAILURES_PER_ACCOUNT,
        lockUntil,
        now,
      );
      return (
        lockRefusal(latestLock(now, pair.lockedUntil, all.lockedUntil)) ?? { error: check.refusals.unknown }
      );
    });
    throw new DomainException(refusal.error, refusal.details);
  }

  private async recordFailure(
    db: Db,
    user: UserEntity,
    check: PasswordCheck<unknown>,
    now: Date,
  ): Promise<Refusal> {
    const address = check.clientAddress;
    const lockUntil = lockEnd(now);
    const pair = await this.failures.recordFailure(
      db,
      user.username.toLowerCase(),
      address,
      MAX_FAILURES_PER_ADDRESS,
      lockUntil,
      now,
    );
    const account = await this.users.recordFailedPassword(db, user.id, MAX_FAILURES_PER_ACCOUNT, lockUntil);
    const accountLocked = !!account.lockedUntil && account.lockedUntil > now;
    const lockedUntil = latestLock(now, pair.lockedUntil, account.lockedUntil);
    await this.auditTrail.record(db, actorOf(user, check.requestId, address), {
      agencyId: user.agencyId,
      entityType: 'user',
      entityId: user.id,
      action: lockedUntil ? 'auth.locked' : 'auth.login_failed',
      after: lockedUntil
        ? { lockedUntil: lockedUntil.toISOString(), scope: accountLocked ? 'account' : 'address', address }
        : { failedLoginCount: account.failedLoginCount, address },
    });
    return lockRefusal(lockedUntil) ?? { error: check.refusals.wrong };
  }
}

function lockEnd(now: Date): Date {
  return new Date(now.getTime() + LOCKOUT_MINUTES * 60_000);
}

function latestLock(now: Date, ...locks: (Date | null)[]): Date | null {
  const running = locks.filter((d): d is Date => !!d && d > now);
  return running.length ? new Date(Math.max(...running.map((d) => d.getTime()))) : null;
}

function lockRefusal(lockedUntil: Date | null): Refusal | null {
  return lockedUntil
    ? { error: ErrorCode.AuthAccountLocked, details: { lockedUntil: lockedUntil.toISOString() } }
    : null;
}

function accountLockOf(user: UserEntity, now: Date): Refusal | null {
  return lockRefusal(user.lockedUntil && user.lockedUntil > now ? user.lockedUntil : null);
}

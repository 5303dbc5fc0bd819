import { Injectable } from '@nestjs/common';
import { Clock, DomainException, ErrorCode } from '@eiso/common';
import { Db, TransactionRunner } from '@eiso/database';
import { AuditTrailService } from '@eiso/audit-trail';
import { actorOf } from './actor-of';
import { LoginFailureRepository } from './login-failure.repository';
import { PasswordHasher } from './password.hasher';
import { SigningLockNotifier } from './signing-lock.notifier';
import { UserEntity } from './user.entity';
import { UserRepository } from './user.repository';

/** Wrong passwords from one address that lock the account for that address. */
export const MAX_FAILURES_PER_ADDRESS = 5;
/** Wrong passwords from all addresses together that lock the account everywhere. */
export const MAX_FAILURES_PER_ACCOUNT = 50;
export const LOCKOUT_MINUTES = 15;
/** Wrong signing passwords in a row that lock signing (and only signing) for LOCKOUT_MINUTES. */
export const MAX_SIGNING_FAILURES = 5;
/** The `login_failure` address of a name's count over every address (names with no account). */
const EVERY_ADDRESS = '*';

/**
 * What a password is checked for; each counts its own failures. `login` (also a password change):
 * per account and address, and account-wide. `signing`: per account, apart from the login counts,
 * so a mistyped signing password never locks anyone out of logging in, while a session in the
 * wrong hands still gets only five tries every 15 minutes (DESIGN §13).
 */
export type PasswordPurpose = 'login' | 'signing';

/**
 * The codes a caller answers with. A lock by failed logins always answers AUTH_ACCOUNT_LOCKED (and
 * also refuses signing); a lock by wrong signing passwords answers SIGNATURE_LOCKED.
 */
export interface PasswordRefusals {
  /** No such account. A login by name answers it exactly like `wrong`, lockout included. */
  unknown: ErrorCode;
  /** A wrong password that did not lock the account (signing: with `attemptsLeft`). */
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
  /** `login` when not given. */
  purpose?: PasswordPurpose;
  /** What a right password allows, in the transaction that re-read and locked the user row. */
  onVerified: (db: Db, user: UserEntity) => Promise<T>;
}

type Refusal = {
  error: ErrorCode;
  details?: Record<string, unknown>;
};
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
 * Signing counts apart (`PasswordPurpose`).
 */
@Injectable()
export class PasswordCheckService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly users: UserRepository,
    private readonly failures: LoginFailureRepository,
    private readonly hasher: PasswordHasher,
    private readonly auditTrail: AuditTrailService,
    private readonly signingLocks: SigningLockNotifier,
    private readonly clock: Clock,
  ) {}

  /** Failures are committed even when refused. */
  async verify<T>(check: PasswordCheck<T>): Promise<T> {
    const { refusals, clientAddress: address } = check;
    const signing = check.purpose === 'signing';
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
    const seenAt = this.clock.now();
    const lockedBefore =
      accountLockOf(seen, seenAt) ??
      lockRefusal(await this.failures.lockedUntil(this.tx.db, name, [address], seenAt)) ??
      (signing ? signingLockOf(seen, seenAt) : null);
    if (lockedBefore) throw new DomainException(lockedBefore.error, lockedBefore.details);

    const right = await this.hasher.verify(seen.passwordHash, check.password);

    const decision = await this.tx.run(async (db): Promise<Decision<T>> => {
      const user = await this.users.findByIdForLoginState(db, seen.id);
      if (!user) return { error: refusals.unknown };
      if (refusals.inactive && !user.active) return { error: refusals.inactive };
      if (user.passwordHash !== seen.passwordHash) return { error: refusals.changed };
      const now = this.clock.now();
      // Every failure of this account takes its row lock first, so this read is current.
      const locked =
        accountLockOf(user, now) ??
        lockRefusal(await this.failures.lockedUntil(db, name, [address], now)) ??
        (signing ? signingLockOf(user, now) : null);
      if (locked) return locked;
      if (!right) {
        return signing
          ? this.recordSigningFailure(db, user, check, now)
          : this.recordFailure(db, user, check, now);
      }
      if (!signing) await this.failures.clearAddress(db, name, address);
      else if (user.signingFailedCount > 0) await this.users.clearSigningFailures(db, user.id);
      return { value: await check.onVerified(db, user) };
    });
    if ('error' in decision) {
      throw new DomainException(decision.error, decision.details);
    }
    return decision.value;
  }

  /** Same steps, time and answers as a wrong password of an account, without an account. */
  private async refuseUnknownName(username: string, check: PasswordCheck<unknown>): Promise<never> {
    const name = username.toLowerCase();
    const address = check.clientAddress;
    const lockedBefore = lockRefusal(
      await this.failures.lockedUntil(this.tx.db, name, [address, EVERY_ADDRESS], this.clock.now()),
    );
    if (lockedBefore) throw new DomainException(lockedBefore.error, lockedBefore.details);
    await this.hasher.burnTime(check.password);
    const refusal = await this.tx.run(async (db): Promise<Refusal> => {
      await this.failures.lockName(db, name);
      const now = this.clock.now();
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

  /**
   * A wrong signing password: counted on the account's signing counter only. The fifth in a row
   * locks signing, is audited, and tells the agency's ISO secretaries and the holder.
   */
  private async recordSigningFailure(
    db: Db,
    user: UserEntity,
    check: PasswordCheck<unknown>,
    now: Date,
  ): Promise<Refusal> {
    const address = check.clientAddress;
    const counted = await this.users.recordFailedSignature(db, user.id, MAX_SIGNING_FAILURES, lockEnd(now));
    const lockedUntil = latestLock(now, counted.signingLockedUntil);
    const actor = actorOf(user, check.requestId, address);
    const subject = { agencyId: user.agencyId, entityType: 'user', entityId: user.id };
    if (!lockedUntil) {
      const attemptsLeft = MAX_SIGNING_FAILURES - counted.signingFailedCount;
      await this.auditTrail.record(db, actor, {
        ...subject,
        action: 'auth.signing_failed',
        after: { signingFailedCount: counted.signingFailedCount, attemptsLeft, address },
      });
      return { error: check.refusals.wrong, details: { attemptsLeft, lockMinutes: LOCKOUT_MINUTES } };
    }
    await this.auditTrail.record(db, actor, {
      ...subject,
      action: 'auth.signing_locked',
      after: { lockedUntil: lockedUntil.toISOString(), failures: MAX_SIGNING_FAILURES, address },
    });
    // Written with the refusal, e-mailed once it has committed (the job outbox).
    await this.signingLocks.notify(db, user, {
      failures: MAX_SIGNING_FAILURES,
      at: now,
      lockedUntil,
      address,
    });
    return signingLockRefusal(lockedUntil);
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

/** The refusal of a signature while signing is locked by wrong signing passwords. */
export function signingLockRefusal(lockedUntil: Date): {
  error: ErrorCode;
  details: Record<string, unknown>;
} {
  return {
    error: ErrorCode.SignatureLocked,
    details: { lockedUntil: lockedUntil.toISOString(), cause: 'signing' },
  };
}

function signingLockOf(user: UserEntity, now: Date): Refusal | null {
  return user.signingLockedUntil && user.signingLockedUntil > now
    ? signingLockRefusal(user.signingLockedUntil)
    : null;
}

import { Injectable } from '@nestjs/common';
import { Actor, DomainException, ErrorCode } from '@eiso/common';
import { Db, TransactionRunner } from '@eiso/database';
import { AuditTrailService } from '@eiso/audit-trail';
import { LoginFailureRepository } from './login-failure.repository';
import { UserEntity } from './user.entity';
import { UserRepository } from './user.repository';

/** Ends lockouts: `npm run cli -- unlock USER`, and a password reset by a system admin. */
@Injectable()
export class LoginLockoutService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly users: UserRepository,
    private readonly failures: LoginFailureRepository,
    private readonly auditTrail: AuditTrailService,
  ) {}

  /**
   * Clears the account-wide lock, the signing lock and every per-address counter of the account,
   * in the caller's transaction; returns how many per-address counters there were.
   */
  async clear(db: Db, user: UserEntity): Promise<number> {
    await this.users.clearLockout(db, user.id);
    user.failedLoginCount = 0;
    user.lockedUntil = null;
    user.signingFailedCount = 0;
    user.signingLockedUntil = null;
    return this.failures.clearName(db, user.username.toLowerCase());
  }

  /** Unlocks an account by name, everywhere; audited. */
  unlock(actor: Actor, username: string): Promise<{ username: string; cleared: number }> {
    return this.tx.run(async (db) => {
      const found = await this.users.findByUsername(db, username);
      const user = found && (await this.users.findByIdForLoginState(db, found.id));
      if (!user) throw new DomainException(ErrorCode.UserNotFound);
      const before = {
        failedLoginCount: user.failedLoginCount,
        lockedUntil: user.lockedUntil?.toISOString() ?? null,
        signingLockedUntil: user.signingLockedUntil?.toISOString() ?? null,
      };
      const cleared = await this.clear(db, user);
      await this.auditTrail.record(db, actor, {
        agencyId: user.agencyId,
        entityType: 'user',
        entityId: user.id,
        action: 'auth.unlocked',
        before,
        after: { addressCountersCleared: cleared },
      });
      return { username: user.username, cleared };
    });
  }
}

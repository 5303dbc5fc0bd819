import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { Actor, DomainException, ErrorCode, Role } from '@eiso/common';
import { AppConfig } from '@eiso/config';
import { Db, TransactionRunner } from '@eiso/database';
import { AuditTrailService } from '@eiso/audit-trail';
import { AccessTokenService } from './access-token.service';
import { PasswordHasher } from './password.hasher';
import { RefreshTokenRepository } from './refresh-token.repository';
import { UserEntity } from './user.entity';
import { UserRepository } from './user.repository';
import { toUserView, UserView } from './user.view';

export const MAX_FAILED_LOGINS = 5;
export const LOCKOUT_MINUTES = 15;

export interface Session {
  accessToken: string;
  refreshToken: string;
  tokenType: 'Bearer';
  expiresIn: number;
  user: UserView;
}

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** What happened to a login attempt, decided inside the transaction and reported after it. */
type LoginOutcome = { session: Session } | { error: ErrorCode; details?: Record<string, unknown> };

@Injectable()
export class AuthService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly users: UserRepository,
    private readonly refreshTokens: RefreshTokenRepository,
    private readonly hasher: PasswordHasher,
    private readonly accessTokens: AccessTokenService,
    private readonly auditTrail: AuditTrailService,
    @Inject(AppConfig) private readonly config: AppConfig,
  ) {}

  /** Five wrong passwords lock the account for 15 minutes; the failures themselves are committed. */
  async login(username: string, password: string, requestId: string): Promise<Session> {
    const outcome = await this.tx.run(async (db): Promise<LoginOutcome> => {
      const user = await this.users.findByUsernameForUpdate(db, username);
      if (!user) {
        await this.hasher.burnTime(password);
        return { error: ErrorCode.AuthInvalidCredentials };
      }
      const now = new Date();
      if (user.lockedUntil && user.lockedUntil > now) {
        return {
          error: ErrorCode.AuthAccountLocked,
          details: { lockedUntil: user.lockedUntil.toISOString() },
        };
      }
      const actor = actorOf(user, requestId);
      if (!(await this.hasher.verify(user.passwordHash, password))) {
        return this.recordFailure(db, user, actor, now);
      }
      if (!user.active) return { error: ErrorCode.AuthAccountInactive };
      user.failedLoginCount = 0;
      user.lockedUntil = null;
      user.lastLoginAt = now;
      await this.users.saveLoginState(db, user);
      await this.auditTrail.record(db, actor, {
        agencyId: user.agencyId,
        entityType: 'user',
        entityId: user.id,
        action: 'auth.login',
      });
      return { session: await this.issueSession(db, user, randomUUID()) };
    });
    if ('error' in outcome) throw new DomainException(outcome.error, outcome.details);
    return outcome.session;
  }

  private async recordFailure(db: Db, user: UserEntity, actor: Actor, now: Date): Promise<LoginOutcome> {
    user.failedLoginCount += 1;
    const locks = user.failedLoginCount >= MAX_FAILED_LOGINS;
    if (locks) {
      user.lockedUntil = new Date(now.getTime() + LOCKOUT_MINUTES * 60_000);
      user.failedLoginCount = 0;
    }
    await this.users.saveLoginState(db, user);
    await this.auditTrail.record(db, actor, {
      agencyId: user.agencyId,
      entityType: 'user',
      entityId: user.id,
      action: locks ? 'auth.locked' : 'auth.login_failed',
      after: locks
        ? { lockedUntil: user.lockedUntil?.toISOString() }
        : { failedLoginCount: user.failedLoginCount },
    });
    return locks
      ? { error: ErrorCode.AuthAccountLocked, details: { lockedUntil: user.lockedUntil?.toISOString() } }
      : { error: ErrorCode.AuthInvalidCredentials };
  }

  /**
   * Signing needs the password again (DESIGN §1). A wrong one counts toward the lockout like a
   * failed login, and is committed even though the signature is refused.
   */
  async confirmSigner(actor: Actor, password: string): Promise<Signer> {
    const outcome = await this.tx.run(
      async (db): Promise<{ signer: Signer } | { error: ErrorCode; details?: Record<string, unknown> }> => {
        const user = await this.users.findByIdForUpdate(db, actor.userId);
        if (!user || !user.active) return { error: ErrorCode.AuthInvalidToken };
        const now = new Date();
        if (user.lockedUntil && user.lockedUntil > now) {
          return {
            error: ErrorCode.AuthAccountLocked,
            details: { lockedUntil: user.lockedUntil.toISOString() },
          };
        }
        if (!(await this.hasher.verify(user.passwordHash, password))) {
          const failure = await this.recordFailure(db, user, actor, now);
          if ('error' in failure && failure.error === ErrorCode.AuthAccountLocked) return failure;
          return { error: ErrorCode.SignaturePasswordInvalid };
        }
        if (user.failedLoginCount > 0) {
          user.failedLoginCount = 0;
          await this.users.saveLoginState(db, user);
        }
        return {
          signer: { userId: user.id, fullName: user.fullName, position: user.position, roles: user.roles },
        };
      },
    );
    if ('error' in outcome) throw new DomainException(outcome.error, outcome.details);
    return outcome.signer;
  }

  /** Name and position of the acting user, for acts recorded without a password (review). */
  async signerOf(actor: Actor, db: Db = this.tx.db): Promise<Signer> {
    const user = await this.users.findById(db, actor.userId);
    if (!user) throw new DomainException(ErrorCode.AuthInvalidToken);
    return { userId: user.id, fullName: user.fullName, position: user.position, roles: user.roles };
  }

  /** Rotates the refresh token; presenting a token that was already rotated revokes its whole family. */
  async refresh(refreshToken: string): Promise<Session> {
    const outcome = await this.tx.run(async (db): Promise<LoginOutcome> => {
      const stored = await this.refreshTokens.findByHashForUpdate(db, hashToken(refreshToken));
      const now = new Date();
      if (!stored || stored.expiresAt <= now) return { error: ErrorCode.AuthInvalidRefreshToken };
      if (stored.revokedAt) {
        await this.refreshTokens.revokeFamily(db, stored.familyId, now);
        return { error: ErrorCode.AuthInvalidRefreshToken };
      }
      const user = await this.users.findById(db, stored.userId);
      if (!user || !user.active) return { error: ErrorCode.AuthInvalidRefreshToken };
      await this.refreshTokens.revoke(db, stored.id, now);
      return { session: await this.issueSession(db, user, stored.familyId) };
    });
    if ('error' in outcome) throw new DomainException(outcome.error, outcome.details);
    return outcome.session;
  }

  async logout(refreshToken: string): Promise<void> {
    await this.tx.run(async (db) => {
      const stored = await this.refreshTokens.findByHashForUpdate(db, hashToken(refreshToken));
      if (stored) await this.refreshTokens.revokeFamily(db, stored.familyId, new Date());
    });
  }

  /** Resolves a bearer token to the acting user, re-reading roles and the active flag every time. */
  async authenticate(accessToken: string, requestId: string): Promise<Actor> {
    const claims = this.accessTokens.verify(accessToken);
    const user = await this.users.findById(this.tx.db, claims.sub);
    if (!user || !user.active) throw new DomainException(ErrorCode.AuthInvalidToken);
    if (user.passwordChangedAt.getTime() !== claims.pwd) {
      throw new DomainException(ErrorCode.AuthInvalidToken);
    }
    return actorOf(user, requestId);
  }

  private async issueSession(db: Db, user: UserEntity, familyId: string): Promise<Session> {
    const secret = randomBytes(32).toString('base64url');
    const now = new Date();
    await this.refreshTokens.insert(db, {
      id: randomUUID(),
      userId: user.id,
      familyId,
      tokenHash: hashToken(secret),
      expiresAt: new Date(now.getTime() + this.config.REFRESH_TOKEN_TTL_DAYS * 86_400_000),
      revokedAt: null,
      createdAt: now,
    });
    return {
      accessToken: this.accessTokens.sign(user),
      refreshToken: secret,
      tokenType: 'Bearer',
      expiresIn: this.accessTokens.ttlSeconds,
      user: toUserView(user),
    };
  }
}

/** The person behind a signature, as printed on signature pages. */
export interface Signer {
  userId: string;
  fullName: string;
  position: string | null;
  roles: Role[];
}

export function actorOf(user: UserEntity, requestId: string): Actor {
  return {
    userId: user.id,
    username: user.username,
    agencyId: user.agencyId,
    orgUnitId: user.orgUnitId,
    roles: [...user.roles] as Role[],
    requestId,
  };
}

import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { Actor, Clock, DomainException, ErrorCode, Role } from '@eiso/common';
import { AppConfig } from '@eiso/config';
import { Db, TransactionRunner } from '@eiso/database';
import { AuditTrailService } from '@eiso/audit-trail';
import { AccessTokenService } from './access-token.service';
import { actorOf } from './actor-of';
import { PasswordCheckService, signingLockRefusal } from './password-check.service';
import { PasswordHasher } from './password.hasher';
import { RefreshTokenRepository } from './refresh-token.repository';
import { SESSION_CLOCK } from './session-clock';
import { UserEntity } from './user.entity';
import { UserRepository } from './user.repository';
import { toUserView, UserView } from './user.view';

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

/** The caller of a request, and whether its password is temporary (it may then only change it). */
export interface Authenticated {
  actor: Actor;
  passwordChangeRequired: boolean;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What happened to a refresh, decided inside the transaction and reported after it. */
type RefreshOutcome = { session: Session } | { error: ErrorCode; details?: Record<string, unknown> };

@Injectable()
export class AuthService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly users: UserRepository,
    private readonly refreshTokens: RefreshTokenRepository,
    private readonly passwords: PasswordCheckService,
    private readonly hasher: PasswordHasher,
    private readonly accessTokens: AccessTokenService,
    private readonly auditTrail: AuditTrailService,
    @Inject(AppConfig) private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  /**
   * Five wrong passwords from one address lock the account for that address for 15 minutes, 50
   * from anywhere lock it everywhere; an unknown name answers the same (PasswordCheckService).
   */
  login(username: string, password: string, requestId: string, clientAddress = ''): Promise<Session> {
    return this.passwords.verify({
      user: { username },
      password,
      requestId,
      clientAddress,
      refusals: {
        unknown: ErrorCode.AuthInvalidCredentials,
        wrong: ErrorCode.AuthInvalidCredentials,
        changed: ErrorCode.AuthInvalidCredentials,
      },
      onVerified: async (db, user) => {
        if (!user.active) throw new DomainException(ErrorCode.AuthAccountInactive);
        const now = this.clock.now();
        user.failedLoginCount = 0;
        user.lockedUntil = null;
        user.lastLoginAt = now;
        await this.users.saveLoginState(db, user);
        await this.auditTrail.record(db, actorOf(user, requestId, clientAddress), {
          agencyId: user.agencyId,
          entityType: 'user',
          entityId: user.id,
          action: 'auth.login',
        });
        return this.issueSession(db, user, randomUUID());
      },
    });
  }

  /**
   * Signing needs the password again (DESIGN §1). A wrong one is counted on the account's signing
   * counter (not the login ones) and committed even though the signature is refused: it answers
   * SIGNATURE_PASSWORD_INVALID with the tries left, and the fifth in a row SIGNATURE_LOCKED. Call
   * it before the signing transaction opens, and take the signer from `confirmedSigner` inside it.
   */
  confirmPassword(actor: Actor, password: string): Promise<PasswordConfirmation> {
    return this.passwords.verify({
      user: { id: actor.userId },
      password,
      requestId: actor.requestId,
      clientAddress: actor.clientAddress ?? '',
      purpose: 'signing',
      refusals: {
        unknown: ErrorCode.AuthInvalidToken,
        wrong: ErrorCode.SignaturePasswordInvalid,
        // A changed password has ended this session too (authenticate compares the epoch).
        changed: ErrorCode.AuthInvalidToken,
        inactive: ErrorCode.AuthInvalidToken,
      },
      onVerified: (_db, user) =>
        Promise.resolve({ userId: user.id, passwordChangedAt: user.passwordChangedAt }),
    });
  }

  /**
   * The signer of a confirmed password, read in the signing transaction: refused if, since the
   * confirmation, the password changed or the account was deactivated or locked (by failed logins
   * or by wrong signing passwords).
   */
  async confirmedSigner(db: Db, confirmation: PasswordConfirmation): Promise<Signer> {
    const user = await this.users.findById(db, confirmation.userId);
    if (
      !user ||
      !user.active ||
      user.passwordChangedAt.getTime() !== confirmation.passwordChangedAt.getTime()
    ) {
      throw new DomainException(ErrorCode.AuthInvalidToken);
    }
    const now = this.clock.now();
    if (user.lockedUntil && user.lockedUntil > now) {
      throw new DomainException(ErrorCode.AuthAccountLocked, {
        lockedUntil: user.lockedUntil.toISOString(),
      });
    }
    if (user.signingLockedUntil && user.signingLockedUntil > now) {
      const refusal = signingLockRefusal(user.signingLockedUntil);
      throw new DomainException(refusal.error, refusal.details);
    }
    return signerFrom(user);
  }

  /** Name and position of the acting user, for acts recorded without a password (review). */
  async signerOf(actor: Actor, db: Db = this.tx.db): Promise<Signer> {
    const user = await this.users.findById(db, actor.userId);
    if (!user) throw new DomainException(ErrorCode.AuthInvalidToken);
    return signerFrom(user);
  }

  /** Rotates the refresh token; presenting a token that was already rotated revokes its whole family. */
  async refresh(refreshToken: string): Promise<Session> {
    const outcome = await this.tx.run(async (db): Promise<RefreshOutcome> => {
      const stored = await this.refreshTokens.findByHashForUpdate(db, hashToken(refreshToken));
      const now = SESSION_CLOCK.now();
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

  /**
   * The user's own change, with the current password (a wrong one counts toward the lockout). It
   * ends every session of the account, the caller's included, and opens a new one for the caller;
   * it is the only way out of a temporary password.
   */
  async changePassword(actor: Actor, currentPassword: string, newPassword: string): Promise<Session> {
    // The holder of a temporary password must not keep it: whoever set it knows it.
    if (newPassword === currentPassword) throw new DomainException(ErrorCode.AuthPasswordUnchanged);
    const passwordHash = await this.hasher.hash(newPassword);
    return this.passwords.verify({
      user: { id: actor.userId },
      password: currentPassword,
      requestId: actor.requestId,
      clientAddress: actor.clientAddress ?? '',
      refusals: {
        unknown: ErrorCode.AuthInvalidToken,
        wrong: ErrorCode.AuthCurrentPasswordInvalid,
        changed: ErrorCode.AuthInvalidToken,
        inactive: ErrorCode.AuthInvalidToken,
      },
      onVerified: async (db, user) => {
        const now = this.clock.now();
        const wasTemporary = user.mustChangePassword;
        user.passwordHash = passwordHash;
        user.passwordChangedAt = SESSION_CLOCK.now();
        user.mustChangePassword = false;
        user.failedLoginCount = 0;
        // The row is locked (PasswordCheckService), so its version is current.
        await this.users.updateIfVersion(db, user, user.version, now);
        await this.users.saveLoginState(db, user);
        await this.refreshTokens.revokeAllOfUser(db, user.id, SESSION_CLOCK.now());
        await this.auditTrail.record(db, actor, {
          agencyId: user.agencyId,
          entityType: 'user',
          entityId: user.id,
          action: 'user.password_changed',
          after: { replacedTemporaryPassword: wasTemporary },
        });
        return this.issueSession(db, user, randomUUID());
      },
    });
  }

  async logout(refreshToken: string): Promise<void> {
    await this.tx.run(async (db) => {
      const stored = await this.refreshTokens.findByHashForUpdate(db, hashToken(refreshToken));
      if (stored) await this.refreshTokens.revokeFamily(db, stored.familyId, SESSION_CLOCK.now());
    });
  }

  /**
   * Resolves a bearer token to the acting user in one query per request, with no cache: roles,
   * the active flag, the password epoch and the session (refresh-token family) are current, so a
   * logout, a deactivation or a reset ends the token at once.
   */
  async authenticate(accessToken: string, requestId: string, clientAddress?: string): Promise<Authenticated> {
    const claims = this.accessTokens.verify(accessToken);
    // Tokens signed before sessions were checked carry no session: they end like a logout.
    if (typeof claims.sid !== 'string' || !UUID.test(claims.sid) || !UUID.test(claims.sub)) {
      throw new DomainException(ErrorCode.AuthInvalidToken);
    }
    const user = await this.users.findWithLiveSession(this.tx.db, claims.sub, claims.sid);
    if (!user || !user.active) throw new DomainException(ErrorCode.AuthInvalidToken);
    if (user.passwordChangedAt.getTime() !== claims.pwd) {
      throw new DomainException(ErrorCode.AuthInvalidToken);
    }
    return {
      actor: actorOf(user, requestId, clientAddress),
      passwordChangeRequired: user.mustChangePassword,
    };
  }

  private async issueSession(db: Db, user: UserEntity, familyId: string): Promise<Session> {
    const secret = randomBytes(32).toString('base64url');
    const now = SESSION_CLOCK.now();
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
      accessToken: this.accessTokens.sign(user, familyId),
      refreshToken: secret,
      tokenType: 'Bearer',
      expiresIn: this.accessTokens.ttlSeconds,
      user: toUserView(user, this.clock.now()),
    };
  }
}

/** A password checked for signing, before the signing transaction; see `confirmedSigner`. */
export interface PasswordConfirmation {
  readonly userId: string;
  /** The password epoch that was verified. */
  readonly passwordChangedAt: Date;
}

/** The person behind a signature, as printed on signature pages, as they are at signing. */
export interface Signer {
  userId: string;
  fullName: string;
  position: string | null;
  roles: Role[];
  /** When the signer's password had last been set: a later reset leaves the signature as it was. */
  passwordSetAt: Date;
}

function signerFrom(user: UserEntity): Signer {
  return {
    userId: user.id,
    fullName: user.fullName,
    position: user.position,
    roles: user.roles,
    passwordSetAt: user.passwordChangedAt,
  };
}

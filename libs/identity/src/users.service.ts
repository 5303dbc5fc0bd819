import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  Actor,
  Clock,
  DomainException,
  ErrorCode,
  isAdmin,
  Page,
  PageRequest,
  offsetOf,
  pageOf,
  PRIVILEGED_ROLES,
  Role,
} from '@eiso/common';
import { assertVersion, Db, mapUniqueViolation, TransactionRunner } from '@eiso/database';
import { AuditTrailService } from '@eiso/audit-trail';
import { NotificationsService, webLink } from '@eiso/notifications';
import { AgencyDirectory } from '@eiso/organizations';
import { IDENTITY_MESSAGES } from './identity.messages';
import { LoginLockoutService } from './login-lockout.service';
import { PasswordHasher } from './password.hasher';
import { RefreshTokenRepository } from './refresh-token.repository';
import { SESSION_CLOCK } from './session-clock';
import { UserEntity } from './user.entity';
import { UserFilter, UserRepository } from './user.repository';
import { auditSummary, toUserView, UserView } from './user.view';

export interface CreateUserInput {
  username: string;
  fullName: string;
  email?: string | null;
  position?: string | null;
  password: string;
  agencyId?: string | null;
  orgUnitId?: string | null;
  roles: Role[];
  /**
   * Whether the holder must replace the password at first login; defaults to true, since a
   * password chosen by someone else is a temporary one. Only fixtures and the demo province, whose
   * shared password is published for trying every role, create accounts ready to use.
   */
  temporaryPassword?: boolean;
}

export interface UpdateUserInput {
  fullName?: string;
  email?: string | null;
  position?: string | null;
  orgUnitId?: string | null;
  roles?: Role[];
  active?: boolean;
  /**
   * Reset by an administrator or the agency's ISO secretary (only an administrator for an account
   * holding a signing role); temporary until its holder changes it.
   */
  password?: string;
}

/** Roles that sign or issue in an agency's name: only a system admin resets their passwords. */
const ADMIN_RESETS_PASSWORD_OF: readonly Role[] = [Role.Approver, Role.IsoSecretary];

/** Refuses a signing role for an account whose password someone other than its holder knows. */
function assertNoSigningRole(roles: readonly Role[]): void {
  if (roles.some((r) => ADMIN_RESETS_PASSWORD_OF.includes(r))) {
    throw new DomainException(ErrorCode.UserSigningRoleNeedsOwnPassword);
  }
}

/**
 * Accounts. Admins manage every agency; an ISO secretary manages only their own agency and can
 * neither grant nor touch the privileged roles (admin, overseer).
 */
@Injectable()
export class UsersService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly users: UserRepository,
    private readonly refreshTokens: RefreshTokenRepository,
    private readonly hasher: PasswordHasher,
    private readonly auditTrail: AuditTrailService,
    private readonly lockout: LoginLockoutService,
    private readonly notifications: NotificationsService,
    private readonly agencies: AgencyDirectory,
    private readonly clock: Clock,
  ) {}

  async create(actor: Actor, input: CreateUserInput): Promise<UserView> {
    const agencyId = input.agencyId ?? null;
    this.assertCanGrant(actor, input.roles);
    // Whoever chose the first password knows it: only the admin opens a signing account that way.
    if ((input.temporaryPassword ?? true) && !isAdmin(actor)) assertNoSigningRole(input.roles);
    if (!isAdmin(actor) && agencyId !== actor.agencyId) throw new DomainException(ErrorCode.AgencyNotFound);
    if (!agencyId && !input.roles.includes(Role.Admin))
      throw new DomainException(ErrorCode.UserAgencyRequired);
    const passwordHash = await this.hasher.hash(input.password);
    return this.tx.run(async (db) => {
      if (agencyId && !(await this.agencies.exists(agencyId, db))) {
        throw new DomainException(ErrorCode.AgencyNotFound);
      }
      await this.assertOrgUnit(db, input.orgUnitId ?? null, agencyId);
      if (await this.users.usernameExists(db, input.username))
        throw new DomainException(ErrorCode.UsernameTaken);
      const now = this.clock.now();
      const user: UserEntity = {
        id: randomUUID(),
        username: input.username,
        fullName: input.fullName,
        email: input.email ?? null,
        position: input.position ?? null,
        agencyId,
        orgUnitId: input.orgUnitId ?? null,
        roles: unique(input.roles),
        active: true,
        passwordHash,
        failedLoginCount: 0,
        lockedUntil: null,
        lastLoginAt: null,
        signingFailedCount: 0,
        signingLockedUntil: null,
        passwordChangedAt: SESSION_CLOCK.now(),
        mustChangePassword: input.temporaryPassword ?? true,
        createdAt: now,
        updatedAt: now,
        version: 1,
      };
      // Two creations of one name pass the check together: the unique index decides, as a 409.
      await mapUniqueViolation(() => this.users.insert(db, user), {
        ux_app_user_username: ErrorCode.UsernameTaken,
      });
      await this.auditTrail.record(db, actor, {
        agencyId,
        entityType: 'user',
        entityId: user.id,
        action: 'user.created',
        after: auditSummary(user),
      });
      return toUserView(user, now);
    });
  }

  async get(actor: Actor, id: string): Promise<UserView> {
    return toUserView(await this.visible(this.tx.db, actor, id), this.clock.now());
  }

  async list(actor: Actor, filter: UserFilter, page: PageRequest): Promise<Page<UserView>> {
    if (!isAdmin(actor) && filter.agencyId && filter.agencyId !== actor.agencyId) {
      return { items: [], total: 0, page: page.page, pageSize: page.pageSize };
    }
    const scoped = isAdmin(actor) ? filter : { ...filter, agencyId: actor.agencyId ?? undefined };
    const [rows, total] = await this.users.findPage(this.tx.db, scoped, offsetOf(page), page.pageSize);
    const now = this.clock.now();
    return pageOf(rows, total, page, (u) => toUserView(u, now));
  }

  /**
   * A password set here is someone else's choice, so it is temporary: the account can do nothing
   * but change it, every session ends, and its holder is notified (in-app and by e-mail). Only a
   * system admin resets it for an account holding a signing role, and only an admin's reset ends
   * a lockout. Nobody edits their own roles, active flag or password here.
   */
  async update(actor: Actor, id: string, expectedVersion: number, input: UpdateUserInput): Promise<UserView> {
    if (input.roles) this.assertCanGrant(actor, input.roles);
    const passwordHash = input.password ? await this.hasher.hash(input.password) : null;
    return this.tx.run(async (db) => {
      const user = await this.visible(db, actor, id);
      if (!isAdmin(actor) && user.roles.some((r) => PRIVILEGED_ROLES.includes(r))) {
        throw new DomainException(ErrorCode.UserRoleNotGrantable);
      }
      if (user.id === actor.userId) assertOwnEdit(user, input);
      // Before and after this edit: a role dropped in the same request does not open the door.
      if (
        passwordHash &&
        !isAdmin(actor) &&
        [...user.roles, ...(input.roles ?? [])].some((r) => ADMIN_RESETS_PASSWORD_OF.includes(r))
      ) {
        throw new DomainException(ErrorCode.UserPasswordResetAdminOnly);
      }
      // A password someone else set is still in use: granting a signing role now would hand that
      // person the signature (remove the role, reset, grant it back). The holder changes it first.
      if (input.roles && !isAdmin(actor) && (user.mustChangePassword || passwordHash)) {
        assertNoSigningRole(input.roles.filter((r) => !user.roles.includes(r)));
      }
      const before = auditSummary(user);
      if (input.orgUnitId !== undefined) {
        await this.assertOrgUnit(db, input.orgUnitId, user.agencyId);
        user.orgUnitId = input.orgUnitId;
      }
      if (input.fullName !== undefined) user.fullName = input.fullName;
      if (input.email !== undefined) user.email = input.email;
      if (input.position !== undefined) user.position = input.position;
      if (input.roles) {
        if (!user.agencyId && !input.roles.includes(Role.Admin))
          throw new DomainException(ErrorCode.UserAgencyRequired);
        user.roles = unique(input.roles);
      }
      if (input.active !== undefined) user.active = input.active;
      const now = this.clock.now();
      if (passwordHash) {
        user.passwordHash = passwordHash;
        user.passwordChangedAt = SESSION_CLOCK.now();
        user.mustChangePassword = true;
      }
      assertVersion(user, expectedVersion);
      await this.users.updateIfVersion(db, user, expectedVersion, now);
      const lockoutCleared = !!passwordHash && isAdmin(actor);
      if (lockoutCleared) await this.lockout.clear(db, user);
      // A reset password or a deactivation ends every open session of that user.
      if (passwordHash || input.active === false)
        await this.refreshTokens.revokeAllOfUser(db, user.id, SESSION_CLOCK.now());
      await this.auditTrail.record(db, actor, {
        agencyId: user.agencyId,
        entityType: 'user',
        entityId: user.id,
        action: passwordHash ? 'user.updated_password_reset' : 'user.updated',
        before,
        after: passwordHash
          ? { ...auditSummary(user), mustChangePassword: true, lockoutCleared }
          : auditSummary(user),
      });
      if (passwordHash) await this.notifyReset(db, actor, user, now);
      return toUserView(user, now);
    });
  }

  private async notifyReset(db: Db, actor: Actor, user: UserEntity, at: Date): Promise<string[]> {
    // The system actor (no id) is named by its username.
    const by = actor.userId ? await this.users.findById(db, actor.userId) : null;
    const text = IDENTITY_MESSAGES.passwordReset(
      user.username,
      by ? `${by.fullName} (${by.username})` : actor.username,
      at,
    );
    return this.notifications.notify(db, [
      {
        userId: user.id,
        agencyId: user.agencyId,
        kind: 'user.password_reset',
        title: text.title,
        body: text.body,
        entityType: 'user',
        entityId: user.id,
        link: webLink.profile(),
      },
    ]);
  }

  /** Another agency's user answers 404, exactly like a missing one. */
  private async visible(db: Db, actor: Actor, id: string): Promise<UserEntity> {
    const user = await this.users.findById(db, id);
    if (!user || (!isAdmin(actor) && user.agencyId !== actor.agencyId)) {
      throw new DomainException(ErrorCode.UserNotFound);
    }
    return user;
  }

  private assertCanGrant(actor: Actor, roles: Role[]): void {
    if (isAdmin(actor)) return;
    const refused = roles.filter((r) => PRIVILEGED_ROLES.includes(r));
    if (refused.length > 0) throw new DomainException(ErrorCode.UserRoleNotGrantable, { roles: refused });
  }

  private async assertOrgUnit(db: Db, orgUnitId: string | null, agencyId: string | null): Promise<void> {
    if (!orgUnitId) return;
    if (!agencyId || !(await this.agencies.orgUnitsBelong(agencyId, [orgUnitId], db))) {
      throw new DomainException(ErrorCode.OrgUnitNotFound);
    }
  }
}

function unique(roles: Role[]): Role[] {
  return [...new Set(roles)];
}

function sameRoles(current: Role[], next: Role[]): boolean {
  const wanted = new Set(next);
  return wanted.size === new Set(current).size && current.every((r) => wanted.has(r));
}

/** What nobody edits on their own account through user management. */
function assertOwnEdit(user: UserEntity, input: UpdateUserInput): void {
  if (input.active === false) throw new DomainException(ErrorCode.UserCannotDeactivateSelf);
  if (input.roles && !sameRoles(user.roles, input.roles)) {
    throw new DomainException(ErrorCode.UserCannotChangeOwnRoles);
  }
  // Changing one's own password needs the current one (POST /me/password).
  if (input.password !== undefined) throw new DomainException(ErrorCode.UserCannotResetOwnPassword);
}

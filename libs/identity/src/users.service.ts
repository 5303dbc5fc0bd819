import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  Actor,
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
import { Db, TransactionRunner } from '@eiso/database';
import { AuditTrailService } from '@eiso/audit-trail';
import { PasswordHasher } from './password.hasher';
import { RefreshTokenRepository } from './refresh-token.repository';
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
}

export interface UpdateUserInput {
  fullName?: string;
  email?: string | null;
  position?: string | null;
  orgUnitId?: string | null;
  roles?: Role[];
  active?: boolean;
  /** Reset by an administrator or the agency's ISO secretary. */
  password?: string;
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
  ) {}

  async create(actor: Actor, input: CreateUserInput): Promise<UserView> {
    const agencyId = input.agencyId ?? null;
    this.assertCanGrant(actor, input.roles);
    if (!isAdmin(actor) && agencyId !== actor.agencyId) throw new DomainException(ErrorCode.AgencyNotFound);
    if (!agencyId && !input.roles.includes(Role.Admin))
      throw new DomainException(ErrorCode.UserAgencyRequired);
    const passwordHash = await this.hasher.hash(input.password);
    return this.tx.run(async (db) => {
      if (agencyId && !(await this.users.agencyExists(db, agencyId))) {
        throw new DomainException(ErrorCode.AgencyNotFound);
      }
      await this.assertOrgUnit(db, input.orgUnitId ?? null, agencyId);
      if (await this.users.usernameExists(db, input.username))
        throw new DomainException(ErrorCode.UsernameTaken);
      const now = new Date();
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
        passwordChangedAt: now,
        createdAt: now,
        updatedAt: now,
        version: 1,
      };
      await this.users.insert(db, user);
      await this.auditTrail.record(db, actor, {
        agencyId,
        entityType: 'user',
        entityId: user.id,
        action: 'user.created',
        after: auditSummary(user),
      });
      return toUserView(user);
    });
  }

  async get(actor: Actor, id: string): Promise<UserView> {
    return toUserView(await this.visible(this.tx.db, actor, id));
  }

  async list(actor: Actor, filter: UserFilter, page: PageRequest): Promise<Page<UserView>> {
    if (!isAdmin(actor) && filter.agencyId && filter.agencyId !== actor.agencyId) {
      return { items: [], total: 0, page: page.page, pageSize: page.pageSize };
    }
    const scoped = isAdmin(actor) ? filter : { ...filter, agencyId: actor.agencyId ?? undefined };
    const [rows, total] = await this.users.findPage(this.tx.db, scoped, offsetOf(page), page.pageSize);
    return pageOf(rows, total, page, toUserView);
  }

  async update(actor: Actor, id: string, expectedVersion: number, input: UpdateUserInput): Promise<UserView> {
    if (input.roles) this.assertCanGrant(actor, input.roles);
    const passwordHash = input.password ? await this.hasher.hash(input.password) : null;
    return this.tx.run(async (db) => {
      const user = await this.visible(db, actor, id);
      if (!isAdmin(actor) && user.roles.some((r) => PRIVILEGED_ROLES.includes(r))) {
        throw new DomainException(ErrorCode.UserRoleNotGrantable);
      }
      if (
        user.id === actor.userId &&
        (input.active === false || (input.roles && !sameAdminStatus(user, input.roles)))
      ) {
        throw new DomainException(ErrorCode.UserCannotDeactivateSelf);
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
      if (passwordHash) {
        user.passwordHash = passwordHash;
        user.passwordChangedAt = new Date();
        user.failedLoginCount = 0;
        user.lockedUntil = null;
      }
      if (!(await this.users.updateIfVersion(db, user, expectedVersion))) {
        throw new DomainException(ErrorCode.PreconditionFailed, { currentVersion: user.version });
      }
      // A reset password or a deactivation ends every open session of that user.
      if (passwordHash || input.active === false)
        await this.refreshTokens.revokeAllOfUser(db, user.id, new Date());
      await this.auditTrail.record(db, actor, {
        agencyId: user.agencyId,
        entityType: 'user',
        entityId: user.id,
        action: passwordHash ? 'user.updated_password_reset' : 'user.updated',
        before,
        after: auditSummary(user),
      });
      return toUserView(user);
    });
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
    if (!agencyId || !(await this.users.orgUnitBelongsTo(db, orgUnitId, agencyId))) {
      throw new DomainException(ErrorCode.OrgUnitNotFound);
    }
  }
}

function unique(roles: Role[]): Role[] {
  return [...new Set(roles)];
}

function sameAdminStatus(user: UserEntity, roles: Role[]): boolean {
  return user.roles.includes(Role.Admin) === roles.includes(Role.Admin);
}

import { Role } from '@eiso/common';
import { UserEntity } from './user.entity';

/** What the API shows of a user: never the hash or the login counters. */
export interface UserView {
  id: string;
  username: string;
  fullName: string;
  email: string | null;
  position: string | null;
  agencyId: string | null;
  orgUnitId: string | null;
  roles: Role[];
  active: boolean;
  lockedUntil: string | null;
  /** The password was set by someone else: the account must change it before anything else. */
  mustChangePassword: boolean;
  lastLoginAt: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

/** `now` decides whether a lock still runs (the Clock's time). */
export function toUserView(u: UserEntity, now: Date): UserView {
  return {
    id: u.id,
    username: u.username,
    fullName: u.fullName,
    email: u.email,
    position: u.position,
    agencyId: u.agencyId,
    orgUnitId: u.orgUnitId,
    roles: u.roles,
    active: u.active,
    lockedUntil: u.lockedUntil && u.lockedUntil > now ? u.lockedUntil.toISOString() : null,
    mustChangePassword: u.mustChangePassword,
    lastLoginAt: u.lastLoginAt?.toISOString() ?? null,
    createdAt: u.createdAt.toISOString(),
    updatedAt: u.updatedAt.toISOString(),
    version: u.version,
  };
}

/** The part of a user written to the audit trail. */
export function auditSummary(u: UserEntity): Record<string, unknown> {
  return {
    username: u.username,
    fullName: u.fullName,
    email: u.email,
    position: u.position,
    agencyId: u.agencyId,
    orgUnitId: u.orgUnitId,
    roles: u.roles,
    active: u.active,
  };
}

import { Permission } from './permission';
import { Role } from './role';

const MEMBER: Permission[] = [Permission.ProfileRead, Permission.AgencyRead, Permission.OrgUnitRead];

/**
 * Role → permission map. The route guard checks it; services then check the record
 * (agency scope, ownership, state), because a permission alone never grants another agency's data.
 */
export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  [Role.Drafter]: MEMBER,
  [Role.Reviewer]: MEMBER,
  [Role.Approver]: [...MEMBER, Permission.UserRead, Permission.AuditEventRead],
  [Role.IsoSecretary]: [
    ...MEMBER,
    Permission.OrgUnitManage,
    Permission.UserRead,
    Permission.UserManage,
    Permission.AuditEventRead,
  ],
  [Role.Auditor]: [...MEMBER, Permission.AuditEventRead],
  [Role.Staff]: MEMBER,
  [Role.Overseer]: MEMBER,
  [Role.Admin]: Object.values(Permission),
};

export function permissionsOf(roles: readonly Role[]): Set<Permission> {
  const granted = new Set<Permission>();
  for (const role of roles) for (const p of ROLE_PERMISSIONS[role] ?? []) granted.add(p);
  return granted;
}

export function hasPermission(roles: readonly Role[], permission: Permission): boolean {
  return roles.some((role) => ROLE_PERMISSIONS[role]?.includes(permission));
}

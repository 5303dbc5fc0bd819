import { Actor, DomainException, ErrorCode, hasPermission, Permission } from '@eiso/common';

/**
 * Who records and changes a risk or opportunity: a holder of risk.manage_agency (the head, the ISO
 * secretary) for any unit of the agency; a unit head (risk.manage) only for their own unit's. The
 * guard checked risk.manage already.
 */
export function mayManageRisk(actor: Pick<Actor, 'roles' | 'orgUnitId'>, ownerOrgUnitId: string): boolean {
  if (hasPermission(actor.roles, Permission.RiskManageAgency)) return true;
  return hasPermission(actor.roles, Permission.RiskManage) && actor.orgUnitId === ownerOrgUnitId;
}

/** 403 RISK_NOT_OWNER_UNIT unless the actor may manage the risks of that unit. */
export function assertMayManageRisk(actor: Actor, ownerOrgUnitId: string): void {
  if (!mayManageRisk(actor, ownerOrgUnitId)) throw new DomainException(ErrorCode.RiskNotOwnerUnit);
}

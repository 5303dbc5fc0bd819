import { Actor, DomainException, ErrorCode, hasPermission, Permission } from '@eiso/common';
import { ObjectiveState } from './objective-state';

/**
 * Who enters an objective's figures: a manager of objectives, or a holder of objective.measure
 * (unit heads) of the objective's owner unit. The guard checked objective.measure already.
 */
export function mayMeasure(
  actor: Pick<Actor, 'roles' | 'orgUnitId'>,
  objective: { ownerOrgUnitId: string },
): boolean {
  if (hasPermission(actor.roles, Permission.ObjectiveManage)) return true;
  return (
    hasPermission(actor.roles, Permission.ObjectiveMeasure) && actor.orgUnitId === objective.ownerOrgUnitId
  );
}

export function assertMayMeasure(actor: Actor, objective: { ownerOrgUnitId: string }): void {
  if (!mayMeasure(actor, objective)) throw new DomainException(ErrorCode.ObjectiveNotOwnerUnit);
}

/** A withdrawn objective takes no edit and no figure. */
export function assertActive(objective: { state: ObjectiveState }): void {
  if (objective.state === ObjectiveState.Withdrawn) throw new DomainException(ErrorCode.ObjectiveWithdrawn);
}

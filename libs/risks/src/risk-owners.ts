import { Injectable } from '@nestjs/common';
import { Permission, Role, ROLE_PERMISSIONS } from '@eiso/common';
import { Db } from '@eiso/database';
import { UserDirectory } from '@eiso/identity';

/** The roles whose holders manage risks: the heads of a unit among its members. */
export const RISK_MANAGER_ROLES: readonly Role[] = (Object.keys(ROLE_PERMISSIONS) as Role[]).filter((role) =>
  ROLE_PERMISSIONS[role].includes(Permission.RiskManage),
);

/** Whom a risk is for: its owner user, or else its owner unit's heads, or else the ISO secretaries. */
export interface RiskOwnerRef {
  agencyId: string;
  ownerOrgUnitId: string;
  ownerUserId: string | null;
}

/**
 * Who answers for each risk: the owner user when one is named and active; otherwise the active
 * members of the owner unit holding risk.manage (the unit's heads); when the unit has none, the
 * agency's ISO secretaries. A constant number of queries whatever the number of risks.
 */
@Injectable()
export class RiskOwners {
  constructor(private readonly users: UserDirectory) {}

  async recipientsOf(db: Db, risks: readonly RiskOwnerRef[]): Promise<string[][]> {
    if (!risks.length) return [];
    const named = risks.flatMap((r) => (r.ownerUserId ? [r.ownerUserId] : []));
    const active = new Set(
      (await this.users.activeIn({ userIds: named, orgUnitIds: [] }, db)).map((u) => u.id),
    );
    const headless = risks.filter((r) => !(r.ownerUserId && active.has(r.ownerUserId)));
    const heads = new Map<string, Set<string>>();
    for (const agencyId of new Set(headless.map((r) => r.agencyId))) {
      const units = [
        ...new Set(headless.filter((r) => r.agencyId === agencyId).map((r) => r.ownerOrgUnitId)),
      ];
      for (const role of RISK_MANAGER_ROLES) {
        for (const [unitId, contacts] of await this.users.withRoleInUnits(agencyId, role, units, db)) {
          const set = heads.get(unitId) ?? new Set<string>();
          contacts.forEach((c) => set.add(c.id));
          heads.set(unitId, set);
        }
      }
    }
    const needSecretaries = headless.filter((r) => !(heads.get(r.ownerOrgUnitId)?.size ?? 0));
    const secretaries = await this.users.withRoleIn(
      needSecretaries.map((r) => r.agencyId),
      Role.IsoSecretary,
      db,
    );
    return risks.map((r) => {
      if (r.ownerUserId && active.has(r.ownerUserId)) return [r.ownerUserId];
      const unitHeads = [...(heads.get(r.ownerOrgUnitId) ?? [])].sort();
      if (unitHeads.length) return unitHeads;
      return (secretaries.get(r.agencyId) ?? []).map((u) => u.id);
    });
  }
}

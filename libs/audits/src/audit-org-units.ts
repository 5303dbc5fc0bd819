import { DomainException, ErrorCode } from '@eiso/common';
import { Db } from '@eiso/database';
import { AgencyDirectory } from '@eiso/organizations';
import { AUDIT_MESSAGES } from './audits.messages';

/**
 * The org units a programme line or an audit's scope names must be active units of the agency:
 * 422 AUDIT_ORG_UNIT_INVALID naming the others. One query; nothing to check for no unit.
 */
export async function assertActiveOrgUnits(
  agencies: AgencyDirectory,
  db: Db,
  agencyId: string,
  orgUnitIds: readonly string[],
): Promise<void> {
  const ids = [...new Set(orgUnitIds)];
  if (!ids.length) return;
  const units = new Map((await agencies.orgUnitsOf(agencyId, db)).map((u) => [u.id, u]));
  const invalid = ids.filter((id) => !units.get(id)?.active);
  if (invalid.length) {
    throw new DomainException(ErrorCode.AuditOrgUnitInvalid, {
      orgUnitIds: invalid,
      message: AUDIT_MESSAGES.refusals.orgUnits(invalid),
    });
  }
}

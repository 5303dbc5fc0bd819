import { OrgUnitEntity } from './org-unit.entity';

/** What the API shows of an org unit. */
export interface OrgUnitView {
  id: string;
  agencyId: string;
  parentId: string | null;
  code: string | null;
  name: string;
  active: boolean;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export function toOrgUnitView(u: OrgUnitEntity): OrgUnitView {
  return {
    id: u.id,
    agencyId: u.agencyId,
    parentId: u.parentId,
    code: u.code,
    name: u.name,
    active: u.active,
    createdAt: u.createdAt.toISOString(),
    updatedAt: u.updatedAt.toISOString(),
    version: u.version,
  };
}

/** The part of an org unit written to the audit trail. */
export function orgUnitAuditSummary(u: OrgUnitEntity): Record<string, unknown> {
  return {
    agencyId: u.agencyId,
    parentId: u.parentId,
    code: u.code,
    name: u.name,
    active: u.active,
    version: u.version,
  };
}

import { AgencyEntity } from './agency.entity';
import { AgencyLevel, AgencyStatus } from './agency-level';

/** What the API shows of an agency. */
export interface AgencyView {
  id: string;
  code: string | null;
  name: string;
  abbreviation: string | null;
  place: string | null;
  level: AgencyLevel;
  parentId: string | null;
  roadmapYear: number | null;
  status: AgencyStatus;
  successorId: string | null;
  validFrom: string;
  validTo: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export function toAgencyView(a: AgencyEntity): AgencyView {
  return {
    id: a.id,
    code: a.code,
    name: a.name,
    abbreviation: a.abbreviation,
    place: a.place,
    level: a.level,
    parentId: a.parentId,
    roadmapYear: a.roadmapYear,
    status: a.status,
    successorId: a.successorId,
    validFrom: a.validFrom,
    validTo: a.validTo,
    createdAt: a.createdAt.toISOString(),
    updatedAt: a.updatedAt.toISOString(),
    version: a.version,
  };
}

/** The part of an agency written to the audit trail. */
export function agencyAuditSummary(a: AgencyEntity): Record<string, unknown> {
  return {
    code: a.code,
    name: a.name,
    abbreviation: a.abbreviation,
    place: a.place,
    level: a.level,
    parentId: a.parentId,
    roadmapYear: a.roadmapYear,
    status: a.status,
    successorId: a.successorId,
    validFrom: a.validFrom,
    validTo: a.validTo,
    version: a.version,
  };
}

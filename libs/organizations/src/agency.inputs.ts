import { PageRequest } from '@eiso/common';
import { AgencyLevel, AgencyStatus } from './agency-level';

export interface CreateAgencyInput {
  code?: string | null;
  name: string;
  abbreviation?: string | null;
  place?: string | null;
  level: AgencyLevel;
  parentId?: string | null;
  roadmapYear?: number | null;
  /** `YYYY-MM-DD`; today when omitted. */
  validFrom?: string;
  validTo?: string | null;
}

/** PATCH: only the fields given change; `null` clears an optional one. Status changes belong to restructuring. */
export interface UpdateAgencyInput {
  code?: string | null;
  name?: string;
  abbreviation?: string | null;
  place?: string | null;
  level?: AgencyLevel;
  parentId?: string | null;
  roadmapYear?: number | null;
  validFrom?: string;
  validTo?: string | null;
}

export interface AgencyListQuery extends PageRequest {
  level?: AgencyLevel;
  roadmapYear?: number;
  parentId?: string;
  status?: AgencyStatus;
  /** Accent-insensitive part of the name: "dak ha" finds "Đăk Hà". */
  q?: string;
  /** `field:direction`, see AGENCY_SORTS. */
  sort?: string;
}

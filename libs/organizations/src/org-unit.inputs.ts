import { PageRequest } from '@eiso/common';

export interface CreateOrgUnitInput {
  name: string;
  code?: string | null;
  parentId?: string | null;
}

/** PATCH: only the fields given change; `null` clears code or parent. */
export interface UpdateOrgUnitInput {
  name?: string;
  code?: string | null;
  parentId?: string | null;
  active?: boolean;
}

export interface OrgUnitListQuery extends PageRequest {
  q?: string;
  active?: boolean;
  parentId?: string;
}

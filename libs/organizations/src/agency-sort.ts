/** The fields a list of agencies can be sorted by: `?sort=roadmapYear:desc`. */
export const AGENCY_SORT_FIELDS = ['name', 'code', 'level', 'roadmapYear', 'createdAt', 'updatedAt'] as const;
export type AgencySortField = (typeof AGENCY_SORT_FIELDS)[number];
export type SortDirection = 'asc' | 'desc';

export interface AgencySort {
  field: AgencySortField;
  direction: SortDirection;
}

/** Every accepted `sort` value, for validation at the edge. */
export const AGENCY_SORTS: readonly string[] = AGENCY_SORT_FIELDS.flatMap((f) => [`${f}:asc`, `${f}:desc`]);

export const DEFAULT_AGENCY_SORT: AgencySort = { field: 'name', direction: 'asc' };

/** `"roadmapYear:desc"` → `{ field, direction }`; anything outside the whitelist falls back to the default. */
export function parseAgencySort(value: string | undefined): AgencySort {
  if (!value || !AGENCY_SORTS.includes(value)) return DEFAULT_AGENCY_SORT;
  const [field, direction] = value.split(':') as [AgencySortField, SortDirection];
  return { field, direction };
}
